"""Page building: the spec as Markdown pages, through Jinja2 templates a user can override.

Imports nothing from MkDocs: :mod:`mkdocs_infraspec.plugin` adds the pages to a site.
"""

from __future__ import annotations

from .pages import PagePlan, RenderedPage, Renderer
from .xref import Resolver, check_spec_text, find_xrefs

__all__ = ["PagePlan", "RenderedPage", "Renderer", "Resolver", "check_spec_text", "find_xrefs"]
