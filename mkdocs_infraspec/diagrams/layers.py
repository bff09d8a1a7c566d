"""The layer view: which layer depends on which, declared, and as the components actually use them."""

from __future__ import annotations

from . import Diagram
from .context import NO_LAYER, Context, plural
from .mermaid import Flowchart, label, node_id
from .split import split, split_note


def used(ctx: Context) -> dict[tuple[str, str], int]:
    """Cross-layer component dependencies: (from layer, to layer) -> how many."""
    counts: dict[tuple[str, str], int] = {}
    for component in ctx.components.values():
        source = component.layer or NO_LAYER
        for target_id in component.depends_on:
            if target_id not in ctx.components:
                continue
            target = ctx.layer_of(target_id)
            if source != target and NO_LAYER not in (source, target):
                counts[(source, target)] = counts.get((source, target), 0) + 1
    return counts


def build(ctx: Context, chosen: list[str]) -> Flowchart:
    """The chosen layers, each with its component count, and their dependencies.

    Declared dependencies (``depends_on``) are solid; a dependency the components have but
    the layer does not declare is dotted and labelled, so the gap is visible.
    """
    chart = ctx.chart("TB")
    members: dict[str, int] = {}
    for component in ctx.components.values():
        key = component.layer or NO_LAYER
        members[key] = members.get(key, 0) + 1
    shown = set(chosen)
    for layer_id in chosen:
        _layer_node(ctx, chart, layer_id, members.get(layer_id, 0))
    declared: set[tuple[str, str]] = set()
    for layer_id in chosen:
        layer = ctx.layers.get(layer_id)
        for target in layer.depends_on if layer else []:
            declared.add((layer_id, target))
            _ensure(ctx, chart, target, shown, members)
            chart.edge(node_id("layer", layer_id), node_id("layer", target))
    for (source, target), count in used(ctx).items():
        if source in shown and (source, target) not in declared:
            _ensure(ctx, chart, target, shown, members)
            chart.edge(
                node_id("layer", source), node_id("layer", target),
                f"used by {plural(count, 'dependency', 'dependencies')}, not declared", style="dotted",
            )
    return chart


def _layer_node(ctx: Context, chart: Flowchart, layer_id: str, count: int, stub: bool = False) -> None:
    if layer_id == NO_LAYER:
        chart.node("layer__none", label("No layer", plural(count, "component")), css="muted")
        return
    layer = ctx.layers.get(layer_id)
    text = label(layer.name if layer else layer_id, plural(count, "component"))
    ctx.item_node(chart, "layer", layer_id, text, css="stub" if stub else ctx.tone(layer_id))


def _ensure(ctx: Context, chart: Flowchart, layer_id: str, shown: set[str], members: dict[str, int]) -> None:
    if layer_id not in shown and not chart.has(node_id("layer", layer_id)):
        _layer_node(ctx, chart, layer_id, members.get(layer_id, 0), stub=True)


def diagrams(ctx: Context) -> list[Diagram]:
    """The layer view (in chunks of layers in the rare case it is too large)."""
    order = ctx.layer_order
    if not order:
        return []
    parts = split(order, lambda chosen: build(ctx, chosen))
    return [
        Diagram(
            "layers",
            "Infrastructure layers" + (f" ({part.scope})" if part.scope else ""),
            part.chart.text(),
            " ".join(
                n for n in (
                    split_note(parts, part, "layers", "in order"),
                    "Solid arrows are the dependencies each layer declares; dotted ones are used by components but not declared."
                    if any("not declared" in p.chart.text() for p in parts) and part is parts[0] else None,
                ) if n
            ) or None,
        )
        for part in parts
    ]
