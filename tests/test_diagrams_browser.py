"""Every generated diagram, rendered by the real mermaid.js in headless Chromium, offline.

Asserts what only a browser can show: Mermaid parses each text, draws an SVG (no error
diagram), keeps the click links, and shows hostile names literally (no HTML from them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from mkdocs_infraspec.check import check
from mkdocs_infraspec.diagrams import Diagram, for_page
from mkdocs_infraspec.links import Links

from .conftest import BASE_SPEC, EXAMPLE_SPEC
from .support.mermaid_browser import MermaidPage, mermaid_page, unavailable
from .test_diagrams import HOSTILE_SPEC, golden_pages, page_src

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(unavailable() is not None, reason=unavailable() or ""),
]

SPECS = {"base": BASE_SPEC, "hostile": HOSTILE_SPEC, "example": EXAMPLE_SPEC}


@pytest.fixture(scope="module")
def browser() -> Iterator[MermaidPage]:
    with mermaid_page() as page:
        yield page


def all_diagrams(spec_dir: Path, components: int | None = None) -> list[tuple[str, Diagram]]:
    links = Links()
    result = check(spec_dir)
    pages = [*golden_pages(spec_dir)[:5], *(f"component:{c.id}" for c in result.spec.components[:components])]
    return [(page, d) for page in pages for d in for_page(page, result.spec, result.index, links, page_src(links, page))]


def _clicks(source: str) -> list[str]:
    return re.findall(r'^  click \S+ "([^"]*)"$', source, flags=re.MULTILINE)


@pytest.mark.parametrize("spec", list(SPECS))
def test_every_diagram_renders_to_an_svg(browser: MermaidPage, spec: str) -> None:
    if not (SPECS[spec] / "responsibilities.yaml").is_file():
        pytest.skip("the example spec is not written yet")
    diagrams = all_diagrams(SPECS[spec])
    kinds = set()
    for page, diagram in diagrams:
        rendered = browser.render(diagram.source)
        assert rendered.ok, f"{spec} {page} {diagram.title}: {rendered.error}"
        assert rendered.nodes > 0, (page, diagram.title)
        # Links survive Mermaid's sanitising, in the order they were written.
        assert sorted(rendered.links or []) == sorted(_clicks(diagram.source)), (page, diagram.title)
        kinds.add(diagram.kind)
    assert len(kinds) == 8
    assert browser.requests == [], "nothing may be fetched"


#: Hostile texts from tests/fixtures/diagrams/hostile, as a reader must see them.
HOSTILE_SHOWN = {
    "architecture": [
        'Network "edge" <layer> & co',
        "Compute [x] (y) {z} | w; --> end",
        '%%{init: {"theme": "dark"}}%% Data',
        "Production VPC `**md**` #quot; &amp; #35;",
        'eu-west-1 "quoted" <r> · 2 zones',
        'zone-a; click x "javascript:alert(1)"',
        "Public A ﬂ°°lt¶ß style: #f00;",
        "Private A classDef x fill:#f00;",
        "Zürich 🚀 日本語 👩‍👩‍👧",
        'DR "]; click prod_vpc "http://evil"',
        "Customers <script>alert(1)</script>",
        "Web service --> db; %% comment",
    ],
    "environments": [
        'Production "live" <prod> & #1',
        'Account shop-prod; click x "javascript:alert(1)" %% ]',
        'Network "VPC" \\ back\\slash / slash',
    ],
    "disaster-recovery": [
        'Orders "tier" <1> & [critical]; --> %%',
        'Fail over "all" <now> & #quot;',
        "Secondary region eu-central-1 `md` #35;",
    ],
    "component:web": [
        'Certificate from ACM "*.shop" <wildcard> %%{init: {}}%%',
        'Runs in its "private" subnets; <b>always</b> & forever',
        "Stores orders #1 ``code``",
    ],
}


@pytest.mark.parametrize("page", list(HOSTILE_SHOWN))
def test_hostile_names_show_literally(browser: MermaidPage, page: str) -> None:
    links = Links()
    result = check(HOSTILE_SPEC)
    diagrams = for_page(page, result.spec, result.index, links, page_src(links, page))
    shown = ""
    for diagram in diagrams:
        rendered = browser.render(diagram.source)
        assert rendered.ok, rendered.error
        assert rendered.svg is not None
        # User text never becomes markup: no element from a name, only escaped text.
        assert not re.search(r"<(script|b|img|iframe)\b", rendered.svg), diagram.title
        assert "javascript:" not in " ".join(rendered.links or [])
        assert "http://evil" not in " ".join(rendered.links or [])
        shown += rendered.text.replace("\u2060", "") + "\n"
    # Long titles are broken into lines at spaces, and a line break has no text: compare
    # without white space.
    flat = re.sub(r"\s+", "", shown)
    for text in HOSTILE_SHOWN[page]:
        assert re.sub(r"\s+", "", text) in flat, text


def test_the_largest_parts_of_a_large_spec_render(browser: MermaidPage, tmp_path: Path) -> None:
    from .fixtures.diagrams.large_spec import write_large_spec

    result = check(write_large_spec(tmp_path / "infra-specs"))
    links = Links()
    largest: dict[str, Diagram] = {}
    for page in ("architecture", "responsibilities", "disaster-recovery", "component:hub"):
        for diagram in for_page(page, result.spec, result.index, links, page_src(links, page)):
            if diagram.kind not in largest or len(diagram.source) > len(largest[diagram.kind].source):
                largest[diagram.kind] = diagram
    assert set(largest) == {"layers", "topology", "flows", "dependencies", "recovery", "neighbourhood"}
    for diagram in largest.values():
        rendered = browser.render(diagram.source)
        assert rendered.ok, f"{diagram.title}: {rendered.error}"
