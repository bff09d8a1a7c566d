"""The ``infraspec`` MkDocs plugin: MkDocs events turned into calls on the core, nothing more."""

from __future__ import annotations

import copy
import dataclasses
import os
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import nest_paths

from .. import check as core
from ..diagnostics import Location, display_path, sort_diagnostics
from ..glossary import Glossary
from ..links import Links
from ..loader import discover
from ..models import CONCERNS
from ..render import PagePlan, RenderedPage, Renderer, check_spec_text
from ..render.xref import Resolver, warning
from ..report.text import SourceReader
from . import log as logs
from . import mermaid as mermaid_setup
from . import nav as navigation
from . import site
from .config import InfraSpecConfig
from .glossary import Vocabulary

ASSETS = Path(__file__).resolve().parent.parent / "assets"
STYLESHEET = "assets/infraspec/infraspec.css"


class InfraSpecPlugin(BasePlugin[InfraSpecConfig]):  # type: ignore[no-untyped-call]
    """Reads the spec once per build, adds its pages, and links ``[[kind:id]]`` in every page."""

    def __init__(self) -> None:
        self.serving = False
        self.project_dir = Path.cwd()
        self.spec_dir = Path("infra-specs")
        self.links = Links()
        self.renderer: Renderer | None = None
        self.resolver: Resolver | None = None
        self.user_nav: Any = None
        self.generated: dict[str, PagePlan] = {}
        # The pages of the last good build: while `mkdocs serve` shows a broken spec, each of
        # them shows the errors instead of a 404.
        self.last_pages: list[PagePlan] = []
        self.vocabulary = Vocabulary()

    # Defining on_startup keeps one instance across `mkdocs serve` rebuilds (MkDocs >= 1.4).
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            # The nav entry that would hold the generated section names no page now.
            config.nav = navigation.remove(config.nav, self.config.prefix)
            return config
        self.project_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.spec_dir = self.project_dir / self.config.spec_dir
        self.links = Links(self.config.prefix, config.use_directory_urls, self.config.component_pages)
        if self.config.markdown_extensions:
            for name in site.ensure_extensions(config):
                logs.log.info(f"enabled the Markdown extension {name!r}, which the generated pages need")
        mermaid_setup.check(config, self.project_dir)
        templates = Path(self.config.templates) if self.config.templates else None
        self.renderer = Renderer(
            self.links,
            templates=templates,
            escape_mermaid=site.mermaid_needs_escaping(config),
            icons=site.has_material_icons(config),
            xrefs=self.config.xrefs,
            health_page=self.config.health_page,
        )
        if self.config.css and STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        self.user_nav = copy.deepcopy(config.nav)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.renderer is None:
            return files
        shown_dir = display_path(self.spec_dir, self.project_dir)
        # Findings about the `rules:` option point at their line in mkdocs.yml.
        config_file = Path(config.config_file_path) if config.config_file_path else None
        result = core.check(self.spec_dir, base=self.project_dir, rules=self.config.rules or None, rules_file=config_file)
        reader = SourceReader(self.project_dir)
        self.resolver = Resolver(result.index, self.links)
        diagnostics = list(result.diagnostics)
        if not result.errors and self.config.xrefs:
            diagnostics = sort_diagnostics(diagnostics + check_spec_text(result.spec, self.resolver))
        if result.errors and not self.serving:
            logs.report(diagnostics, errors=False)
            raise logs.failure(diagnostics, shown_dir, reader)
        logs.report(diagnostics)
        if result.errors:
            # `mkdocs serve`: keep serving, and show the errors where the pages would be.
            self.resolver = None
            pages = self.renderer.render_errors(diagnostics, self._expected_pages(), reader)
        else:
            # The health page lists every finding of this build, the spec text's references too.
            pages = self.renderer.render_all(dataclasses.replace(result, diagnostics=diagnostics))
            self.last_pages = [page.plan for page in pages]
        self._add_pages(files, pages, config)
        glossary = None if result.errors else Glossary.of_index(result.index)
        self.vocabulary.start(glossary, self.links, self.config.glossary, result.levels, self.project_dir, shown_dir)
        if self.config.css:
            files.append(File.generated(config, STYLESHEET, abs_src_path=str(ASSETS / "infraspec.css")))
        self._place_nav(files, [page.plan for page in pages if page.plan.src in self.generated], config)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or not self.config.xrefs or self.resolver is None:
            return markdown
        src = page.file.src_uri
        if src in self.generated:
            return markdown  # already resolved when rendered; unknown ones reported at their YAML field
        where = display_path(Path(config.docs_dir) / src, self.project_dir)
        offset = _front_matter_lines(page.file, markdown)

        def report(xref: Any, resolution: Any) -> None:
            location = Location(where, xref.line + offset, xref.column)
            logs.log.warning(logs.one_line(warning(location, xref, resolution)))

        return self.resolver.replace(markdown, src, report)

    # Last of all plugins: the HTML they made, with no link added by anyone after.
    @event_priority(-100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return html
        return self.vocabulary.link(html, page.file.src_uri)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.config.enabled:
            self.vocabulary.finish(files)
        return env

    # After the search plugin has indexed the page without the links (they would cost it more
    # than the linking itself), before the theme renders it.
    @event_priority(-100)
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self.config.enabled:
            content = self.vocabulary.content(page.file.src_uri, page.content or "", nav)
            if content is not None:
                page.content = content
        return context

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer | None:
        if self.config.enabled:
            server.watch(str(self.spec_dir))
            if self.config.templates:
                server.watch(str(self.config.templates))
        return server

    # --- helpers -------------------------------------------------------------------------

    def _add_pages(self, files: Files, pages: list[RenderedPage], config: MkDocsConfig) -> None:
        self.generated = {}
        docs_dir = Path(config.docs_dir)
        for page in pages:
            src = page.plan.src
            if files.get_file_from_path(src) is not None:
                logs.log.info(f"{display_path(docs_dir / src, self.project_dir)}: your page is kept; the generated {page.plan.title!r} page is not added")
                continue
            file = File.generated(config, src, content=page.markdown)
            if self.config.edit_links and page.plan.source:
                file.edit_uri = _edit_path(self.project_dir / page.plan.source, docs_dir)
            files.append(file)
            self.generated[src] = page.plan

    def _expected_pages(self) -> list[PagePlan]:
        """The pages the site would have: the last good build's, else one per concern written."""
        if self.last_pages:
            return self.last_pages
        found, _ = discover(self.spec_dir, self.project_dir)
        pages = [PagePlan("index", self.links.concern_page("index"), "Summary", "error.md.j2")]
        pages += [
            PagePlan(c.name, self.links.concern_page(c.name), c.title, "error.md.j2")
            for c in CONCERNS
            if c.name in found
        ]
        return pages

    def _place_nav(self, files: Files, pages: list[PagePlan], config: MkDocsConfig) -> None:
        if self.config.nav == "off" or not pages:
            return
        children = navigation.section(pages)
        if self.user_nav is None:
            mine = set(self.generated)
            user_pages = [f.src_uri for f in files.documentation_pages() if f.src_uri not in mine]
            config.nav = [*nest_paths(user_pages), {self.config.nav_title: children}]  # type: ignore[no-untyped-call]
            return
        nav, placed = navigation.place(copy.deepcopy(self.user_nav), self.config.prefix, children, self.config.nav_title)
        if not placed and not navigation.mentions(self.user_nav, self.generated):
            nav = [*(nav or []), {self.config.nav_title: children}]
        config.nav = nav


def _edit_path(yaml_file: Path, docs_dir: Path) -> str:
    """The spec file's path relative to docs_dir, which MkDocs appends to ``edit_uri``.

    ``edit/main/docs/`` + ``../infra-specs/security.yaml`` resolves to the file in the repository.
    """
    return posixpath.normpath(os.path.relpath(yaml_file, docs_dir).replace(os.sep, "/"))


def _front_matter_lines(file: File, markdown: str) -> int:
    """How many source lines precede ``markdown`` (the YAML front matter MkDocs strips)."""
    try:
        source = file.content_string
    except (OSError, UnicodeDecodeError, TypeError):
        return 0
    if source.endswith(markdown) and len(source) > len(markdown):
        return source[: len(source) - len(markdown)].count("\n")
    return 0
