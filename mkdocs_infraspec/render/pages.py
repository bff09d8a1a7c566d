"""The generated pages: which exist for a spec, and their Markdown from the templates."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import diagrams
from ..check import Result
from ..diagnostics import Diagnostic, Severity
from ..index import SpecIndex
from ..links import COMPONENT_DIR, Links
from ..models import CONCERNS, CONCERNS_BY_NAME, Spec
from ..report.text import SourceReader, format_diagnostic
from ..rules.health import health as health_data
from .context import page_context, sections
from .environment import DiagramSet, Helpers, make_environment
from .xref import Resolver


@dataclass(frozen=True)
class PagePlan:
    """One generated page: its name (``security``, ``index``, ``component:api``), where it goes, its title.

    ``source`` is the spec file the page is written from (as diagnostics show paths), for
    edit links.
    """

    name: str
    src: str
    title: str
    template: str
    source: str | None = None


@dataclass(frozen=True)
class RenderedPage:
    """A generated page's Markdown, ready to be added to the site."""

    plan: PagePlan
    markdown: str


def components_index(links: Links) -> str:
    """The source path of the page that lists every component (``infra-specs/components/index.md``)."""
    return posixpath.join(links.prefix.strip("/"), COMPONENT_DIR, "index.md")


_BLANK_LINES = re.compile(r"\n{3,}")


def tidy(markdown: str) -> str:
    """Collapse the blank lines that template conditionals leave behind."""
    lines = [line.rstrip() if not line.endswith("  ") else line for line in markdown.splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"


def _first_file(spec: Spec, concern: str) -> Path | None:
    files = spec.files.get(concern) or []
    return files[0] if files else None


class Renderer:
    """Renders every generated page of a spec with the shipped (or the user's) templates."""

    def __init__(
        self,
        links: Links,
        *,
        templates: Path | None = None,
        escape_mermaid: bool = True,
        icons: bool = False,
        xrefs: bool = True,
        health_page: bool = True,
    ) -> None:
        self.links = links
        self.xrefs = xrefs
        self.health_page = health_page
        self.env = make_environment(templates)
        self.escape_mermaid = escape_mermaid
        self.icons = icons

    def plan(self, spec: Spec, result: Result | None = None, *, display: Any = None) -> list[PagePlan]:
        """The pages a spec gets: the summary, one per concern present, one per component."""
        show = display or (lambda path: path.as_posix())
        pages: list[PagePlan] = []
        overview_file = _first_file(spec, "overview")
        pages.append(PagePlan("index", self.links.concern_page("index"), "Summary", "index.md.j2",
                              show(overview_file) if overview_file else None))
        for concern in CONCERNS:
            if spec.get(concern.name) is None:
                continue
            file = _first_file(spec, concern.name)
            pages.append(PagePlan(concern.name, self.links.concern_page(concern.name), concern.title,
                                  f"{concern.name}.md.j2", show(file) if file else None))
        if self.health_page:
            # Written from the whole spec and the checks: no one file to edit.
            pages.append(PagePlan("health", self.links.concern_page("health"), "Spec health", "health.md.j2"))
        if self.links.component_pages:
            if spec.components and not any(c.id == "index" for c in spec.components):
                file = _first_file(spec, "responsibilities")
                pages.append(PagePlan("components", components_index(self.links), "Components", "components.md.j2",
                                      show(file) if file else None))
            for component in spec.components:
                location = component.loc("id")
                pages.append(PagePlan(f"component:{component.id}", self.links.component_page(component.id),
                                      component.name, "component.md.j2", location.file if location.line else None))
        return pages

    def render(self, page: PagePlan, result: Result) -> RenderedPage:
        spec, index = result.spec, result.index
        resolver = Resolver(index, self.links)
        helpers = Helpers(index, self.links, resolver if self.xrefs else None, page.src, self.escape_mermaid)
        concern_name = page.name if page.name in CONCERNS_BY_NAME else None
        context: dict[str, Any] = {
            "spec": spec,
            "index": index,
            "overview": spec.overview,
            "concern": spec.get(concern_name) if concern_name else None,
            "page": page,
            "title": page.title,
            "diagrams": DiagramSet(diagrams.for_page(page.name, spec, index, self.links, page.src)),
            "sections": sections(spec, self.links.concern_page),
            "component_pages": self.links.component_pages,
            "icons": self.icons,
            "links_": self.links,
            **helpers.context(),
            "components_index": components_index(self.links) if self.links.component_pages else None,
            **page_context(page.name, spec, index),
        }
        if page.name == "health":
            context["health"] = health_data(result)
        markdown = self.env.get_template(page.template).render(context)
        return RenderedPage(page, tidy(markdown))

    def render_all(self, result: Result) -> list[RenderedPage]:
        return [self.render(page, result) for page in self.plan(result.spec)]

    def render_errors(
        self,
        diagnostics: Sequence[Diagnostic],
        pages: Sequence[PagePlan],
        reader: SourceReader | None = None,
    ) -> list[RenderedPage]:
        """The page shown instead of every generated page while the spec does not load."""
        shown = [d for d in diagnostics if d.suppressed is None and d.severity != Severity.INFO]
        entries = [{"diagnostic": d, "snippet": _snippet(d, reader)} for d in shown]
        template = self.env.get_template("error.md.j2")
        rendered = []
        for page in pages:
            helpers = Helpers(_EMPTY_INDEX, self.links, Resolver(_EMPTY_INDEX, self.links), page.src, self.escape_mermaid)
            markdown = template.render(
                page=page,
                title=page.title,
                entries=entries,
                errors=sum(1 for d in shown if d.severity == Severity.ERROR),
                warnings=sum(1 for d in shown if d.severity == Severity.WARNING),
                **helpers.context(),
            )
            rendered.append(RenderedPage(page, tidy(markdown)))
        return rendered


def _snippet(diagnostic: Diagnostic, reader: SourceReader | None) -> str | None:
    """The source line with a caret under the column, as the terminal shows it."""
    if reader is None or diagnostic.line <= 0:
        return None
    lines = format_diagnostic(diagnostic, reader).splitlines()[1:]
    snippet = [line for line in lines if " | " in line[:12] or line.rstrip().endswith(" |")]
    return "\n".join(snippet) or None


# The error page shows no spec items, so its helpers resolve nothing.
_EMPTY_INDEX = SpecIndex()
