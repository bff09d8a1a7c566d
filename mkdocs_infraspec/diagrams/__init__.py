"""Mermaid diagrams drawn from the model: which diagrams a page shows, and their source text."""

from __future__ import annotations

from dataclasses import dataclass

from ..index import SpecIndex
from ..links import Links
from ..models import Spec


@dataclass(frozen=True)
class Diagram:
    """One Mermaid diagram: its kind (``topology``...), a title, the Mermaid text and an optional note.

    ``title`` and ``note`` are plain text (they may quote names from the spec): a template
    must escape them. ``source`` is Mermaid text, safe to put in a ```` ```mermaid ```` fence
    (a fence that writes it into HTML as is must HTML-escape it first).
    ``scope`` says which part of the page the diagram is about (``layer:data``), so that a
    template can show it in that part's section; ``None``: the page as a whole.
    """

    kind: str
    title: str
    source: str
    note: str | None = None
    scope: str | None = None


#: The diagram kinds, each with the page it is shown on.
KINDS = {
    "workflow": "index",
    "layers": "architecture",
    "topology": "architecture",
    "flows": "architecture",
    "dependencies": "responsibilities",
    "environments": "environments",
    "recovery": "disaster-recovery",
    "neighbourhood": "component:<id>",
}


def for_page(page: str, spec: Spec, index: SpecIndex, links: Links, page_src: str) -> list[Diagram]:
    """The diagrams shown on a generated page.

    ``page`` is a concern name (``architecture``), ``index`` for the summary page, or
    ``component:<id>`` for a component's page; ``page_src`` is the page's source path,
    against which click links are made relative.
    """
    from .pages import diagrams_for

    return diagrams_for(page, spec, index, links, page_src)


__all__ = ["KINDS", "Diagram", "for_page"]
