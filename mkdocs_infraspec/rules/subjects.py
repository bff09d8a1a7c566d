"""Which spec item a finding is about, from where it is located: for reports that link to the item.

A finding carries a place (file, line, column), not the item it concerns. Every value of
the spec knows where it was written, so each place maps back to the innermost identified
item written around it (a subnet rather than its network); a place outside every item
maps to the concern its file holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Location
from ..index import SpecIndex
from ..models import CONCERNS, Spec
from ..models.base import Item, SpecModel, iter_models
from ..source import SourceNode


@dataclass(frozen=True)
class Subject:
    """What a place in the spec is part of: an item (``kind`` and ``id``), or only a concern."""

    concern: str
    kind: str | None = None
    id: str | None = None
    label: str | None = None

    def describe(self) -> str:
        """``component 'api'``; the concern's name when the place is in no item."""
        if self.kind is None:
            return self.concern.replace("-", " ")
        return f"{self.kind.replace('-', ' ')} {self.id!r}"


class Subjects:
    """Every place of a loaded spec mapped to its innermost item; built once per check."""

    def __init__(self, spec: Spec, index: SpecIndex) -> None:
        self._places: dict[Location, Subject] = {}
        self._lines: dict[tuple[str, int], Subject] = {}
        self._files: dict[str, str] = {}
        for concern in CONCERNS:
            model = spec.get(concern.name)
            if model is None:
                continue
            # Depth first, outer items before the items they hold: inner ones overwrite.
            for value in iter_models(model):
                file = _file(value)
                if file:
                    self._files.setdefault(file, concern.name)
                if isinstance(value, Item) and index.item(value.KIND, value.id) is value:
                    self._claim(_source(value), Subject(concern.name, value.KIND, value.id, value.label))

    def _claim(self, source: SourceNode | None, subject: Subject) -> None:
        if source is None:
            return
        for node in source.walk():
            for place in (node.location, node.key):
                if place is not None and place.line > 0:
                    self._places[place] = subject
                    self._lines[(place.file, place.line)] = subject

    def at(self, where: Location) -> Subject | None:
        """The item written at ``where`` (or on its line), else the concern of its file, else ``None``."""
        found = self._places.get(where) or self._lines.get((where.file, where.line))
        if found is not None:
            return found
        concern = self._files.get(where.file)
        return Subject(concern) if concern is not None else None

    def of(self, model: SpecModel) -> Subject | None:
        """The subject of a model itself (the item holding a suppression, for instance)."""
        return self.at(model.loc())


def _source(model: SpecModel) -> SourceNode | None:
    # Positions are private to the models (they are not spec data); reports may read them.
    return model._source


def _file(model: SpecModel) -> str:
    return model._file
