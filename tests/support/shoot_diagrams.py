"""Render every diagram of a spec in headless Chromium and save a PNG of each, to look at.

    python -m tests.support.shoot_diagrams [SPEC_DIR] [OUT_DIR]

Defaults: the example project's spec, /tmp/shots. Prints one line per diagram (its file,
size and edge count) and fails loudly on any Mermaid error.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs_infraspec.check import check
from mkdocs_infraspec.diagrams import for_page
from mkdocs_infraspec.links import Links

from .mermaid_browser import mermaid_page

PAGES = ("index", "architecture", "responsibilities", "environments", "disaster-recovery")


def all_diagrams(spec_dir: Path, components: int | None = 3) -> list[tuple[str, object]]:
    """(page, diagram) for every generated page (the first ``components`` component pages)."""
    result = check(spec_dir)
    links = Links()
    found = []
    for page in PAGES:
        for diagram in for_page(page, result.spec, result.index, links, links.concern_page(page)):
            found.append((page, diagram))
    for component in result.spec.components[:components]:
        page = f"component:{component.id}"
        for diagram in for_page(page, result.spec, result.index, links, links.component_page(component.id)):
            found.append((page, diagram))
    return found


def main(argv: list[str]) -> int:
    spec_dir = Path(argv[0]) if argv else Path("example-project/infra-specs")
    out = Path(argv[1]) if len(argv) > 1 else Path("/tmp/shots")
    failures = 0
    with mermaid_page(width=1600) as page:
        for number, (where, diagram) in enumerate(all_diagrams(spec_dir)):
            slug = re.sub(r"[^a-z0-9]+", "-", f"{diagram.kind}-{where}-{number}".lower())
            path = out / f"diagram-{slug}.png"
            rendered = page.screenshot(diagram.source, path, f"{where}: {diagram.title}")
            edges = diagram.source.count("-->") + diagram.source.count("-.->") + diagram.source.count("==>")
            status = "ok" if rendered.ok else f"ERROR {rendered.error}"
            failures += not rendered.ok
            print(f"{path}  {len(diagram.source):>6} chars  {edges:>4} edges  {rendered.nodes:>4} nodes  {status}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
