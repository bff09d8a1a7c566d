"""The base classes of every spec model: strict fields, source positions, identified items."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from ..diagnostics import Location
from ..source import PathKey, SourceNode
from .types import Identifier


class SpecModel(BaseModel):
    """A mapping in a spec file: unknown fields are errors, field docs come from docstrings.

    After loading, each instance knows where it was written (``loc()``), so every check can
    point at the exact line and column of the value it is about.
    """

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        use_attribute_docstrings=True,
        validate_default=False,
        arbitrary_types_allowed=True,
        protected_namespaces=(),
    )

    _source: SourceNode | None = PrivateAttr(default=None)
    _file: str = PrivateAttr(default="")

    def loc(self, *path: PathKey, key: bool = False) -> Location:
        """Where ``path`` (field names and list indices, from this object) was written.

        Falls back to the nearest enclosing value that has a position; with ``key=True``
        the position of the key itself, as for an unknown or duplicated field.
        """
        if self._source is None:
            return Location(self._file or "<spec>", 0, 0)
        if path:
            path = (self._alias(path[0]), *path[1:])
        return self._source.locate(*path, key=key)

    @classmethod
    def _alias(cls, name: PathKey) -> PathKey:
        field = cls.model_fields.get(name) if isinstance(name, str) else None
        if field is not None and field.alias:
            return field.alias
        return name

    @property
    def location(self) -> Location:
        return self.loc()

    def describe(self) -> str | None:
        """This object in a few words for messages ("component 'api'"), if it has a name."""
        return None

    def attach(self, source: SourceNode | None, file: str) -> None:
        """Give this object and every model inside it their source positions."""
        self._source = source
        self._file = file
        for name, field in type(self).model_fields.items():
            value = getattr(self, name)
            child = source.child(field.alias or name) if source is not None else None
            _attach_value(value, child, file)


def _attach_value(value: Any, source: SourceNode | None, file: str) -> None:
    if isinstance(value, SpecModel):
        value.attach(source, file)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _attach_value(item, source.child(index) if source is not None else None, file)
    elif isinstance(value, dict):
        for key, item in value.items():
            _attach_value(item, source.child(str(key)) if source is not None else None, file)


class Suppression(SpecModel):
    """Silences one rule's finding on this item, with a reason every report shows."""

    rule: str
    """The rule's code (`IS412`) or name (`component-owner`)."""
    reason: str
    """Why the finding does not apply here; shown in every report."""
    until: _dt.date | None = None
    """The date after which the suppression expires (an expired suppression is itself a finding)."""


class Item(SpecModel):
    """A spec item with an id, which other items can refer to."""

    KIND: ClassVar[str] = "item"

    id: Identifier
    """Unique among items of its kind; lowercase kebab-case (`rds-main`)."""
    suppress: list[Suppression] = Field(default_factory=list)
    """Findings to silence on this item, each with a rule and a reason."""

    @property
    def label(self) -> str:
        """The human name of the item (its name or title, else its id)."""
        for attribute in ("name", "title", "term", "question"):
            value = getattr(self, attribute, None)
            if isinstance(value, str) and value:
                return value
        return self.id

    def describe(self) -> str:
        return f"{self.KIND.replace('-', ' ')} {self.id!r}"


def iter_models(value: Any) -> Iterator[SpecModel]:
    """Every model in ``value``, depth first, in document order."""
    if isinstance(value, SpecModel):
        yield value
        for name in type(value).model_fields:
            yield from iter_models(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from iter_models(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from iter_models(item)
