"""Short cross-references to spec items in Markdown: ``[[component:api]]``, ``[[term:VPC|the VPC]]``.

Hand-written pages and the Markdown fields of the spec use them alike. A reference
resolves to a Markdown link to the item's page and anchor, labelled with the item's
name; an unknown kind or id is reported with a "did you mean". Fenced code blocks and
inline code are left alone, and ``\\[[...]]`` shows the brackets literally.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .. import codes
from ..diagnostics import Diagnostic, Location, Severity
from ..glossary import Glossary
from ..index import Entry, SpecIndex
from ..links import Links, concern_of_kind
from ..models import Spec
from ..models.base import SpecModel, iter_models
from ..models.types import MarkdownText
from ..models.vocabulary import Term
from ..schema import closest
from .text import attribute, escape

XREF_RE = re.compile(r"(\\?)\[\[[ \t]*([A-Za-z][\w-]*)[ \t]*:[ \t]*([^\]|\n]+?)[ \t]*(?:\|[ \t]*([^\]\n]*?)[ \t]*)?\]\]")
_FENCE_RE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
_CODE_SPAN_RE = re.compile(r"(`+)(?:.+?)(?<!`)\1(?!`)")


@dataclass(frozen=True)
class Xref:
    """One ``[[kind:target|text]]`` as written: where it is (1-based line and column) and its parts."""

    kind: str
    target: str
    text: str | None
    line: int
    column: int
    start: int
    end: int
    escaped: bool

    @property
    def written(self) -> str:
        text = f"|{self.text}" if self.text is not None else ""
        return f"[[{self.kind}:{self.target}{text}]]"


def find_xrefs(markdown: str) -> Iterator[Xref]:
    """Every cross-reference outside fenced code blocks and inline code, in order."""
    offset = 0
    fence: str | None = None
    for number, line in enumerate(markdown.splitlines(keepends=True), start=1):
        opener = _FENCE_RE.match(line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence) and not line[opener.end():].strip():
                fence = None
        elif opener:
            fence = opener.group(1)
        elif "[[" in line:
            spans = [(m.start(), m.end()) for m in _CODE_SPAN_RE.finditer(line)]
            for match in XREF_RE.finditer(line):
                if any(start <= match.start() < end for start, end in spans):
                    continue
                yield Xref(
                    kind=match.group(2),
                    target=match.group(3),
                    text=match.group(4) if match.group(4) else None,
                    line=number,
                    column=match.start() + 1 + len(match.group(1)),
                    start=offset + match.start(),
                    end=offset + match.end(),
                    escaped=bool(match.group(1)),
                )
        offset += len(line)


@dataclass
class Resolution:
    """What a reference names, with the text to show; or why it names nothing."""

    entry: Entry | None
    label: str = ""
    message: str = ""
    hint: str | None = None


class Resolver:
    """Resolves references against one spec's index, into links from a given page."""

    def __init__(self, index: SpecIndex, links: Links) -> None:
        self.index = index
        self.links = links
        self.kinds = sorted(set(concern_of_kind()) | set(index.items))

    def resolve(self, kind: str, target: str) -> Resolution:
        kind = kind.lower()
        if kind not in self.kinds:
            suggestion = closest(kind, self.kinds)
            hint = f"did you mean '{suggestion}'?" if suggestion else "kinds are: " + ", ".join(self.kinds)
            return Resolution(None, message=f"unknown kind {kind!r}", hint=hint)
        entry = self.index.get(kind, target)
        label = entry.label if entry else ""
        if entry is None and kind == "term":
            # a term by any of its forms or their plurals, in any case; shown as written
            term = Glossary.of_index(self.index).lookup(target)
            entry = self.index.get("term", term.id) if term is not None else None
            label = target if entry else ""
        if entry is None:
            candidates = self.index.ids(kind)
            suggestion = Glossary.of_index(self.index).suggest(target) if kind == "term" else closest(target, candidates)
            hint = f"did you mean '{suggestion}'?" if suggestion else (
                f"no {kind} is defined in the spec" if not candidates else f"{len(candidates)} {kind} ids exist; check the spelling"
            )
            return Resolution(None, message=f"unknown {kind} {target!r}", hint=hint)
        return Resolution(entry, label=label)

    def link(self, entry: Entry, page_src: str, text: str | None, label: str) -> str:
        """The Markdown link to ``entry`` from ``page_src``; ``text`` is the author's own wording."""
        target = self.links.source_link(entry.kind, entry.id, page_src)
        shown = text if text is not None else str(escape(label))
        return f'[{shown}]({target} "{attribute(tooltip(entry))}")'

    def replace(
        self, markdown: str, page_src: str, report: Callable[[Xref, Resolution], None] | None = None
    ) -> str:
        """``markdown`` with every reference turned into a link; unknown ones are reported and kept."""
        pieces: list[str] = []
        last = 0
        for xref in find_xrefs(markdown):
            pieces.append(markdown[last:xref.start])
            last = xref.end
            if xref.escaped:
                pieces.append(markdown[xref.start + 1:xref.end])
                continue
            resolution = self.resolve(xref.kind, xref.target)
            if resolution.entry is None:
                if report is not None:
                    report(xref, resolution)
                pieces.append(markdown[xref.start:xref.end])
                continue
            pieces.append(self.link(resolution.entry, page_src, xref.text, resolution.label))
        pieces.append(markdown[last:])
        return "".join(pieces)


#: How kinds are named to readers, where capitalising the kind is not enough.
KIND_NAMES = {"slo": "SLO", "constraint-group": "Constraint group"}


def tooltip(entry: Entry) -> str:
    """The words shown when hovering a link to an item: its kind and what sets it apart."""
    kind = KIND_NAMES.get(entry.kind, entry.kind.replace("-", " ").capitalize())
    item = entry.item
    detail: str | None = None
    if isinstance(item, Term):
        detail = item.expansion or first_sentence(item.definition)
    else:
        for name in ("technology", "tier", "status", "category", "severity", "level"):
            value = getattr(item, name, None)
            if value:
                detail = str(getattr(value, "value", value)).replace("-", " ")
                break
    return f"{kind} · {detail}" if detail else kind


_MARKUP_RE = re.compile(r"[*_`#>\[\]]|\]\([^)]*\)|<[^>]+>")


def first_sentence(markdown: str, limit: int = 140) -> str:
    """The first sentence of a Markdown text as plain text, for tooltips."""
    text = re.sub(r"\[\[[^\]|]*\|([^\]]*)\]\]|\[\[[^:\]]*:([^\]]*)\]\]", lambda m: m.group(1) or m.group(2), markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = _MARKUP_RE.sub("", text)
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def warning(where: Location, xref: Xref, resolution: Resolution) -> Diagnostic:
    """The finding for an unresolved reference (a warning, so that ``--strict`` fails)."""
    return codes.UNKNOWN_REFERENCE(
        where,
        f"{resolution.message} in {xref.written}",
        hint=resolution.hint,
        severity=Severity.WARNING,
    )


def markdown_fields(model: type[SpecModel]) -> tuple[str, ...]:
    """The fields of ``model`` that hold Markdown."""
    names = []
    for name, info in model.model_fields.items():
        if any(isinstance(m, MarkdownText) for m in info.metadata) or _has_markdown(info.annotation):
            names.append(name)
    return tuple(names)


def _has_markdown(annotation: Any) -> bool:
    if typing.get_origin(annotation) is typing.Annotated:
        return any(isinstance(m, MarkdownText) for m in getattr(annotation, "__metadata__", ()))
    return any(_has_markdown(arg) for arg in typing.get_args(annotation))


def check_spec_text(spec: Spec, resolver: Resolver) -> list[Diagnostic]:
    """Unknown references in the Markdown fields of the spec, located at their field."""
    diagnostics: list[Diagnostic] = []
    for concern in spec.concerns.values():
        if concern is None:
            continue
        for model in iter_models(concern):
            for name in markdown_fields(type(model)):
                value = getattr(model, name)
                if not isinstance(value, str) or "[[" not in value:
                    continue
                for xref in find_xrefs(value):
                    if xref.escaped:
                        continue
                    resolution = resolver.resolve(xref.kind, xref.target)
                    if resolution.entry is None:
                        diagnostics.append(warning(model.loc(name), xref, resolution))
    return diagnostics
