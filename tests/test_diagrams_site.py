"""The diagrams of the published site, as readers get them: strict builds, served on 127.0.0.1, drawn in Chromium.

Each site is built with ``mkdocs build --strict`` and served from a local thread; the
browser aborts (and records) every request to any other host, and Material's closed shadow
roots are forced open so that the drawn SVGs can be inspected. On every page, each Mermaid
block of the static HTML must become an SVG with no Mermaid error, no page error, no request
leaving 127.0.0.1; the titles and notes must read as the core wrote them; every link in a
diagram must lead to a page (and anchor) of the site.

Sites: the example project (mermaid2 with a local mermaid.js), the hostile-names fixture with
each renderer (mermaid2, Material's own fence), and the generated 300-component spec (its
split diagrams and their notes). One browser serves all of them.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from mkdocs_infraspec.check import check
from mkdocs_infraspec.diagrams import Diagram, for_page
from mkdocs_infraspec.links import Links
from mkdocs_infraspec.render import Renderer

from .conftest import EXAMPLE_PROJECT, FIXTURES
from .support.browser import Tab, chromium_browser, serve_directory, skip_reason, wait_for_diagrams
from .support.build import build, copy_project, mermaid_missing_reason, vendor_mermaid
from .test_diagrams import HOSTILE_SPEC
from .test_diagrams_browser import HOSTILE_SHOWN

pytestmark = [pytest.mark.slow, pytest.mark.browser]

if reason := skip_reason() or mermaid_missing_reason():
    pytest.skip(reason, allow_module_level=True)

SITE_CONFIGS = FIXTURES / "diagrams" / "site"

#: What the browser collects on a page once its diagrams have drawn (shadow roots are open).
_COLLECT = """
() => {
  const roots = [document];
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  const errors = roots.reduce((n, r) => n + r.querySelectorAll('svg[aria-roledescription="error"]').length, 0)
    + roots.filter(r => (r.textContent || '').includes('Syntax error in text')).length;
  const diagrams = [...document.querySelectorAll('.mermaid')].map(el => {
    const svg = (el.shadowRoot && el.shadowRoot.querySelector('svg')) || el.querySelector('svg');
    if (!svg) return null;
    const labels = svg.querySelectorAll('.nodeLabel, .edgeLabel, .cluster-label, text');
    return {
      text: [...labels].map(e => e.textContent).join('\\n'),
      links: [...svg.querySelectorAll('a')].map(a => {
        const href = a.getAttribute('href') || a.getAttribute('xlink:href') || '';
        return new URL(href, location.href).href;
      }),
      markup: [...svg.querySelectorAll('script, iframe, img, b, object, embed')].map(e => e.tagName),
    };
  });
  const text = (selector) => [...document.querySelectorAll(selector)].map(e => e.textContent.replace(/\\s+/g, ' ').trim());
  return {errors, diagrams, titles: text('.infraspec-diagram-title'), notes: text('.infraspec-diagram-note')};
}
"""

_BLOCK = re.compile(r'<(?:pre|div)\s[^>]*class="mermaid"')


@dataclass
class Page:
    """One page of a built site, as the browser drew it."""

    path: str
    expected: int  # Mermaid blocks in the static HTML, counted before any script runs
    drawn: int = 0
    errors: int = 0  # Mermaid error diagrams and "Syntax error" texts
    problems: list[str] = field(default_factory=list)  # page errors, console errors, failed local requests
    blocked: list[str] = field(default_factory=list)  # requests to other hosts (aborted)
    diagrams: list[dict[str, Any]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Site:
    root: Path
    pages: dict[str, Page]
    core: dict[str, list[Diagram]]  # the diagrams the core draws for each generated page

    def failures(self) -> dict[str, list[str]]:
        """Every page where a diagram did not draw or anything went wrong."""
        found: dict[str, list[str]] = {}
        for path, page in self.pages.items():
            wrong = list(page.problems)
            if page.drawn != page.expected:
                wrong.append(f"{page.drawn} of {page.expected} diagrams drawn")
            if page.errors:
                wrong.append(f"{page.errors} Mermaid errors")
            wrong += [f"request to another host: {url}" for url in page.blocked]
            if wrong:
                found[path] = wrong
        return found


def url_of(src: str) -> str:
    """The URL path of a page by its source path (directory URLs): ``a/b.md`` -> ``a/b/``."""
    stem = src[: -len(".md")]
    return (stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/")


def core_diagrams(spec_dir: Path, links: Links) -> dict[str, list[Diagram]]:
    result = check(spec_dir)
    return {
        url_of(plan.src): for_page(plan.name, result.spec, result.index, links, plan.src)
        for plan in Renderer(links).plan(result.spec)
    }


def draw(browser: Any, root: Path, core: dict[str, list[Diagram]]) -> Site:
    """Open every page of a built site that holds a diagram; what the browser drew."""
    pages: dict[str, Page] = {}
    for html in sorted(root.rglob("*.html")):
        path = url_of(html.relative_to(root).with_suffix(".md").as_posix()) if html.name == "index.html" else html.relative_to(root).as_posix()
        expected = len(_BLOCK.findall(html.read_text(encoding="utf-8")))
        if expected or path in core:
            pages[path] = Page(path, expected)
    with serve_directory(root) as base:
        tab = Tab(browser, open_shadow_roots=True)
        try:
            for page in pages.values():
                if not page.expected:
                    continue
                visit = tab.go(base + page.path, settle_ms=0)
                page.drawn = wait_for_diagrams(tab.page, page.expected)
                tab.page.wait_for_timeout(100)  # an error diagram comes right after the failed one
                seen = tab.page.evaluate(_COLLECT)
                page.errors = seen["errors"]
                page.diagrams = [d for d in seen["diagrams"] if d is not None]
                page.titles, page.notes = seen["titles"], seen["notes"]
                page.problems = [p for p in visit.problems if not p.startswith("blocked request")]
                page.blocked = list(visit.blocked)
        finally:
            tab.close()
    return Site(root, pages, core)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium_browser() as running:
        yield running


def assemble(root: Path, config: str, spec: Callable[[Path], object]) -> Path:
    """A project from a site config of tests/fixtures/diagrams/site and a spec (written by ``spec``)."""
    shutil.copytree(SITE_CONFIGS / "docs", root / "docs")
    shutil.copyfile(SITE_CONFIGS / config, root / "mkdocs.yml")
    spec(root / "infra-specs")
    assert vendor_mermaid(root)
    return root


def built(root: Path) -> Path:
    done = build(root, strict=True)
    assert done.ok, done.output
    return done.site


@pytest.fixture(scope="module")
def example(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Site:
    project = copy_project(EXAMPLE_PROJECT, tmp_path_factory.mktemp("example") / "example-project")
    return draw(browser, built(project), core_diagrams(project / "infra-specs", Links()))


@pytest.fixture(scope="module", params=["mermaid2", "native"])
def hostile(browser: Any, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Site:
    project = assemble(tmp_path_factory.mktemp(f"hostile-{request.param}"), f"{request.param}.yml",
                       lambda target: shutil.copytree(HOSTILE_SPEC, target))
    return draw(browser, built(project), core_diagrams(project / "infra-specs", Links()))


@pytest.fixture(scope="module")
def large(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Site:
    from .fixtures.diagrams.large_spec import write_large_spec

    project = assemble(tmp_path_factory.mktemp("large"), "large.yml", write_large_spec)
    return draw(browser, built(project), core_diagrams(project / "infra-specs", Links(component_pages=False)))


# --- what every site must show ------------------------------------------------------------------


def assert_draws_as_written(site: Site) -> None:
    """Every diagram the core drew is on its page and drawn, titled and noted as the core wrote it."""
    assert not site.failures(), site.failures()
    for path, diagrams in site.core.items():
        page = site.pages.get(path)
        if page is None:  # a generated page with no diagram, never opened
            assert not diagrams, path
            continue
        assert page.expected == len(diagrams), path
        assert Counter(page.titles) == Counter(_flat(d.title) for d in diagrams), path
        for note in (d.note for d in diagrams if d.note):
            assert _flat(note) in page.notes, (path, note)


def assert_links_lead_somewhere(site: Site) -> None:
    """Every link in a drawn diagram opens a page of this site, at an anchor that exists."""
    links = {link for page in site.pages.values() for d in page.diagrams for link in d["links"]}
    assert links
    broken = [link for link in sorted(links) if not _resolves(site.root, link)]
    assert not broken, broken


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def _html(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _resolves(root: Path, link: str) -> bool:
    parts = urlsplit(link)
    if parts.hostname != "127.0.0.1":
        return False
    path = posixpath.normpath(unquote(parts.path)).lstrip("/")
    file = root / path / "index.html" if parts.path.endswith("/") else root / path
    if not file.is_file():
        return False
    return not parts.fragment or f'id="{unquote(parts.fragment)}"' in _html(file)


# --- the example project -----------------------------------------------------------------------


def test_every_diagram_of_the_example_draws_offline(example: Site) -> None:
    assert_draws_as_written(example)
    drawn = {path: page for path, page in example.pages.items() if page.drawn}
    kinds = {d.kind for path in drawn for d in example.core.get(path, [])}
    assert len(kinds) >= 7 and len(drawn) >= 4, (kinds, sorted(drawn))
    assert sum(page.drawn for page in drawn.values()) >= 30


def test_every_link_in_the_example_diagrams_leads_somewhere(example: Site) -> None:
    assert_links_lead_somewhere(example)


# --- hostile names, with either renderer ---------------------------------------------------------


def test_hostile_names_draw_with_either_renderer(hostile: Site) -> None:
    assert_draws_as_written(hostile)
    assert_links_lead_somewhere(hostile)


_PAGES = {"architecture": "infra-specs/architecture/", "environments": "infra-specs/environments/",
          "disaster-recovery": "infra-specs/disaster-recovery/", "component:web": "infra-specs/components/web/"}


def test_hostile_names_show_literally_in_the_site(hostile: Site) -> None:
    for name, texts in HOSTILE_SHOWN.items():
        page = hostile.pages[_PAGES[name]]
        # Long titles are broken into lines at spaces, and a line break has no text.
        shown = re.sub(r"\s+", "", "".join(d["text"] for d in page.diagrams).replace("\u2060", ""))
        for text in texts:
            assert re.sub(r"\s+", "", text) in shown, (name, text)
        for diagram in page.diagrams:
            assert diagram["markup"] == [], (name, diagram["markup"])
    # Titles quoting hostile names read as written (Markdown and HTML shown literally).
    assert 'Network topology: Production "live" <prod> & #1' in hostile.pages["infra-specs/architecture/"].titles
    assert "Neighbourhood of Web service --> db; %% comment" in hostile.pages["infra-specs/components/web/"].titles


# --- a spec beyond Mermaid's limits -------------------------------------------------------------


def test_the_large_spec_draws_in_parts_with_a_note_on_each(large: Site) -> None:
    assert_draws_as_written(large)
    split = {path: page for path, page in large.pages.items() if any("too large for Mermaid" in n for n in page.notes)}
    assert {"infra-specs/architecture/", "infra-specs/disaster-recovery/", "infra-specs/responsibilities/"} <= set(split)
    assert sum(page.drawn for page in large.pages.values()) >= 20
