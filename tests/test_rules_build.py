"""Each rule's failing fixture stops `mkdocs build --strict`, with its code at the right line.

The builds are real MkDocs builds of a tiny project (the fixture spec, one Markdown page,
the default theme, the infraspec plugin alone), run in this process to keep the whole set
to a few seconds.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from .test_rules_fixtures import FAILING, _id, build_project, read_expected

pytestmark = pytest.mark.slow


@pytest.fixture
def mkdocs_log() -> Iterator[io.StringIO]:
    """Everything MkDocs and its plugins log at WARNING and above during the test."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)


def strict_build(project: Path) -> str | None:
    """Build ``project`` with --strict; the reason it was aborted, or None if it was not."""
    (project / "docs").mkdir(exist_ok=True)
    (project / "docs" / "index.md").write_text("# Rule fixture\n", encoding="utf-8")
    config = load_config(config_file=str(project / "mkdocs.yml"), strict=True, site_dir=str(project / "site"))
    try:
        build(config)
    except Abort as abort:
        return str(abort)
    return None


#: A mkdocs.yml set up to draw the base spec's diagrams (the plugin warns when diagrams cannot draw).
DIAGRAMS_MKDOCS = """site_name: Rule fixture
plugins:
  - infraspec
markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_div_format
extra_javascript:
  - js/mermaid.min.js
"""


def test_the_base_builds_cleanly_under_strict(tmp_path: Path, mkdocs_log: io.StringIO) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "mkdocs.yml").write_text(DIAGRAMS_MKDOCS, encoding="utf-8")
    project = build_project(overlay, tmp_path / "project")
    # Nobody opens this site in a browser: a stand-in for mermaid.js is enough.
    (project / "docs" / "js").mkdir(parents=True)
    (project / "docs" / "js" / "mermaid.min.js").write_text("// stand-in\n", encoding="utf-8")
    assert strict_build(project) is None, mkdocs_log.getvalue()
    assert (project / "site" / "infra-specs" / "index.html").is_file()


@pytest.mark.parametrize("case", FAILING, ids=_id)
def test_failing_case_stops_a_strict_build_at_the_right_line(case: Path, tmp_path: Path, mkdocs_log: io.StringIO) -> None:
    project = build_project(case, tmp_path)
    aborted = strict_build(project)
    log = mkdocs_log.getvalue()
    assert aborted is not None, log
    expected = [line for line in read_expected(case) if not line.endswith(" suppressed")]
    if any("error[" in line for line in expected):
        assert aborted == "Aborted with a BuildError!"
    else:
        assert aborted.startswith("Aborted with") and "warnings in strict mode" in aborted
    for line in expected:
        # Findings about the `rules:` option too: the plugin tells check() where mkdocs.yml is.
        assert f"{line} " in log, f"{line} not in the build log:\n{log}"


def test_an_unknown_rule_in_mkdocs_yml_is_located_with_the_rule_meant(tmp_path: Path, mkdocs_log: io.StringIO) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "mkdocs.yml").write_text(
        "site_name: Rule fixture\nplugins:\n  - infraspec:\n      rules:\n        IS421: off\n"
        "        backup-mising: warning\n        open-question: eror\n",
        encoding="utf-8",
    )
    project = build_project(overlay, tmp_path / "project")
    aborted = strict_build(project)
    log = mkdocs_log.getvalue()
    assert aborted == "Aborted with a BuildError!", log
    assert "mkdocs.yml:6:9: error[IS401] unknown rule 'backup-mising' in the rules option" in log, log
    assert "did you mean 'backup-missing' (IS601)?" in log
    assert "mkdocs.yml:7:9: error[IS402] invalid level 'eror' for rule IS961 (open-question)" in log, log
    # The source line is shown under the finding, as for findings in the spec.
    assert "backup-mising: warning" in log
