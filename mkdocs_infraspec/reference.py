"""Generate the reference docs (file format, finding codes, plugin options) from the code itself.

Run ``python -m mkdocs_infraspec.reference --write`` after changing a model, a code or
an option; a test fails when the committed files in ``docs/reference/`` are stale.
"""

from __future__ import annotations

import argparse
import enum
import importlib
import inspect
import itertools
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from . import codes
from .models import CONCERNS
from .models.base import Item
from .models.types import (
    CIDR,
    ClockTime,
    Duration,
    MarkdownText,
    Money,
    Percentage,
    Port,
    Ref,
    TLSVersion,
    _check_id,
)

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "docs" / "reference"

_ALIASES: dict[object, str] = {
    Duration: "duration (`5m`, `1h`, `7d`, `PT15M`)",
}


def _annotated_parts(annotation: Any) -> tuple[Any, tuple[Any, ...]]:
    if typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        return args[0], tuple(annotation.__metadata__)
    return annotation, ()


def describe_type(annotation: Any, metadata: tuple[Any, ...] = ()) -> str:
    """A type in words a spec author reads: "list of component ids", "duration"."""
    base, extra = _annotated_parts(annotation)
    metadata = metadata + extra
    for marker in metadata:
        if isinstance(marker, Ref):
            return marker.describe()
    for marker in metadata:
        if isinstance(marker, MarkdownText):
            return "Markdown"
        if getattr(marker, "func", None) is _check_id:
            return "id (lowercase kebab-case)"
    named = {
        id(CIDR): "CIDR block (`10.0.0.0/16`)",
        id(Percentage): "percentage (`80%`)",
        id(Money): "amount of money (`12500`)",
        id(ClockTime): 'time of day (`"18:00"`)',
        id(TLSVersion): 'TLS version (`"1.2"`)',
        id(Port): "port (`443` or `\"1024-2048\"`)",
    }
    if id(annotation) in named:
        return named[id(annotation)]
    if base in _ALIASES:
        return _ALIASES[base]
    origin = typing.get_origin(base)
    args = typing.get_args(base)
    if origin in (typing.Union, __import__("types").UnionType):
        parts = [describe_type(a) for a in args if a is not type(None)]
        return " or ".join(parts)
    if origin in (list, tuple, set):
        inner = describe_type(args[0])
        if inner.endswith(" id"):
            return f"list of {inner}s"
        return f"list of {inner}"
    if origin is dict:
        return f"mapping of {describe_type(args[0])} to {describe_type(args[1])}"
    if isinstance(base, type):
        if issubclass(base, enum.Enum):
            return "one of " + ", ".join(f"`{m.value}`" for m in base)
        if issubclass(base, BaseModel):
            return f"[{_title(base)}](#{_slug(base)})"
        simple = {str: "text", int: "whole number", float: "number", bool: "`true` or `false`"}
        if base in simple:
            return simple[base]
        if base.__name__ == "date":
            return "date (`2026-01-31`)"
    return getattr(base, "__name__", str(base))


def _title(model: type[BaseModel]) -> str:
    return model.__name__


def _slug(model: type[BaseModel]) -> str:
    return model.__name__.lower()


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "**required**"
    if field.default_factory is not None:
        value = field.default_factory()  # type: ignore[call-arg]
        if value in ([], {}, None):
            return ""
        if isinstance(value, BaseModel):
            return ""
        if isinstance(value, list):
            return "`[" + ", ".join(str(getattr(v, "value", v)) for v in value) + "]`"
        return f"`{value}`"
    value = field.default
    if value is None or value is PydanticUndefined or value == "":
        return ""
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, enum.Enum):
        return f"`{value.value}`"
    return f"`{value}`"


def _models_in(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """``model`` and every model reachable from its fields, depth first, each once."""
    seen: list[type[BaseModel]] = []

    def visit(cls: type[BaseModel]) -> None:
        if cls in seen:
            return
        seen.append(cls)
        for field in cls.model_fields.values():
            for candidate in _leaves(field.annotation):
                if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                    visit(candidate)

    visit(model)
    yield from seen


def _leaves(annotation: Any) -> Iterator[Any]:
    base, _ = _annotated_parts(annotation)
    args = typing.get_args(base)
    if args:
        for arg in args:
            yield from _leaves(arg)
    else:
        yield base


def _model_table(model: type[BaseModel]) -> list[str]:
    lines = ["| Field | Type | Default | Description |", "| --- | --- | --- | --- |"]
    # The suppressions every item accepts come last: they are rarely what a reader looks for.
    fields = sorted(model.model_fields.items(), key=lambda pair: pair[0] == "suppress")
    for name, field in fields:
        key = field.alias or name
        description = (field.description or "").replace("\n", " ").replace("|", "\\|")
        type_text = describe_type(field.annotation, tuple(field.metadata)).replace("|", "\\|")
        lines.append(f"| `{key}` | {type_text} | {_default(field)} | {description} |")
    return lines


def format_reference() -> str:
    """The file format: every concern, every model, every field, from the models."""
    out = [
        "# File format reference",
        "",
        "<!-- Generated by `python -m mkdocs_infraspec.reference --write` from the models; do not edit. -->",
        "",
        "A spec is a folder (`spec_dir`, default `infra-specs/`) with one YAML file per concern,",
        "`<concern>.yaml` (or `.yml`), or a folder `<concern>/` whose `*.yaml` files are merged",
        "(lists are concatenated, mappings merged; a single value may be set in one file only).",
        "Unknown fields are errors. Ids are lowercase kebab-case and unique within their kind;",
        "every reference to an id is checked. Items with an `id` also accept `suppress:` (see",
        "[Suppression](#suppression)).",
        "",
        "| Concern file | Required | Top-level model |",
        "| --- | --- | --- |",
    ]
    for concern in CONCERNS:
        out.append(
            f"| `{concern.name}.yaml` | {'yes' if concern.required else 'no'} | [{_title(concern.model)}](#{_slug(concern.model)}) |"
        )
    documented: set[type[BaseModel]] = set()
    for concern in CONCERNS:
        out += ["", f"## {concern.name}.yaml", ""]
        for model in _models_in(concern.model):
            if model in documented:
                continue
            documented.add(model)
            doc = inspect.cleandoc(model.__doc__ or "")
            kind = f" Item kind: `{model.KIND}`." if issubclass(model, Item) and model is not Item else ""
            out += [f"### {_title(model)}", "", (doc + kind).strip(), ""]
            out += _model_table(model)
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _rules_module() -> Any:
    try:
        return importlib.import_module("mkdocs_infraspec.rules")
    except ImportError:
        return None


def codes_reference() -> str:
    """Every finding code: the built-in checks, then the architecture rules."""
    out = [
        "# Finding codes",
        "",
        "<!-- Generated by `python -m mkdocs_infraspec.reference --write` from the code; do not edit. -->",
        "",
        "Every finding has a stable code and name. Built-in checks (reading YAML, the schema,",
        "references) have the fixed severity shown below, except `IS353` (unused term), whose",
        "level can be set like a rule's. Architecture rules can be set to `error`, `warning`,",
        "`info` or `off` in `mkdocs.yml` (`rules:`) or on the command line (`--rule`).",
        "",
        "| Code | Name | Severity | Summary |",
        "| --- | --- | --- | --- |",
    ]
    for code in codes.BUILTIN.values():
        out.append(f"| [{code.code}](#{code.code.lower()}) | `{code.name}` | {code.severity.value} | {code.summary} |")
    for code in codes.BUILTIN.values():
        body = code.doc.split("\n", 1)[1].strip() if "\n" in code.doc else ""
        out += ["", f"## {code.code}", "", f"**`{code.name}`** · {code.severity.value} · {code.category}", "", code.summary]
        if body:
            out += ["", body]
    rules = _rules_module()
    if rules is not None and hasattr(rules, "reference_markdown"):
        out += ["", rules.reference_markdown().strip()]
    return "\n".join(out).rstrip() + "\n"


def _attribute_docs(cls: type) -> dict[str, str]:
    """Attribute docstrings (the string right after ``name = ...``) of a class, from its source."""
    import ast

    tree = ast.parse(inspect.getsource(cls))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs: dict[str, str] = {}
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.targets[0].id] = inspect.cleandoc(following.value.value)
    return docs


def _option_default(option: Any) -> str:
    default = getattr(option, "default", None)
    if default is None or default == {} or default == []:
        return "none" if default is None else f"`{default}`"
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    return f"`{default}`"


def options_reference() -> str | None:
    """The plugin's mkdocs.yml options, from the ``Config`` class and its attribute docstrings."""
    try:
        config_module = importlib.import_module("mkdocs_infraspec.plugin.config")
    except ImportError:
        return None
    config_class = config_module.InfraSpecConfig
    docs = _attribute_docs(config_class)
    out = [
        "# Plugin options",
        "",
        "<!-- Generated by `python -m mkdocs_infraspec.reference --write` from plugin/config.py; do not edit. -->",
        "",
        inspect.cleandoc(config_class.__doc__ or ""),
        "",
        "| Option | Default | Summary |",
        "| --- | --- | --- |",
    ]
    schema = list(config_class._schema)
    for name, option in schema:
        summary = docs.get(name, "").split("\n\n")[0].replace("\n", " ").replace("|", "\\|")
        out.append(f"| [`{name}`](#{name}) | {_option_default(option)} | {summary} |")
    for name, option in schema:
        out += ["", f"## `{name}`", "", f"Default: {_option_default(option)}", "", docs.get(name, "(undocumented)")]
    return "\n".join(out).rstrip() + "\n"


def generate() -> dict[str, str]:
    files = {"format.md": format_reference(), "codes.md": codes_reference()}
    options = options_reference()
    if options:
        files["options.md"] = options
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="write docs/reference/*.md")
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/reference/ is stale")
    args = parser.parse_args(argv)
    stale = []
    for name, text in generate().items():
        path = REFERENCE_DIR / name
        if args.write:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
        if not args.write and not args.check:
            sys.stdout.write(text)
    if args.check and stale:
        print("stale reference docs: " + ", ".join(stale) + " (run python -m mkdocs_infraspec.reference --write)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
