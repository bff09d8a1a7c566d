"""Where each term is used across a build, and the backlinks shown under its vocabulary entry.

The plugin records every page's :attr:`LinkResult.uses` as the page is linked; once all
pages are linked (MkDocs runs ``on_page_content`` for every page before it renders any),
the vocabulary page's placeholders are filled with each term's backlinks.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Callable, Iterable, Iterator, Mapping

from ..links import Links
from .linker import Use

#: Where a term's backlinks go on the vocabulary page (written by the page's renderer).
BACKLINKS_PLACEHOLDER = "<!-- infraspec-backlinks: {term} -->"
_PLACEHOLDER = re.compile(r"<!-- infraspec-backlinks: ([a-z][a-z0-9-]*) -->")


class UseIndex:
    """Every page's uses of terms in one build; recording a page again replaces its uses."""

    def __init__(self) -> None:
        self._pages: dict[str, list[Use]] = {}

    def record(self, page: str, uses: list[Use]) -> None:
        self._pages[page] = list(uses)

    def clear(self) -> None:
        self._pages.clear()

    def retain(self, pages: Iterable[str]) -> None:
        """Forget the uses of every page not in ``pages`` (pages removed since they were recorded)."""
        keep = set(pages)
        for page in [page for page in self._pages if page not in keep]:
            del self._pages[page]

    def __iter__(self) -> Iterator[Use]:
        for uses in self._pages.values():
            yield from uses

    def of(self, term: str) -> list[Use]:
        """The uses of one term, by page in the order pages were recorded, then by section."""
        return [use for use in self if use.term == term]

    def by_term(self) -> dict[str, list[Use]]:
        grouped: dict[str, list[Use]] = {}
        for use in self:
            grouped.setdefault(use.term, []).append(use)
        return grouped


def render_backlinks(
    uses: list[Use],
    links: Links,
    from_src: str,
    titles: Mapping[str, str],
    cache: dict[object, str] | None = None,
) -> str:
    """A term's backlinks as HTML: "Used in", then one item per page, linking to each section where it is used.

    ``titles`` maps page source paths to page titles (the path is shown when missing); a
    section headed by the page's title (its ``h1``) is not listed apart from the page.
    ``cache`` keeps each page's link and each section's link across calls (the terms'
    backlinks name the same pages and sections over and over).
    """
    if not uses:
        return '<p class="infraspec-backlinks infraspec-backlinks-empty">Not used on any page yet.</p>'
    if cache is None:
        cache = {}
    # One pass over the uses (a vocabulary page renders every term's: tens of thousands).
    pages: dict[str, list[str]] = {}
    for _, page, anchor, heading, _ in uses:
        sections = pages.get(page)
        if sections is None:
            sections = pages[page] = []
        # a use under the page's own title (its h1) is a use on the page, no section
        if anchor and heading and heading != titles.get(page):
            key = (page, anchor, heading)
            section = cache.get(key)
            if section is None:
                # links.relative(page, from_src, anchor), without working out the page's URL again
                base = "" if page == from_src else _page_url(page, from_src, links, cache)
                url = _html.escape(f"{base}#{anchor}")
                section = cache[key] = f'<a href="{url}">{_html.escape(heading)}</a>'
            if section not in sections:
                sections.append(section)
    items = []
    for page, sections in pages.items():
        page_link = cache.get(page)
        if page_link is None:
            url = _html.escape(_page_url(page, from_src, links, cache))
            page_link = cache[page] = f'<a href="{url}">{_html.escape(titles.get(page) or page)}</a>'
        items.append(f"<li>{page_link}: {', '.join(sections)}</li>" if sections else f"<li>{page_link}</li>")
    return (
        '<p class="infraspec-backlinks-title"><strong>Used in</strong></p>'
        '<ul class="infraspec-backlinks infraspec-nolink">' + "".join(items) + "</ul>"
    )


def _page_url(page: str, from_src: str, links: Links, cache: dict[object, str]) -> str:
    """``links.relative(page, from_src)``, once per page (it calls ``os.getcwd`` each time)."""
    key = ("url", page)
    url = cache.get(key)
    if url is None:
        url = cache[key] = links.relative(page, from_src)
    return url


def fill_backlinks(html: str, render: Callable[[str], str]) -> str:
    """``html`` with each backlinks placeholder replaced by ``render(term_id)``."""
    return _PLACEHOLDER.sub(lambda match: render(match.group(1)), html)
