"""Where each spec item is published: its page, its anchor, and a relative URL to it from any page.

Pure path arithmetic, shared by the renderer, the diagrams and the glossary; it knows
nothing of MkDocs beyond the convention that ``page.md`` is served at ``page/`` (with
``use_directory_urls``) or ``page.html``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cache

from .models import CONCERNS
from .references import kinds_defined_by

#: Each item kind is published on the page of the concern that defines it...
COMPONENT_DIR = "components"


@cache
def concern_of_kind() -> dict[str, str]:
    """The concern (page) that defines each item kind."""
    mapping: dict[str, str] = {}
    for concern in CONCERNS:
        for kind in sorted(kinds_defined_by(concern.model)):
            mapping.setdefault(kind, concern.name)
    return mapping


def anchor(kind: str, ident: str) -> str:
    """The HTML id of an item on its page: ``component-rds-main``, ``term-vpc``."""
    return f"{kind}-{ident}"


@dataclass(frozen=True)
class Links:
    """URLs of the generated pages under ``prefix`` (``infra-specs/`` by default)."""

    prefix: str = "infra-specs/"
    use_directory_urls: bool = True
    component_pages: bool = True
    """Components have pages of their own; when false they live on the responsibilities page."""

    def _base(self) -> str:
        return self.prefix.strip("/")

    def concern_page(self, concern: str) -> str:
        """The source path of a concern's page (``infra-specs/security.md``); ``index`` for the summary."""
        return posixpath.join(self._base(), f"{concern}.md")

    def component_page(self, ident: str) -> str:
        """The source path of a component's own page (``infra-specs/components/api.md``)."""
        return posixpath.join(self._base(), COMPONENT_DIR, f"{ident}.md")

    def page_of(self, kind: str, ident: str) -> str:
        """The source path of the page an item is published on."""
        if kind == "component" and self.component_pages:
            return self.component_page(ident)
        concern = concern_of_kind().get(kind, "index")
        return self.concern_page(concern)

    def src_to_url(self, src: str) -> str:
        """The URL path (relative to the site root) at which a page source is served."""
        stem, _ = posixpath.splitext(src)
        if not self.use_directory_urls:
            return stem + ".html"
        if posixpath.basename(stem) == "index":
            parent = posixpath.dirname(stem)
            return parent + "/" if parent else ""
        return stem + "/"

    def relative(self, target_src: str, from_src: str, fragment: str | None = None) -> str:
        """A URL to the page ``target_src``, relative to the page ``from_src``."""
        target = self.src_to_url(target_src)
        here = self.src_to_url(from_src)
        here_dir = here if here.endswith("/") or here == "" else posixpath.dirname(here) + "/"
        if here_dir in ("", "/"):
            url = target or "./"
        else:
            url = posixpath.relpath(target or ".", here_dir.rstrip("/") or ".")
            # Folder URLs (and the site root, "") keep their trailing slash.
            if (target == "" or target.endswith("/")) and not url.endswith("/"):
                url += "/"
            if url == "./" or url == "":
                url = "./"
        if target == here and fragment:
            return f"#{fragment}"
        return f"{url}#{fragment}" if fragment else url

    def fragment(self, kind: str, ident: str) -> str | None:
        """The anchor of an item on its page; none for a component with a page of its own."""
        return None if kind == "component" and self.component_pages else anchor(kind, ident)

    def item_url(self, kind: str, ident: str, from_src: str) -> str:
        """A relative URL from page ``from_src`` to an item (its component page, or its anchor)."""
        page = self.page_of(kind, ident)
        fragment = self.fragment(kind, ident)
        return self.relative(page, from_src, fragment)

    def source_link(self, kind: str, ident: str, from_src: str) -> str:
        """A Markdown link target from page ``from_src`` to an item: ``../security.md#threat-x``.

        MkDocs checks and rewrites such links itself, so generated Markdown uses these.
        """
        page = self.page_of(kind, ident)
        fragment = self.fragment(kind, ident)
        if page == from_src:
            return f"#{fragment}" if fragment else posixpath.basename(page)
        path = posixpath.relpath(page, posixpath.dirname(from_src) or ".")
        return f"{path}#{fragment}" if fragment else path
