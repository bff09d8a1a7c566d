"""Validate a concern's data against its model and turn every pydantic error into a located diagnostic.

Users never see a ``ValidationError``: each error's ``loc`` is looked up in the source tree
(falling back to the nearest parent for a missing field), unknown fields and unknown
choices get a "did you mean", and scalars that YAML 1.1 typed behind the author's back
(``no``, ``1.10``, dates) get a "quote it".
"""

from __future__ import annotations

import datetime as _dt
import difflib
import enum
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from . import codes
from .diagnostics import Diagnostic, Location
from .models.base import Item, SpecModel
from .source import PathKey, SourceNode


def closest(word: str, candidates: typing.Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The candidate most like ``word`` (case-insensitive), if any is close enough."""
    pool = list(dict.fromkeys(candidates))
    lowered = {c.lower(): c for c in pool}
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[match[0]] if match else None


def did_you_mean(word: str, candidates: typing.Iterable[str]) -> str | None:
    match = closest(word, candidates)
    return f"did you mean {match!r}?" if match else None


def validate(
    model: type[SpecModel], data: Any, source: SourceNode | None, file: str, *, what: str
) -> tuple[SpecModel | None, list[Diagnostic]]:
    """Validate ``data`` as ``model``; on success the instance carries its source positions."""
    try:
        instance = model.model_validate(data)
    except ValidationError as error:
        root = source or SourceNode(Location(file, 1, 1))
        diagnostics = [_diagnostic(model, data, root, e, what) for e in error.errors(include_url=False)]
        return None, diagnostics
    instance.attach(source, file)
    return instance, []


# --- type walking ---------------------------------------------------------------------------


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation can hold (Optional and Annotated peeled off)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        result: list[Any] = []
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                result.extend(_unwrap(arg))
        return result
    return [annotation]


def model_at(model: type[BaseModel], path: tuple[PathKey, ...]) -> type[BaseModel] | None:
    """The model class that holds the value at ``path`` (pydantic loc), or ``None``."""
    current: Any = model
    for element in path:
        candidates = _unwrap(current)
        nxt: Any = None
        for candidate in candidates:
            origin = typing.get_origin(candidate)
            if isinstance(candidate, type) and issubclass(candidate, BaseModel) and isinstance(element, str):
                field = _field(candidate, element)
                if field is not None:
                    nxt = field.annotation
                    break
            elif origin in (list, tuple, set) and isinstance(element, int):
                nxt = typing.get_args(candidate)[0]
                break
            elif origin is dict:
                nxt = typing.get_args(candidate)[1]
                break
        if nxt is None:
            continue  # a union tag or an element we cannot follow: stay where we are
        current = nxt
    for candidate in _unwrap(current):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _field(model: type[BaseModel], name: str) -> Any:
    if name in model.model_fields:
        return model.model_fields[name]
    for field in model.model_fields.values():
        if field.alias == name:
            return field
    return None


def field_names(model: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


# --- describing values ----------------------------------------------------------------------


def describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value:g}"
    if isinstance(value, _dt.datetime | _dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return f"the text {value!r}" if len(value) <= 40 else "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _owner(model: type[BaseModel], data: Any, loc: tuple[PathKey, ...]) -> str:
    """Words for the object that holds ``loc``: "component 'api'" or "the overview"."""
    best = ""
    current = data
    for depth in range(len(loc) + 1):
        cls = model_at(model, loc[:depth])
        if isinstance(current, dict) and cls is not None and issubclass(cls, Item) and isinstance(current.get("id"), str):
            best = f"{cls.KIND.replace('-', ' ')} {current['id']!r}"
        elif isinstance(current, dict) and cls is not None and issubclass(cls, Item) and "term" in current:
            best = f"term {current['term']!r}"
        if depth == len(loc):
            break
        element = loc[depth]
        # Two branches, not one `or`: each narrows the types for the type checker.
        if isinstance(current, dict) and isinstance(element, str) and element in current:  # noqa: SIM114
            current = current[element]
        elif isinstance(current, list) and isinstance(element, int) and element < len(current):
            current = current[element]
    return best


_ENUM_VALUES = re.compile(r"'([^']*)'")


def _diagnostic(model: type[SpecModel], data: Any, root: SourceNode, error: Any, what: str) -> Diagnostic:
    loc: tuple[PathKey, ...] = tuple(error["loc"])
    kind: str = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    extra_path = ctx.get("path")
    if isinstance(extra_path, tuple | list):
        loc = loc + tuple(extra_path)
    node, matched = root.find(loc)
    owner = _owner(model, data, loc) or what
    where_text = f" in {owner}" if owner else ""
    field = next((str(e) for e in reversed(loc) if isinstance(e, str)), "")

    if kind == "extra_forbidden":
        parent = model_at(model, loc[:-1])
        names = field_names(parent) if parent else []
        where = root.locate(*loc, key=True)
        return codes.UNKNOWN_FIELD(
            where,
            f"unknown field {loc[-1]!r}{where_text}",
            hint=did_you_mean(str(loc[-1]), names) or (f"valid fields: {', '.join(names)}" if names else None),
        )

    if kind == "missing":
        parent_node, _ = root.find(loc[:-1])
        return codes.MISSING_FIELD(
            parent_node.location,
            f"missing required field {loc[-1]!r}{where_text}",
            hint=_missing_hint(model, loc),
        )

    where = node.location
    raw = node.raw if matched == len([e for e in loc if not _is_tag(e)]) else None

    # A value YAML typed as bool/number/date/null where the model wanted text.
    if (raw is not None and kind in {"string_type", "enum", "literal_error", "string_pattern_mismatch"}) or (
        raw is not None and kind.startswith("infraspec_") and not isinstance(value, str)
    ):
        return codes.YAML_IMPLICIT_TYPE(
            where,
            f"{raw!r} is read by YAML as {describe(value)}, not as text (field {field!r}{where_text})",
            hint=f'quote it: "{raw}"',
        )

    if kind.startswith("infraspec_"):
        message = error["msg"]
        return codes.INVALID_VALUE(where, f"{message} (field {field!r}{where_text})", hint=ctx.get("hint"))

    if kind in ("enum", "literal_error"):
        allowed = _ENUM_VALUES.findall(str(ctx.get("expected", "")))
        hint = did_you_mean(str(value), allowed) if isinstance(value, str) else None
        return codes.INVALID_VALUE(
            where,
            f"{value!r} is not a valid {field}{where_text}; expected one of: {', '.join(allowed)}",
            hint=hint or (f"use one of: {', '.join(allowed)}" if allowed else None),
        )

    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return codes.WRONG_TYPE(
            where,
            f"expected a mapping of fields for {field or 'this value'!r}{where_text}, got {describe(value)}",
            hint=_fields_hint(model, loc),
        )

    if kind in ("list_type", "tuple_type", "set_type"):
        example = f'[{value!r}]' if isinstance(value, str | int | float) and not isinstance(value, bool) else "one item per line, each starting with '- '"
        return codes.WRONG_TYPE(
            where, f"expected a list for {field!r}{where_text}, got {describe(value)}", hint=f"write it as a list: {example}"
        )

    if kind == "string_type":
        return codes.WRONG_TYPE(where, f"expected text for {field!r}{where_text}, got {describe(value)}",
                                hint="quote the value" if not isinstance(value, dict | list) else None)

    if kind in ("int_type", "int_parsing", "int_from_float"):
        return codes.WRONG_TYPE(where, f"expected a whole number for {field!r}{where_text}, got {describe(value)}")

    if kind in ("float_type", "float_parsing", "decimal_type", "decimal_parsing"):
        return codes.WRONG_TYPE(where, f"expected a number for {field!r}{where_text}, got {describe(value)}")

    if kind in ("bool_type", "bool_parsing"):
        return codes.WRONG_TYPE(where, f"expected true or false for {field!r}{where_text}, got {describe(value)}")

    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return codes.INVALID_VALUE(where, f"expected a date for {field!r}{where_text}, got {describe(value)}",
                                   hint="write dates as YYYY-MM-DD")

    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(iter(ctx.values()), "")
        words = {"greater_than": "more than", "greater_than_equal": "at least",
                 "less_than": "less than", "less_than_equal": "at most"}[kind]
        return codes.INVALID_VALUE(where, f"{field!r} must be {words} {bound}{where_text}, got {value!r}")

    message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
    return codes.INVALID_VALUE(where, f"{message} (field {field!r}{where_text})")


def _is_tag(element: PathKey) -> bool:
    """Union member names and validator tags that pydantic inserts into ``loc``."""
    return isinstance(element, str) and ("[" in element or element in {"str", "int", "float", "bool"})


def _missing_hint(model: type[SpecModel], loc: tuple[PathKey, ...]) -> str | None:
    parent = model_at(model, loc[:-1])
    if parent is None:
        return None
    field = _field(parent, str(loc[-1]))
    if field is not None and field.description:
        return f"{loc[-1]}: {field.description.splitlines()[0]}"
    return None


def _fields_hint(model: type[SpecModel], loc: tuple[PathKey, ...]) -> str | None:
    target = model_at(model, loc)
    if target is None:
        return None
    return "its fields are: " + ", ".join(field_names(target))


def enum_values(enum_cls: type[enum.Enum]) -> list[str]:
    return [str(member.value) for member in enum_cls]
