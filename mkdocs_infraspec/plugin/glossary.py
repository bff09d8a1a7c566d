"""The vocabulary in a MkDocs build: terms linked on every page, backlinks on the vocabulary page, unused terms reported.

MkDocs converts every page (``on_page_content``) before it renders any. Each page's HTML
is kept there, as the last of all plugins made it, and handed on unlinked: the search
index reads it without 15,000 more tags. Once every page is converted (``on_env``) all of
them are linked in one pass, their uses recorded and the unused terms reported. When a
page is rendered (``on_page_context``, after the search plugin has indexed it) its content
is swapped for the linked one, and on the vocabulary page each entry's backlinks are
filled in.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files

from ..diagnostics import Diagnostic, Severity
from ..glossary import (
    Glossary,
    LinkMode,
    Use,
    UseIndex,
    fill_backlinks,
    link_html,
    render_backlinks,
    unused_terms,
)
from ..links import Links
from ..report.text import SourceReader
from ..rules import Level
from ..rules.engine import apply_levels
from . import log as logs

#: ``glossary.unused_terms`` as a severity (``None``: not reported).
_LEVELS: dict[str, Severity | None] = {
    "info": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR, "off": None,
}


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Run the block with Python's cyclic garbage collector paused (as it was, after).

    The linker makes many small, short-lived objects and no reference cycles. In a build,
    where MkDocs holds a million objects, the collections they would set off cost more than
    the linking itself (measured: linking 200 pages took 180 ms with them, 115 ms without).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Vocabulary:
    """One build's glossary, the uses recorded page by page, and the linked pages waiting to be rendered."""

    def __init__(self) -> None:
        self.glossary: Glossary | None = None
        self.links = Links()
        self.mode: LinkMode = "first"
        self.level: Severity | None = Severity.INFO
        self.levels: Mapping[str, Level] = {}
        # Kept across `mkdocs serve --dirty` rebuilds, which link only the pages that changed:
        # recording a page replaces its uses, and pages gone from the site are dropped.
        self.uses = UseIndex()
        self.titles: dict[str, str] = {}
        self._pending: dict[str, tuple[str, str]] = {}  # src -> (content handed on, linked content)
        self._page_of_terms = ""
        self._project_dir = Path.cwd()
        self._spec_dir = "infra-specs"
        self._by_term: dict[str, list[Use]] | None = None
        self._order: dict[str, int] = {}
        self._backlink_cache: dict[object, str] = {}  # backlinks to each page and section, made once

    def start(
        self,
        glossary: Glossary | None,
        links: Links,
        options: Mapping[str, Any],
        levels: Mapping[str, Level],
        project_dir: Path,
        spec_dir: str,
    ) -> None:
        """A new build (``on_files``): ``glossary`` is ``None`` while the spec has errors.

        ``options`` is the ``glossary:`` option; ``levels`` the ``rules:`` levels in force;
        ``spec_dir`` the spec folder as messages show it.
        """
        self.glossary = glossary if glossary else None
        self.links = links
        self.mode = options.get("link", "first")
        self.level = _LEVELS[options.get("unused_terms", "info")]
        self.levels = levels
        self._pending.clear()
        self._page_of_terms = links.page_of("term", "-")
        self._project_dir = project_dir
        self._spec_dir = spec_dir
        self._by_term = None
        self._backlink_cache = {}

    def link(self, html: str, src: str) -> str:
        """``on_page_content``: keep the page's HTML to link; the content to hand on, as it is."""
        if self.glossary is not None:
            self._pending[src] = (html, html)
        return html

    def finish(self, files: Files) -> None:
        """``on_env``: link every page, then page titles for backlinks, and the unused terms reported.

        The pages are linked here, one after the other, rather than each as MkDocs converts
        it: in one tight loop the linker's data stays in the processor's caches, which
        makes it about a third cheaper.
        """
        if self.glossary is None:
            return
        glossary, links, mode, record = self.glossary, self.links, self.mode, self.uses.record
        with _collector_paused():
            for src, (html, _) in list(self._pending.items()):
                result = link_html(html, src, glossary, links, mode=mode)
                record(src, result.uses)
                if result.linked or src == self._page_of_terms:
                    self._pending[src] = (html, result.html)
                else:
                    del self._pending[src]
        pages = files.documentation_pages()
        self.uses.retain(file.src_uri for file in pages)
        self.titles = {file.src_uri: file.page.title for file in pages if file.page is not None and file.page.title}
        found = self.unused()
        logs.report(found, errors=False)
        if any(d.severity == Severity.ERROR and d.suppressed is None for d in found):
            raise logs.failure(found, self._spec_dir, SourceReader(self._project_dir))

    def unused(self) -> list[Diagnostic]:
        """IS353 for every term no page uses, at the level set by ``glossary.unused_terms`` or ``rules:``."""
        if self.glossary is None or self.level is None:
            found: list[Diagnostic] = []
        else:
            found = unused_terms(self.glossary.terms, self.uses, severity=self.level)
        return apply_levels(found, self.levels)

    def content(self, src: str, content: str, nav: Any = None) -> str | None:
        """``on_page_context``: the page's content to render, linked (``None``: leave it as it is).

        ``nav`` (MkDocs' navigation) orders the vocabulary page's backlinks as the site does.
        """
        pending = self._pending.pop(src, None)
        if pending is None or self.glossary is None:
            return None
        handed, linked = pending
        if content is not handed and content != handed:
            # Another plugin changed the content after it was linked (Material's search drops
            # its data-search-* attributes): link what it made. The uses are already recorded.
            linked = link_html(content, src, self.glossary, self.links, mode=self.mode).html
        if src == self._page_of_terms:
            pages = getattr(nav, "pages", None) or []
            self._order = {page.file.src_uri: rank for rank, page in enumerate(pages)}
            with _collector_paused():
                linked = fill_backlinks(linked, self.backlinks)
        return linked

    def backlinks(self, term: str) -> str:
        """The backlinks HTML of one term's entry on the vocabulary page."""
        if self._by_term is None:
            # pages in navigation order, those outside the navigation last (sorting is stable)
            last = len(self._order)
            self._by_term = {
                term: sorted(uses, key=lambda use: self._order.get(use.page, last))
                for term, uses in self.uses.by_term().items()
            }
        return render_backlinks(self._by_term.get(term, []), self.links, self._page_of_terms, self.titles, self._backlink_cache)
