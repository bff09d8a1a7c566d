"""One index of every identified item of a spec, by kind and id, and of every reference between them."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from . import codes
from .diagnostics import Diagnostic, Location
from .models import CONCERNS, Spec
from .models.base import Item, SpecModel
from .models.types import Ref


@dataclass
class Entry:
    """An item as indexed: its kind, id, the concern it is written in and its enclosing item."""

    kind: str
    id: str
    item: Item
    concern: str
    parent: Item | None = None

    @property
    def location(self) -> Location:
        return self.item.loc("id")

    @property
    def label(self) -> str:
        return self.item.label


@dataclass(frozen=True)
class Reference:
    """One use of an id: which kinds it may name, where it is written, and which item holds it."""

    kinds: tuple[str, ...]
    target: str
    owner: SpecModel
    holder: Item | None
    concern: str
    field: str
    location: Location

    def describe(self) -> str:
        """Where the reference is, in words: "field 'to' of flow customers → web"."""
        where = self.owner.describe()
        if where is None and self.holder is not None:
            where = self.holder.describe()
        elif self.holder is not None and self.holder is not self.owner:
            where = f"{where} in {self.holder.describe()}"
        return f"field {self.field!r}" + (f" of {where}" if where else "")


@dataclass
class SpecIndex:
    """Every item by kind and id, and every reference, in document order."""

    items: dict[str, dict[str, Entry]] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    duplicates: list[tuple[Entry, Entry]] = field(default_factory=list)

    def get(self, kind: str, ident: str) -> Entry | None:
        return self.items.get(kind, {}).get(ident)

    def item(self, kind: str, ident: str) -> Item | None:
        entry = self.get(kind, ident)
        return entry.item if entry else None

    def ids(self, kind: str) -> list[str]:
        return list(self.items.get(kind, {}))

    def entries(self, kind: str) -> list[Entry]:
        return list(self.items.get(kind, {}).values())

    def by_id(self, kind: str) -> dict[str, Any]:
        """The items of one kind by id, in document order (the first of duplicates wins)."""
        return {ident: entry.item for ident, entry in self.items.get(kind, {}).items()}

    def resolve(self, ident: str, kinds: tuple[str, ...]) -> Entry | None:
        """The item an id names, looking in ``kinds`` in order (``"*"``: any kind)."""
        search = list(self.items) if kinds == ("*",) else kinds
        for kind in search:
            entry = self.get(kind, ident)
            if entry is not None:
                return entry
        return None

    def referrers(self, kind: str, ident: str) -> list[Reference]:
        """Every reference that names this item."""
        return [
            ref for ref in self.references
            if ref.target == ident and (kind in ref.kinds or ref.kinds == ("*",)) and self.resolve(ident, ref.kinds) is self.get(kind, ident)
        ]

    def __iter__(self) -> Iterator[Entry]:
        for by_id in self.items.values():
            yield from by_id.values()


@cache
def ref_fields(model: type[SpecModel]) -> tuple[tuple[str, str, Ref], ...]:
    """The fields of ``model`` that hold references: (field name, shape, marker).

    Shape is ``"one"`` (a single id), ``"list"`` (a list of ids) or ``"keys"`` (the keys
    of a mapping are ids).
    """
    found: list[tuple[str, str, Ref]] = []
    for name, info in model.model_fields.items():
        marker = _marker(info.metadata)
        if marker is not None:
            found.append((name, "one", marker))
            continue
        for shape, inner in _containers(info.annotation):
            marker = _marker(_annotated_metadata(inner))
            if marker is not None:
                found.append((name, shape, marker))
                break
    return tuple(found)


def _marker(metadata: typing.Iterable[Any]) -> Ref | None:
    return next((m for m in metadata if isinstance(m, Ref)), None)


def _annotated_metadata(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) is typing.Annotated:
        return tuple(getattr(annotation, "__metadata__", ()))
    return ()


def _containers(annotation: Any) -> Iterator[tuple[str, Any]]:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        yield "one", annotation
    elif origin in (list, tuple, set) and args:
        yield "list", args[0]
    elif origin is dict and args:
        yield "keys", args[0]
    elif args:  # Optional / Union
        for arg in args:
            if arg is not type(None):
                yield from _containers(arg)


def build_index(spec: Spec) -> tuple[SpecIndex, list[Diagnostic]]:
    """Index every item and reference of ``spec``; report duplicate ids."""
    index = SpecIndex()
    diagnostics: list[Diagnostic] = []
    for concern in CONCERNS:
        model = spec.get(concern.name)
        if model is not None:
            _walk(model, concern.name, None, index, diagnostics)
    return index, diagnostics


def _walk(value: Any, concern: str, holder: Item | None, index: SpecIndex, diagnostics: list[Diagnostic]) -> None:
    if isinstance(value, SpecModel):
        if isinstance(value, Item):
            _register(value, concern, holder, index, diagnostics)
            inner_holder: Item | None = value
        else:
            inner_holder = holder
        for name, shape, marker in ref_fields(type(value)):
            _collect(value, name, shape, marker, concern, inner_holder, index)
        for name in type(value).model_fields:
            child = getattr(value, name)
            if isinstance(child, SpecModel | list | dict):
                _walk(child, concern, inner_holder, index, diagnostics)
    elif isinstance(value, list):
        for item in value:
            _walk(item, concern, holder, index, diagnostics)
    elif isinstance(value, dict):
        for item in value.values():
            _walk(item, concern, holder, index, diagnostics)


def _register(item: Item, concern: str, parent: Item | None, index: SpecIndex, diagnostics: list[Diagnostic]) -> None:
    kind = type(item).KIND
    by_id = index.items.setdefault(kind, {})
    entry = Entry(kind, item.id, item, concern, parent)
    first = by_id.get(item.id)
    if first is None:
        by_id[item.id] = entry
        return
    index.duplicates.append((first, entry))
    diagnostics.append(
        codes.DUPLICATE_ID(
            entry.location,
            f"duplicate {kind} id {item.id!r}: already used at {first.location}",
            hint=f"give one of the two {kind}s another id; ids are unique within their kind",
            related=(first.location,),
        )
    )


def _collect(owner: SpecModel, name: str, shape: str, marker: Ref, concern: str, holder: Item | None, index: SpecIndex) -> None:
    value = getattr(owner, name)
    if value is None:
        return
    alias = type(owner).model_fields[name].alias or name
    if shape == "one":
        index.references.append(Reference(marker.kinds, value, owner, holder, concern, alias, owner.loc(name)))
    elif shape == "list":
        for position, target in enumerate(value):
            index.references.append(Reference(marker.kinds, target, owner, holder, concern, alias, owner.loc(name, position)))
    else:
        for target in value:
            index.references.append(Reference(marker.kinds, target, owner, holder, concern, alias, owner.loc(name, target, key=True)))
