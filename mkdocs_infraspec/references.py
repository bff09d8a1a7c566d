"""Check every reference of a spec against its index, and find dependency cycles."""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from pydantic import BaseModel

from . import codes
from .diagnostics import Diagnostic
from .index import SpecIndex
from .models import CONCERNS, Spec
from .models.base import Item
from .schema import _unwrap, closest


@cache
def kinds_defined_by(model: type[BaseModel]) -> frozenset[str]:
    """The item kinds that a concern model (or any model inside it) defines."""
    kinds: set[str] = set()
    seen: set[type[BaseModel]] = set()

    def visit(cls: type[BaseModel]) -> None:
        if cls in seen:
            return
        seen.add(cls)
        if issubclass(cls, Item):
            kinds.add(cls.KIND)
        for info in cls.model_fields.values():
            for candidate in _leaf_types(info.annotation):
                if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                    visit(candidate)

    visit(model)
    return frozenset(kinds)


def _leaf_types(annotation: Any) -> list[Any]:
    found: list[Any] = []
    for candidate in _unwrap(annotation):
        args = typing.get_args(candidate)
        if args and typing.get_origin(candidate) in (list, tuple, set, dict):
            for arg in args:
                found.extend(_leaf_types(arg))
        else:
            found.append(candidate)
    return found


def unreliable_kinds(spec: Spec) -> set[str]:
    """Kinds whose defining concern failed to load: references to them cannot be judged."""
    kinds: set[str] = set()
    for concern in CONCERNS:
        if concern.name in spec.invalid:
            kinds |= kinds_defined_by(concern.model)
    return kinds


def _words(kinds: tuple[str, ...]) -> str:
    names = [k.replace("-", " ") for k in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def suggest(target: str, candidates: list[str], unreferenced: list[str]) -> str | None:
    """The id most likely meant: a close spelling, a longer or shorter form, or a renamed item.

    After a rename (``db`` -> ``database``) the new id is often the only one of its kind
    that nothing refers to yet, so it is offered when no spelling is close.
    """
    match = closest(target, candidates)
    if match:
        return match
    affixed = [c for c in candidates if c.startswith(target) or target.startswith(c) or target in c]
    if len(affixed) == 1:
        return affixed[0]
    abbreviations = [c for c in candidates if c[:1] == target[:1] and _is_subsequence(target.replace("-", ""), c)]
    if len(abbreviations) == 1:
        return abbreviations[0]
    if len(unreferenced) == 1:
        return unreferenced[0]
    return closest(target, unreferenced, cutoff=0.3)


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(letter in letters for letter in short)


def check_references(spec: Spec, index: SpecIndex) -> list[Diagnostic]:
    """Report every reference to an id that does not exist, with the most likely id meant."""
    skip = unreliable_kinds(spec)
    diagnostics: list[Diagnostic] = []
    every_id = sorted({entry.id for entry in index})
    referenced = {(kind, ref.target) for ref in index.references for kind in ref.kinds}
    dangling = [ref for ref in index.references if index.resolve(ref.target, ref.kinds) is None]
    # Where a dangling id is also used by a single-kind reference, that kind is what it meant.
    meant: dict[str, set[str]] = {}
    for ref in dangling:
        if len(ref.kinds) == 1 and ref.kinds != ("*",):
            meant.setdefault(ref.target, set()).add(ref.kinds[0])
    for ref in dangling:
        if ref.kinds == ("*",):
            if skip:
                continue
            candidates, unreferenced = every_id, []
            if ref.target in meant:  # used elsewhere as, say, a component: suggest like one
                likely = sorted(meant[ref.target])
                candidates = [i for kind in likely for i in index.ids(kind)]
                unreferenced = [i for kind in likely for i in index.ids(kind) if (kind, i) not in referenced]
            message = f"unknown id {ref.target!r}: no item of the spec has it"
            what = "item"
        else:
            if any(kind in skip for kind in ref.kinds):
                continue
            candidates = [i for kind in ref.kinds for i in index.ids(kind)]
            likely = [k for k in ref.kinds if k in meant.get(ref.target, ())] or list(ref.kinds)
            unreferenced = [i for kind in likely for i in index.ids(kind) if (kind, i) not in referenced]
            what = _words(ref.kinds)
            message = (
                f"unknown {what} {ref.target!r}" if len(ref.kinds) == 1
                else f"unknown id {ref.target!r}: no {what} has it"
            )
        suggestion = suggest(ref.target, candidates, unreferenced)
        if suggestion:
            hint = f"did you mean {suggestion!r}?"
        elif candidates:
            shown = ", ".join(candidates[:8]) + (", ..." if len(candidates) > 8 else "")
            hint = f"known ids: {shown}"
        else:
            hint = f"no {what} is defined yet"
        diagnostics.append(codes.UNKNOWN_REFERENCE(ref.location, f"{message} ({ref.describe()})", hint=hint))
    diagnostics.extend(check_cycles(spec, index))
    return diagnostics


def find_cycles(nodes: Iterable[str], edges: Callable[[str], list[str]]) -> list[list[str]]:
    """Every elementary cycle's representative: one cycle per strongly connected component.

    Tarjan's algorithm, iterative (no recursion limit on deep graphs). Each cycle is listed
    from its first node in ``nodes`` order and closed (``[a, b, a]``).
    """
    order = list(nodes)
    position = {node: i for i, node in enumerate(order)}
    index_of: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in order:
        if root in index_of:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, next_edge = work.pop()
            if next_edge == 0:
                index_of[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = [s for s in edges(node) if s in position]
            if next_edge < len(successors):
                work.append((node, next_edge + 1))
                succ = successors[next_edge]
                if succ not in index_of:
                    work.append((succ, 0))
                elif succ in on_stack:
                    low[node] = min(low[node], index_of[succ])
                continue
            if low[node] == index_of[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges(node):
                    components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    cycles = []
    for component in components:
        members = set(component)
        start = min(component, key=position.__getitem__)
        cycles.append(_cycle_through(start, members, edges))
    return sorted(cycles, key=lambda c: position[c[0]])


def _cycle_through(start: str, members: set[str], edges: Callable[[str], list[str]]) -> list[str]:
    """A shortest cycle from ``start`` back to itself inside one strongly connected component."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        nxt: list[str] = []
        for node in frontier:
            for succ in edges(node):
                if succ == start:
                    path = [start]
                    walk = node
                    while walk != start:
                        path.append(walk)
                        walk = previous[walk]
                    return [start, *reversed(path[1:]), start]
                if succ in members and succ not in previous:
                    previous[succ] = node
                    nxt.append(succ)
        frontier = nxt
    return [start, start]


def check_cycles(spec: Spec, index: SpecIndex) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    components = {c.id: c for c in spec.components}
    for cycle in find_cycles(components, lambda n: components[n].depends_on if n in components else []):
        first = components[cycle[0]]
        at = next(i for i, d in enumerate(first.dependencies) if d.component == cycle[1])
        diagnostics.append(
            codes.DEPENDENCY_CYCLE(
                first.loc("dependencies", at),
                "components depend on each other in a cycle: " + " → ".join(cycle),
                hint="break the cycle: one of these dependencies is the wrong way round, or belongs to a shared component",
                related=tuple(components[n].loc("id") for n in cycle[1:-1]),
            )
        )
    layers = {layer.id: layer for layer in spec.architecture.layers}
    for cycle in find_cycles(layers, lambda n: list(layers[n].depends_on) if n in layers else []):
        first_layer = layers[cycle[0]]
        diagnostics.append(
            codes.DEPENDENCY_CYCLE(
                first_layer.loc("depends_on", list(first_layer.depends_on).index(cycle[1])),
                "layers depend on each other in a cycle: " + " → ".join(cycle),
                hint="layers form a stack: a lower layer cannot depend on one above it",
            )
        )
    decisions = {d.id: d for d in spec.tradeoffs.decisions}

    def successors(ident: str) -> list[str]:
        successor = decisions[ident].superseded_by if ident in decisions else None
        return [successor] if successor else []

    for cycle in find_cycles(decisions, successors):
        diagnostics.append(
            codes.DEPENDENCY_CYCLE(
                decisions[cycle[0]].loc("superseded_by"),
                "decisions supersede each other in a cycle: " + " → ".join(cycle),
                hint="a decision can only be superseded by a later one",
            )
        )
    return diagnostics
