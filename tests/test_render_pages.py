"""Every generated page of the site fixture, compared with its golden Markdown.

Run with ``UPDATE_GOLDENS=1`` to rewrite the goldens after an intended change, then read
the diff. Diagram sources are replaced by a placeholder: they have goldens of their own
(tests/golden/diagrams), so a change in a diagram does not churn the pages.
"""

from __future__ import annotations

import itertools
import os
import re

import pytest

from mkdocs_infraspec.check import check
from mkdocs_infraspec.links import Links
from mkdocs_infraspec.models import CONCERNS
from mkdocs_infraspec.render import Renderer
from mkdocs_infraspec.render.pages import tidy
from tests.support.build import GOLDEN_PAGES, SITE_FIXTURE

UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"
_MERMAID = re.compile(r"^```mermaid\n.*?^```$", re.S | re.M)


def normalise(markdown: str) -> str:
    """The page with diagram sources left out and trailing spaces trimmed."""
    markdown = _MERMAID.sub("```mermaid\n(diagram source)\n```", markdown)
    return "\n".join(line.rstrip() for line in markdown.splitlines()) + "\n"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    spec_dir = SITE_FIXTURE / "infra-specs"
    result = check(spec_dir, base=SITE_FIXTURE)
    assert not result.errors, result.errors
    renderer = Renderer(Links(), escape_mermaid=True, icons=True)
    return {page.plan.src: normalise(page.markdown) for page in renderer.render_all(result)}


def test_every_page_is_generated(pages: dict[str, str]) -> None:
    expected = {"infra-specs/index.md", "infra-specs/health.md"} | {f"infra-specs/{c.name}.md" for c in CONCERNS}
    expected |= {f"infra-specs/components/{ident}.md" for ident in ("index", "vpc", "api", "db", "secrets")}
    assert set(pages) == expected


def test_pages_match_their_goldens(pages: dict[str, str]) -> None:
    mismatched = []
    for src, markdown in sorted(pages.items()):
        golden = GOLDEN_PAGES / src
        if UPDATE:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(markdown, encoding="utf-8")
            continue
        if not golden.is_file() or golden.read_text(encoding="utf-8") != markdown:
            mismatched.append(src)
    stale = sorted(p.relative_to(GOLDEN_PAGES).as_posix() for p in GOLDEN_PAGES.rglob("*.md")) if GOLDEN_PAGES.is_dir() else []
    stale = [src for src in stale if src not in pages]
    if UPDATE:
        for src in stale:
            (GOLDEN_PAGES / src).unlink()
        return
    assert not mismatched, f"pages differ from tests/golden/pages (UPDATE_GOLDENS=1 rewrites them): {mismatched}"
    assert not stale, f"goldens of pages no longer generated: {stale}"


def test_no_page_has_an_empty_section(pages: dict[str, str]) -> None:
    # A heading directly followed by another heading of the same or a higher level is an
    # empty section: templates leave out sections with nothing in them.
    for src, markdown in pages.items():
        headings = [(m.start(), len(m.group(1))) for m in re.finditer(r"^(#{1,6}) ", markdown, re.M)]
        for (start, level), (next_start, next_level) in itertools.pairwise(headings):
            between = markdown[start:next_start].split("\n", 1)[1].strip()
            assert between or next_level > level, f"{src}: empty section at {markdown[start:].splitlines()[0]!r}"


def test_every_item_has_its_anchor(pages: dict[str, str]) -> None:
    result = check(SITE_FIXTURE / "infra-specs", base=SITE_FIXTURE)
    links = Links()
    missing = []
    for entry in result.index:
        if entry.kind in ("component",):
            continue
        page = links.page_of(entry.kind, entry.id)
        anchor = f"{entry.kind}-{entry.id}"
        if f"#{anchor} }}" not in pages[page] and f'id="{anchor}"' not in pages[page]:
            missing.append(f"{page}#{anchor}")
    assert not missing


def test_components_are_on_the_responsibilities_page_too(pages: dict[str, str]) -> None:
    for ident in ("vpc", "api", "db", "secrets"):
        assert f"{{ #component-{ident} }}" in pages["infra-specs/responsibilities.md"]


def test_tidy_collapses_blank_lines() -> None:
    assert tidy("a \n\n\n\nb\n") == "a\n\nb\n"
    assert tidy("hard  \nbreak\n") == "hard  \nbreak\n"
