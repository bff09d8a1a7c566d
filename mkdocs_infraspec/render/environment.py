"""The Jinja2 environment of the page templates: loader order, escaping, filters and page helpers.

Every ``{{ value }}`` in a template is escaped as plain text (HTML and Markdown) unless it
is ``Markup``: Markdown fields pass through ``|md``, links and badges are built by the
helpers below, so a template cannot show user text as markup by accident.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..diagrams import Diagram
from ..index import SpecIndex
from ..links import Links, anchor
from ..models.base import Item
from . import text
from .xref import Resolver, tooltip

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

#: Badge colours by value; anything else is neutral.
TONES: dict[str, str] = {
    # severity and likelihood
    "critical": "red", "high": "orange", "medium": "yellow", "low": "green", "warning": "yellow", "info": "blue",
    # statuses
    "approved": "green", "accepted": "green", "implemented": "green", "adopted": "green", "answered": "green",
    "review": "blue", "proposed": "blue", "in-progress": "blue", "planned": "grey", "draft": "grey",
    "open": "orange", "deferred": "grey",
    "superseded": "grey", "rejected": "grey", "deprecated": "grey",
    # constraint levels
    "must": "red", "should": "orange", "may": "grey",
    # tiers
    "production": "red", "staging": "orange", "test": "blue", "development": "green",
}


@functools.lru_cache(maxsize=8)
def make_environment(user_templates: Path | None = None) -> jinja2.Environment:
    """The template environment: the user's folder first, then the shipped templates.

    Cached, so that `mkdocs serve` rebuilds reuse compiled templates; Jinja still reloads a
    template whose file changed (``auto_reload``), so edits to overrides show up.
    """
    loaders: list[jinja2.BaseLoader] = []
    if user_templates is not None:
        loaders.append(jinja2.FileSystemLoader(str(user_templates)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        finalize=text.escape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.tests["url"] = text.is_url
    env.filters.update(
        text=text.escape,
        code=text.code,
        cidr=text.nowrap_code,
        days=text.days,
        protocol=text.protocol,
        url=text.url,
        plain=text.plain,
        words=text.words,
        duration=text.duration,
        percent=text.percent,
        number=text.number,
        attr=text.attribute,
        join=_join,
    )
    return env


def _join(items: Iterable[Any], separator: str = "", attribute: str | None = None) -> Markup:
    """Jinja's ``join``, escaping each item as plain text (HTML and Markdown) unless it is Markup."""
    values = [getattr(i, attribute) if attribute else i for i in items]
    return text.separator(separator).join(text.escape(v) for v in values)


class DiagramSet:
    """A page's diagrams, handed out by kind so each section shows its own."""

    def __init__(self, diagrams: Sequence[Diagram]) -> None:
        self.all = list(diagrams)

    def of(self, *kinds: str) -> list[Diagram]:
        return [d for d in self.all if d.kind in kinds]

    def others(self, *kinds: str) -> list[Diagram]:
        """Every diagram whose kind is not one of ``kinds`` (shown where a page puts the rest)."""
        return [d for d in self.all if d.kind not in kinds]

    def scoped(self, scope: str) -> list[Diagram]:
        """The diagrams about one part of a page (``layer:data``), when the provider says so."""
        return [d for d in self.all if getattr(d, "scope", None) == scope]

    def unscoped(self, *kinds: str) -> list[Diagram]:
        """The diagrams about no particular part of the page (optionally of ``kinds`` only)."""
        return [d for d in self.all if getattr(d, "scope", None) is None and (not kinds or d.kind in kinds)]

    def __bool__(self) -> bool:
        return bool(self.all)


class Helpers:
    """Functions the templates call, bound to one page (links are relative to it)."""

    def __init__(self, index: SpecIndex, links: Links, resolver: Resolver | None, page_src: str, escape_mermaid: bool) -> None:
        self.index = index
        self.links = links
        self.resolver = resolver
        self.page_src = page_src
        self.escape_mermaid = escape_mermaid

    def context(self) -> dict[str, Any]:
        return {
            "link": self.link,
            "links": self.links_to,
            "anchor": self.anchor,
            "anchor_tag": self.anchor_tag,
            "page_link": self.page_link,
            "md": self.md,
            "badge": self.badge,
            "badges": self.badges,
            "mermaid": self.mermaid,
            "money": self.money,
            "label": self.label,
            "has": self.has,
            "referrers": self.referrers,
            "page_src": self.page_src,
        }

    def has(self, kind: str, ident: str | None) -> bool:
        return ident is not None and self.index.get(kind, ident) is not None

    def label(self, kind: str, ident: str) -> str:
        entry = self.index.get(kind, ident)
        return entry.label if entry else ident

    def link(self, kinds: str | Iterable[str], ident: str | None, text_: Any = None) -> Markup:
        """A link to an item, labelled with its name; plain text when it does not exist."""
        if ident is None:
            return Markup("")
        wanted = (kinds,) if isinstance(kinds, str) else tuple(kinds)
        entry = self.index.resolve(ident, wanted)
        if entry is None:
            return text.escape(ident if text_ is None else text_)
        target = self.links.source_link(entry.kind, ident, self.page_src)
        shown = text.escape(entry.label if text_ is None else text_)
        return Markup(f'[{shown}]({target} "{text.attribute(tooltip(entry))}")')

    def links_to(self, kinds: str | Iterable[str], idents: Iterable[str], separator: str = ", ") -> Markup:
        return text.separator(separator).join(self.link(kinds, ident) for ident in idents)

    def page_link(self, src: str, text_: Any, fragment: str | None = None) -> Markup:
        """A link to a generated page by its source path (``infra-specs/security.md``)."""
        import posixpath

        here = posixpath.dirname(self.page_src) or "."
        target = posixpath.relpath(src, here) + (f"#{fragment}" if fragment else "")
        return Markup(f"[{text.escape(text_)}]({target})")

    def anchor(self, item: Item | str, ident: str | None = None) -> Markup:
        """The attr_list that gives a heading its item anchor: ``{ #threat-x }``."""
        kind, name = (item.KIND, item.id) if isinstance(item, Item) else (item, ident or "")
        return Markup(f"{{ #{anchor(kind, name)} }}")

    def anchor_tag(self, item: Item) -> Markup:
        """An inline anchor for items shown in tables and lists."""
        return Markup(f'<a id="{anchor(item.KIND, item.id)}"></a>')

    def md(self, value: Any, indent: int = 0) -> Markup:
        """A Markdown field, with its ``[[kind:id]]`` references resolved for this page."""
        if value is None:
            return Markup("")
        resolved = self.resolver.replace(str(value), self.page_src) if self.resolver is not None else str(value)
        return text.markdown(resolved, indent)

    def badge(self, value: Any, tone: str | None = None, title: Any = None) -> Markup:
        """A small coloured label (status, severity, tier)."""
        shown = text.plain(value)
        if not shown:
            return Markup("")
        tone = tone or TONES.get(shown.lower(), "neutral")
        # Enum values (`in-progress`) read as words; anything else is shown as written.
        words = text.escape(text.words(shown) if re.fullmatch(r"[a-z]+(?:-[a-z]+)*", shown) else shown)
        tip = f' title="{text.attribute(title)}"' if title else ""
        return Markup(f'<span class="infraspec-badge infraspec-badge--{tone}"{tip}>{words}</span>')

    def badges(self, *values: Any) -> Markup:
        return Markup(" ").join(b for b in (v if isinstance(v, Markup) else self.badge(v) for v in values) if b)

    def mermaid(self, source: str) -> Markup:
        """Diagram source for a mermaid fence; escaped when the fence writes it into HTML as is."""
        return Markup(html.escape(source, quote=False) if self.escape_mermaid else source)

    def money(self, value: Any, currency: str) -> str:
        return text.money(value, currency)

    def referrers(self, kind: str, ident: str, holder_kind: str | None = None) -> list[Item]:
        """The items that refer to an item (optionally only those of ``holder_kind``), once each."""
        seen: list[Item] = []
        for reference in self.index.referrers(kind, ident):
            holder = reference.holder
            if holder is None or any(holder is s for s in seen):
                continue
            if holder_kind is None or holder.KIND == holder_kind:
                seen.append(holder)
        return seen
