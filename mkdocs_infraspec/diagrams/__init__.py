"""Mermaid diagrams drawn from the model: which diagrams a page shows, and their source text."""

from __future__ import annotations

from dataclasses import dataclass

from ..index import SpecIndex
from ..links import Links
from ..models import Spec


@dataclass(frozen=True)
class Diagram:
    """One Mermaid diagram: its kind (``topology``...), a title, the Mermaid text and an optional note."""

    kind: str
    title: str
    source: str
    note: str | None = None


def for_page(page: str, spec: Spec, index: SpecIndex, links: Links, page_src: str) -> list[Diagram]:
    """The diagrams shown on a generated page.

    ``page`` is a concern name (``architecture``), ``index`` for the summary page, or
    ``component:<id>`` for a component's page; ``page_src`` is the page's source path,
    against which click links are made relative.
    """
    return []
