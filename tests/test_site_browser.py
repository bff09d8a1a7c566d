"""Every generated page in headless Chromium, offline: no page error, no console error, every diagram drawn."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.browser import (
    Tab,
    chromium_browser,
    serve_directory,
    skip_reason,
    wait_for_diagrams,
)
from tests.support.build import EXAMPLE, SITE_FIXTURE, build, copy_project, mermaid_missing_reason

pytestmark = [pytest.mark.slow, pytest.mark.browser]

if reason := skip_reason():
    pytest.skip(reason, allow_module_level=True)


def generated_pages(site: Path) -> list[str]:
    """The URL paths of the generated pages of a built site."""
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in (site / "infra-specs").rglob("index.html"))
    return [page for page in pages if page.startswith("infra-specs/")]


def expected_diagrams(html: str) -> int:
    """How many Mermaid diagrams the static page holds (counted before any script runs)."""
    return len(re.findall(r'<pre class="mermaid"', html))


def check_site(site: Path, minimum_pages: int) -> int:
    """Open every generated page (and the home page); the number of diagrams drawn."""
    pages = generated_pages(site)
    total = 0
    assert len(pages) >= minimum_pages
    problems: dict[str, list[str]] = {}
    with serve_directory(site) as base, chromium_browser() as browser:
        tab = Tab(browser, open_shadow_roots=True)
        try:
            for path in [*pages, ""]:
                html = (site / path / "index.html").read_text(encoding="utf-8")
                visit = tab.go(base + path)
                expected = expected_diagrams(html)
                drawn = wait_for_diagrams(tab.page, expected)
                total += drawn
                found = list(visit.problems)
                if drawn != expected:
                    found.append(f"{drawn} of {expected} diagrams drawn")
                if tab.page.locator("h1").count() != 1:
                    found.append("no single h1")
                if found:
                    problems[path] = found
        finally:
            tab.close()
    assert not problems, problems
    return total


def test_fixture_pages_in_a_browser(tmp_path: Path) -> None:
    project = copy_project(SITE_FIXTURE, tmp_path / "fixture")
    done = build(project, strict=True)
    assert done.ok, done.output
    assert check_site(done.site, minimum_pages=18) >= 5


def test_example_pages_in_a_browser(tmp_path: Path) -> None:
    if reason := mermaid_missing_reason():
        pytest.skip(reason)
    project = copy_project(EXAMPLE, tmp_path / "example")
    done = build(project, strict=True)
    assert done.ok, done.output
    assert check_site(done.site, minimum_pages=30) >= 30
