"""GitHub workflow annotations: one command per finding, escaped as the Actions runner expects."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_infraspec import cli
from mkdocs_infraspec.diagnostics import Diagnostic, Location, Severity, Suppressed
from mkdocs_infraspec.report.github import annotation, escape_data, escape_property, render_github

COMMAND = re.compile(r"^::(error|warning|notice) file=([^,:]+)(?:,line=(\d+)(?:,col=(\d+))?)?,title=([^,:]*)::(.*)$")


def test_escaping_follows_the_runner() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_one_annotation_with_location_title_and_hint() -> None:
    diagnostic = Diagnostic.at(Location("infra-specs/disaster-recovery.yaml", 12, 16), "IS603", Severity.ERROR,
                               "'db' is backed up every 1 d, but the RPO is 5 min", hint="back it up every 5m, or: relax the RPO",
                               name="rpo-backup-interval")
    assert annotation(diagnostic) == (
        "::error file=infra-specs/disaster-recovery.yaml,line=12,col=16,title=IS603 rpo-backup-interval::"
        "'db' is backed up every 1 d, but the RPO is 5 min%0Ahint: back it up every 5m, or: relax the RPO"
    )


def test_severities_suppressions_and_file_level_findings() -> None:
    warning = Diagnostic.at(Location("a,b.yaml", 2, 9), "IS413", Severity.WARNING, "no owner", name="component-owner")
    info = Diagnostic.at(Location("mkdocs.yml"), "IS353", Severity.INFO, "unused", name="unused-term")
    suppressed = Diagnostic.at(Location("r.yaml", 2, 9), "IS413", Severity.WARNING, "no owner", name="component-owner")
    suppressed = Diagnostic(**{**suppressed.__dict__, "suppressed": Suppressed("Team: being formed", "2099-01-31")})
    lines = render_github([warning, info, suppressed]).splitlines()
    assert lines[0] == "::warning file=a%2Cb.yaml,line=2,col=9,title=IS413 component-owner::no owner"
    assert lines[1] == "::notice file=mkdocs.yml,title=IS353 unused-term::unused"
    assert lines[2] == ("::notice file=r.yaml,line=2,col=9,title=IS413 component-owner (suppressed)::"
                        "suppressed until 2099-01-31: Team: being formed%0Awarning: no owner")
    assert lines[3] == "infraspec: 0 error(s), 1 warning(s), 1 note(s), 1 suppressed"


def test_renamed_component_in_the_example_gives_an_annotation_per_finding(
    example_copy: Path, edit: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(example_copy / "infra-specs" / "responsibilities.yaml", "  - id: rds-ledger\n", "  - id: ledger-db\n")  # type: ignore[operator]
    monkeypatch.chdir(example_copy)
    assert cli.main(["check", ".", "--format", "github"]) == cli.EXIT_ERRORS
    *commands, summary = capsys.readouterr().out.splitlines()
    assert len(commands) > 50 and summary.startswith(f"infraspec: {len(commands)} error(s)")
    for line in commands:
        match = COMMAND.match(line)
        assert match, line
        kind, file, row, column, title, _message = match.groups()
        assert kind == "error" and title == "IS301 unknown-reference"
        assert (example_copy / file).is_file() and int(row) >= 1 and int(column) >= 1
