"""Run real MkDocs builds of fixture projects, and read what they produced.

Builds run ``python -m mkdocs`` in a subprocess, as a user or CI would, with Material's
end-of-life banner silenced; the output is what the user would see in the terminal.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE_FIXTURE = ROOT / "tests" / "fixtures" / "site" / "project"
EXAMPLE = ROOT / "example-project"
GOLDEN_PAGES = ROOT / "tests" / "golden" / "pages"

#: Where mermaid.min.js may be found for the example (CI puts it in node_modules).
MERMAID_CANDIDATES = (
    ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js",
    Path("/tmp/npmtest/node_modules/mermaid/dist/mermaid.min.js"),
)


def env() -> dict[str, str]:
    """The environment builds run in: no Material banner, no colour, no bytecode litter."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"}


@dataclass
class Build:
    """One finished ``mkdocs build``: its exit status, output and site folder."""

    returncode: int
    output: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def page(self, path: str) -> str:
        """The HTML of a built page by its URL path (``infra-specs/security/``)."""
        file = self.site / path / "index.html" if path.endswith("/") or not path else self.site / path
        return file.read_text(encoding="utf-8")

    def warnings(self) -> list[str]:
        return [line for line in self.output.splitlines() if line.startswith("WARNING")]


def mkdocs(project: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs <args>`` in ``project``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=project,
        env=env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def build(project: Path, *, strict: bool = False, site: Path | None = None) -> Build:
    """``mkdocs build`` (``--strict`` if asked) into ``site`` (default: ``<project>/site``)."""
    site = site or project / "site"
    args = ["build", "--site-dir", str(site)]
    if strict:
        args.append("--strict")
    done = mkdocs(project, *args)
    return Build(done.returncode, done.stdout + done.stderr, site)


def copy_project(source: Path, target: Path) -> Path:
    """A writable copy of a project (without a built site), with mermaid.js vendored when needed."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("site", "__pycache__"))
    vendor_mermaid(target)
    return target


def vendor_mermaid(project: Path) -> bool:
    """Put mermaid.min.js where a project's mkdocs.yml expects it (docs/js/), if it is missing."""
    config = project / "mkdocs.yml"
    if "js/mermaid.min.js" not in config.read_text(encoding="utf-8"):
        return True
    target = project / "docs" / "js" / "mermaid.min.js"
    if target.is_file():
        return True
    source = next((p for p in MERMAID_CANDIDATES if p.is_file()), None)
    if source is None:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return True


def mermaid_missing_reason() -> str | None:
    """Why the example cannot be built here (no mermaid.min.js anywhere), or ``None``."""
    if (EXAMPLE / "docs" / "js" / "mermaid.min.js").is_file() or any(p.is_file() for p in MERMAID_CANDIDATES):
        return None
    return "mermaid.min.js is missing: run `npm install` and `scripts/vendor-mermaid` at the repository root"


_MAIN = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def main_content(html: str) -> str:
    """The article of a Material page (what the page says, without the theme around it)."""
    match = _MAIN.search(html)
    return match.group(1) if match else html
