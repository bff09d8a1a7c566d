"""Read YAML safely into plain data plus a tree of source positions that mirrors it.

PyYAML's composer (libyaml's C parser when present) gives nodes with marks; we build the
Python values ourselves so that we can refuse what a plain ``yaml.safe_load`` accepts
silently: duplicate keys, several documents, self-referencing or exploding aliases, tags
that are not plain data. Implicitly typed scalars (``yes`` read as ``True``) keep their
raw text so the schema step can say "quote it" where text was expected.
"""

from __future__ import annotations

import codecs
import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import codes
from .diagnostics import Diagnostic, Location

try:  # libyaml's C parser is several times faster; fall back to pure Python.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

WITH_LIBYAML: bool = _Loader.__name__.startswith("C")

#: How many values alias expansion may produce before a file is refused.
MAX_ALIAS_EXPANSION = 10_000

PathKey = str | int


@dataclass
class SourceNode:
    """Where one value of the data came from, with the positions of its children.

    ``key`` is the position of the mapping key that holds this value, if any. ``raw`` is
    the source text of a plain (unquoted) scalar that YAML typed as something other than
    text, so that messages can quote what the author wrote.
    """

    location: Location
    key: Location | None = None
    children: dict[PathKey, SourceNode] = field(default_factory=dict)
    raw: str | None = None
    kind: str = "scalar"  # "mapping", "sequence" or "scalar"

    def child(self, key: PathKey) -> SourceNode | None:
        return self.children.get(key)

    def find(self, path: tuple[PathKey, ...]) -> tuple[SourceNode, int]:
        """The deepest node along ``path`` and how many path elements it matched.

        Elements that are not in the tree are skipped (pydantic puts union member names
        into error locations), so the answer is always the nearest known position.
        """
        node, matched = self, 0
        for index, element in enumerate(path):
            nxt = node.children.get(element)
            if nxt is None and isinstance(element, str) and element.isdigit():
                nxt = node.children.get(int(element))
            if nxt is not None:
                node, matched = nxt, index + 1
        return node, matched

    def locate(self, *path: PathKey, key: bool = False) -> Location:
        """The location of the value at ``path`` (or of its key), or the nearest parent's."""
        node, matched = self.find(tuple(path))
        if key and matched == len(path) and node.key is not None:
            return node.key
        return node.location

    def walk(self) -> Iterator[SourceNode]:
        yield self
        for child in self.children.values():
            yield from child.walk()


@dataclass
class Document:
    """One YAML file read: its data (``None`` when unreadable) and where each value came from."""

    path: str
    data: Any
    source: SourceNode | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(d.severity == "error" for d in self.diagnostics)


class _LoadError(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "a value that contains ': ' must be quoted, e.g. name: \"API: public\""),
    ("could not find expected ':'", "a key is missing its ':' or the line above is not indented like its siblings"),
    ("did not find expected key", "check the indentation: this line is not aligned with the keys above it"),
    ("did not find expected '-' indicator", "list items ('- ') of one list must be indented the same"),
    ("found undefined alias", "an alias '*name' needs an anchor '&name' earlier in the same file"),
    ("found unexpected end of stream", "a quote or bracket opened above is never closed"),
    ("found character '@'", "values starting with '@' or '`' are reserved in YAML: quote them"),
    ("found character '`'", "values starting with '@' or '`' are reserved in YAML: quote them"),
    ("expected <block end>", "check the indentation of this line against the lines above"),
    ("found unknown escape character", "in double quotes a backslash starts an escape: use single quotes or '\\\\'"),
    ("while parsing a flow", "a '[' or '{' is not closed, or an item inside it needs quotes"),
)


def _mark(path: str, mark: yaml.Mark | None) -> Location:
    if mark is None:
        return Location(path, 1, 1)
    return Location(path, mark.line + 1, mark.column + 1)


def _decode(path: str, raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _LoadError(
            codes.INVALID_ENCODING(
                Location(path, 1, 1),
                "the file is UTF-16 encoded; spec files must be UTF-8",
                hint="save the file as UTF-8 (without BOM)",
            )
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start
        line = raw.count(b"\n", 0, start) + 1
        line_start = raw.rfind(b"\n", 0, start) + 1
        column = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
        raise _LoadError(
            codes.INVALID_ENCODING(
                Location(path, line, column),
                f"the file is not valid UTF-8 (byte 0x{raw[start]:02x} cannot be decoded)",
                hint="save the file as UTF-8; this often comes from a copy-paste out of a Latin-1 or Windows-1252 document",
            )
        ) from None


def _syntax_diagnostic(path: str, error: yaml.YAMLError, source: str) -> Diagnostic:
    problem = getattr(error, "problem", None) or str(error)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    where = _mark(path, mark)
    context = getattr(error, "context", None)
    text = f"{context}: {problem}" if context else problem
    lowered = text.lower()
    line = source_line(source, where.line) or ""
    at_tab = 0 < where.column <= len(line) and line[where.column - 1] == "\t"
    if at_tab or "tab character" in lowered or "'\\t'" in lowered:
        return codes.TAB_INDENTATION(
            where,
            "a tab character is used for indentation; YAML allows only spaces there",
            hint="replace the tab with spaces (configure your editor to insert spaces in .yaml files)",
        )
    hint = next((h for needle, h in _SYNTAX_HINTS if needle in lowered), None)
    return codes.YAML_SYNTAX(where, f"invalid YAML: {text}", hint=hint)


_PLAIN_TEXT_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:binary",
}


class _Builder:
    """Turns a composed node graph into Python data and a SourceNode tree."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.constructor = yaml.constructor.SafeConstructor()
        self.expanded = 0
        self.seen: set[int] = set()
        self.active: set[int] = set()
        self.alias_depth = 0

    def build(self, node: yaml.Node, key: Location | None = None) -> tuple[Any, SourceNode]:
        ident = id(node)
        where = _mark(self.path, node.start_mark)
        if ident in self.active:
            raise _LoadError(
                codes.ALIAS_EXPANSION(where, "this anchor contains an alias to itself, which would never end",
                                      hint="an alias '*name' cannot appear inside the value its anchor '&name' marks")
            )
        is_alias = ident in self.seen
        if is_alias:
            self.alias_depth += 1
        if self.alias_depth:
            self.expanded += 1
            if self.expanded > MAX_ALIAS_EXPANSION:
                raise _LoadError(
                    codes.ALIAS_EXPANSION(
                        where,
                        f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} values",
                        hint="write the repeated values out, or use fewer nested aliases",
                    )
                )
        self.seen.add(ident)
        self.active.add(ident)
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, where, key)
            if isinstance(node, yaml.SequenceNode):
                items: list[Any] = []
                source = SourceNode(where, key, kind="sequence")
                for index, item in enumerate(node.value):
                    value, child = self.build(item)
                    items.append(value)
                    source.children[index] = child
                return items, source
            return self._scalar(node, where, key)
        finally:
            self.active.discard(ident)
            if is_alias:
                self.alias_depth -= 1

    def _scalar(self, node: yaml.Node, where: Location, key: Location | None) -> tuple[Any, SourceNode]:
        if node.tag not in _SCALAR_TAGS:
            raise _LoadError(
                codes.UNSUPPORTED_TAG(
                    where,
                    f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')!r} is not allowed in a spec file",
                    hint="spec files hold plain data only: remove the tag, or quote the value if it is text",
                )
            )
        try:
            value = self.constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as error:
            raise _LoadError(codes.YAML_SYNTAX(where, f"invalid value: {error.problem}")) from None
        except ValueError as error:  # e.g. a timestamp like 2024-13-45
            raise _LoadError(
                codes.INVALID_VALUE(where, f"{node.value!r} looks like a date but is not one ({error})",
                                    hint=f'quote it if it is text: "{node.value}"')
            ) from None
        source = SourceNode(where, key)
        if node.tag != _PLAIN_TEXT_TAG and not getattr(node, "style", None):
            source.raw = node.value
        if isinstance(value, _dt.date):  # datetime is a date too
            source.raw = node.value
        return value, source

    def _mapping(self, node: yaml.MappingNode, where: Location, key: Location | None) -> tuple[Any, SourceNode]:
        result: dict[str, Any] = {}
        source = SourceNode(where, key, kind="mapping")
        first_seen: dict[str, Location] = {}
        merged: list[tuple[dict[str, Any], SourceNode]] = []
        for key_node, value_node in node.value:
            key_where = _mark(self.path, key_node.start_mark)
            if key_node.tag == _MERGE_TAG:
                value, child = self.build(value_node, key_where)
                sources = [(value, child)] if isinstance(value, dict) else list(
                    zip(value, (child.children[i] for i in range(len(value))), strict=True)
                ) if isinstance(value, list) else []
                if not sources or not all(isinstance(v, dict) for v, _ in sources):
                    raise _LoadError(codes.YAML_SYNTAX(key_where, "a merge key '<<' must be followed by a mapping or a list of mappings"))
                merged.extend(sources)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                raise _LoadError(
                    codes.YAML_SYNTAX(key_where, "a mapping key must be plain text, not a list or mapping",
                                      hint="quote the key, or restructure the mapping")
                )
            # Keys in a spec are always names: take the text as written, so `on:` or `1.10:`
            # never turn into True or 1.1 behind the author's back.
            name = key_node.value
            if name in first_seen:
                earlier = first_seen[name]
                raise _LoadError(
                    codes.DUPLICATE_KEY(
                        key_where,
                        f"duplicate key {name!r} (first defined at line {earlier.line})",
                        hint="keep one of the two; YAML would silently drop the first value",
                        related=(earlier,),
                    )
                )
            first_seen[name] = key_where
            value, child = self.build(value_node, key_where)
            result[name] = value
            source.children[name] = child
        # Explicit keys win over merged ones, earlier merge sources over later ones.
        for values, child_source in merged:
            for name, value in values.items():
                if name not in result:
                    result[name] = value
                    source.children[name] = child_source.children[name]
        return result, source


def load_text(path: str, text: str) -> Document:
    """Parse YAML text; never raises for bad input, every problem becomes a diagnostic."""
    try:
        nodes = list(_compose_all(text))
        if not nodes:
            raise _LoadError(
                codes.EMPTY_FILE(Location(path, 1, 1), "the file is empty (no YAML document in it)",
                                 hint="add the concern's fields, or delete the file")
            )
        if len(nodes) > 1:
            raise _LoadError(
                codes.MULTIPLE_DOCUMENTS(
                    _mark(path, nodes[1].start_mark),
                    "a second YAML document starts here; a spec file holds exactly one",
                    hint="remove the '---' line, or split the concern into a folder of files",
                )
            )
        builder = _Builder(path)
        data, source = builder.build(nodes[0])
        if data is None:
            raise _LoadError(
                codes.EMPTY_FILE(Location(path, 1, 1), "the file holds no values (only null)",
                                 hint="add the concern's fields, or delete the file")
            )
        return Document(path, data, source)
    except _LoadError as error:
        return Document(path, None, None, [error.diagnostic])
    except yaml.YAMLError as error:
        return Document(path, None, None, [_syntax_diagnostic(path, error, text)])
    except RecursionError:
        return Document(path, None, None, [codes.YAML_SYNTAX(Location(path, 1, 1), "the YAML is nested too deeply to read")])


def _compose_all(text: str) -> Iterator[yaml.Node]:
    loader = _Loader(text)
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                yield node
    finally:
        loader.dispose()


def load_bytes(path: str, raw: bytes) -> Document:
    """Decode (strict UTF-8) and parse a file's bytes."""
    try:
        text = _decode(path, raw)
    except _LoadError as error:
        return Document(path, None, None, [error.diagnostic])
    return load_text(path, text)




def source_line(text: str, line: int) -> str | None:
    """The text of a 1-based line, for showing a caret under a finding."""
    lines = text.splitlines()
    if 1 <= line <= len(lines):
        return lines[line - 1]
    return None
