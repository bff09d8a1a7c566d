"""Every rule against its fixtures: a failing case with its exact findings, and a passing case with none.

A case is a small overlay on ``tests/fixtures/base``: its ``.yaml`` files replace the base
files of the same name in a copy of the base spec (``infra-specs/``), ``delete.txt`` names
base files to remove, and an optional ``mkdocs.yml`` sets plugin options such as
``rules:``. ``expected.txt`` beside a failing case lists every finding as the CLI prints its
first line, ``path:line:col: severity[CODE]`` (``# comments`` allowed), with
`` suppressed`` after a suppressed finding.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mkdocs_infraspec import cli
from mkdocs_infraspec.check import check
from mkdocs_infraspec.diagnostics import Diagnostic
from mkdocs_infraspec.project import plugin_options
from mkdocs_infraspec.rules import RULES

from .conftest import BASE_SPEC, FIXTURES

RULE_FIXTURES = FIXTURES / "rules"
#: Codes no spec can trigger (a rule that crashes); tested in test_rules.py instead.
UNTRIGGERABLE = {"IS400"}
SPEC_DIR = "infra-specs"
MINIMAL_MKDOCS = "site_name: Rule fixture\nplugins:\n  - infraspec\n"


def case_dirs() -> list[Path]:
    return sorted(p for p in RULE_FIXTURES.iterdir() if p.is_dir())


def build_project(case: Path, target: Path) -> Path:
    """A project in ``target``: the base spec with the case's files laid over it, and a mkdocs.yml."""
    spec = target / SPEC_DIR
    shutil.copytree(BASE_SPEC, spec)
    for path in sorted(case.iterdir()):
        if path.suffix == ".yaml":
            shutil.copy(path, spec / path.name)
        elif path.name == "mkdocs.yml":
            shutil.copy(path, target / "mkdocs.yml")
        elif path.name == "delete.txt":
            for name in path.read_text(encoding="utf-8").split():
                (spec / name).unlink()
    if not (target / "mkdocs.yml").exists():
        (target / "mkdocs.yml").write_text(MINIMAL_MKDOCS, encoding="utf-8")
    return target


def expected_line(diagnostic: Diagnostic) -> str:
    line = f"{diagnostic.location}: {diagnostic.severity.value}[{diagnostic.code}]"
    return line + (" suppressed" if diagnostic.suppressed is not None else "")


def check_project(project: Path) -> list[Diagnostic]:
    config = project / "mkdocs.yml"
    options = plugin_options(config) or {}
    return check(project / SPEC_DIR, base=project, rules=options.get("rules"), rules_file=config).diagnostics


def run_case(case: Path, target: Path, *, messages: bool = False) -> list[tuple[str, str]]:
    """The findings of a case as (expected line, message)."""
    project = build_project(case, target)
    return [(expected_line(d), d.message) for d in check_project(project)]


def read_expected(case: Path) -> list[str]:
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


def rule_of(case: Path) -> str:
    return case.parent.name.split("-", 1)[0]


FAILING = [p / "fail" for p in case_dirs() if (p / "fail").is_dir()]
PASSING = [p / "pass" for p in case_dirs() if (p / "pass").is_dir()]


def _id(case: Path) -> str:
    return case.parent.name + ("" if case.name == "fail" else f"/{case.name}")


def test_the_base_is_clean(tmp_path: Path) -> None:
    spec = tmp_path / SPEC_DIR
    shutil.copytree(BASE_SPEC, spec)
    assert check(spec, base=spec).diagnostics == []


def test_every_rule_has_a_failing_and_a_passing_case() -> None:
    cases = {p.name.split("-", 1)[0]: p for p in case_dirs()}
    for code, rule in RULES.items():
        if code in UNTRIGGERABLE:
            continue
        assert code in cases, f"no fixture folder tests/fixtures/rules/{code}-{rule.name}/"
        assert cases[code].name == f"{code}-{rule.name}", f"rename {cases[code].name} to {code}-{rule.name}"
        assert (cases[code] / "fail" / "expected.txt").is_file(), f"{cases[code].name} has no fail/expected.txt"
        assert (cases[code] / "pass").is_dir(), f"{cases[code].name} has no pass/ case"
    assert set(cases) <= set(RULES), f"fixtures for unknown rules: {sorted(set(cases) - set(RULES))}"


@pytest.mark.parametrize("case", FAILING, ids=_id)
def test_failing_case(case: Path, tmp_path: Path) -> None:
    expected = read_expected(case)
    assert any(line.endswith(f"[{rule_of(case)}]") for line in expected), "a failing case raises its own rule"
    assert [line for line, _ in run_case(case, tmp_path)] == sorted(expected, key=_order)


@pytest.mark.parametrize("case", PASSING, ids=_id)
def test_passing_case(case: Path, tmp_path: Path) -> None:
    """Nothing counts; a passing case may list the findings it suppresses in its own expected.txt."""
    found = [line for line, _ in run_case(case, tmp_path)]
    expected = read_expected(case) if (case / "expected.txt").exists() else []
    assert found == sorted(expected, key=_order)
    assert all(line.endswith(" suppressed") for line in found)


@pytest.mark.parametrize("case", FAILING, ids=_id)
def test_failing_case_fails_the_cli_under_strict(
    case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = build_project(case, tmp_path)
    monkeypatch.chdir(project)
    code = cli.main(["check", ".", "--strict", "--color", "never"])
    out = capsys.readouterr().out
    assert code in (cli.EXIT_ERRORS, cli.EXIT_WARNINGS), out
    errors = any("error[" in line for line in read_expected(case))
    assert code == (cli.EXIT_ERRORS if errors else cli.EXIT_WARNINGS)
    for line in read_expected(case):
        if not line.endswith("suppressed"):
            assert f"\n{line} " in f"\n{out}", f"{line} not in the CLI output:\n{out}"


def _order(line: str) -> tuple[str, int, int, int]:
    """Lines in the order findings are reported: by file, line, column, then severity."""
    location, rest = line.split(": ", 1)
    parts = location.split(":")
    path, row, column = parts[0], int(parts[1]) if len(parts) > 1 else 0, int(parts[2]) if len(parts) > 2 else 0
    return (path, row, column, ("error", "warning", "info").index(rest.split("[", 1)[0]))
