"""Golden fixtures: each case is an overlay on tests/fixtures/base with the exact findings beside it.

A case folder holds the concern files (or folders) that replace the base's, an optional
``DELETE`` file listing base files to remove, and ``expected.txt``: every built-in finding
(codes IS1xx-IS3xx) as ``file:line:col: severity[CODE] message`` plus its hint. Regenerate
with ``UPDATE_GOLDENS=1 python -m pytest tests/test_diagnostics_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mkdocs_infraspec.check import check
from mkdocs_infraspec.diagnostics import Diagnostic

from .conftest import BASE_SPEC, FIXTURES

CASES = FIXTURES / "diagnostics"


def builtin(diagnostic: Diagnostic) -> bool:
    return diagnostic.code < "IS4"


def render(diagnostics: list[Diagnostic]) -> str:
    lines: list[str] = []
    for d in diagnostics:
        lines.append(f"{d.location}: {d.severity.value}[{d.code}] {d.message}")
        if d.hint:
            lines.append(f"  hint: {d.hint}")
    return "\n".join(lines) + "\n"


def materialise(case: Path, target: Path) -> Path:
    spec = target / "infra-specs"
    shutil.copytree(BASE_SPEC, spec)
    delete = case / "DELETE"
    if delete.exists():
        for name in delete.read_text().split():
            (spec / name).unlink()
    for entry in case.iterdir():
        if entry.name in ("DELETE", "expected.txt"):
            continue
        if entry.is_dir():
            shutil.copytree(entry, spec / entry.name)
        else:
            shutil.copyfile(entry, spec / entry.name)
    return spec


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_golden_diagnostics(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = materialise(CASES / case, tmp_path)
    monkeypatch.chdir(spec)  # paths in findings are relative to the working directory
    result = check(spec)
    actual = render([d for d in result.diagnostics if builtin(d)])
    expected_file = CASES / case / "expected.txt"
    if os.environ.get("UPDATE_GOLDENS"):
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), f"no expected.txt for {case}; run with UPDATE_GOLDENS=1"
    assert actual == expected_file.read_text(encoding="utf-8")
    if case.startswith("ok-"):
        assert actual == "\n", "an ok- case must be clean"
    else:
        assert result.errors or result.warnings, "a golden case must produce at least one finding"


def test_base_is_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BASE_SPEC)
    result = check(BASE_SPEC)
    assert [d for d in result.diagnostics if builtin(d)] == []
