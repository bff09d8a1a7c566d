"""SARIF 2.1.0 output: valid against the official schema, every result located, suppressions kept."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from mkdocs_infraspec import cli
from mkdocs_infraspec.check import check
from mkdocs_infraspec.diagnostics import Diagnostic, Location, Severity
from mkdocs_infraspec.report import render_sarif

from .conftest import FIXTURES

SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


def validate(document: dict[str, object]) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def run(project: Path, fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(project)
    code = cli.main(["check", ".", "--format", fmt, *args])
    return code, capsys.readouterr().out


@pytest.fixture
def renamed_example(example_copy: Path, edit: object) -> Path:
    """The example with one component renamed where it is defined (rds-ledger -> ledger-db), and nowhere else."""
    edit(example_copy / "infra-specs" / "responsibilities.yaml", "  - id: rds-ledger\n", "  - id: ledger-db\n")  # type: ignore[operator]
    return example_copy


def test_renamed_component_in_the_example_gives_valid_located_sarif(
    renamed_example: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = run(renamed_example, "sarif", capsys, monkeypatch)
    document = json.loads(out)
    validate(document)
    assert code == cli.EXIT_ERRORS
    (run_,) = document["runs"]
    results = run_["results"]
    assert len(results) > 50 and {r["ruleId"] for r in results} == {"IS301"}
    rules = run_["tool"]["driver"]["rules"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].startswith("infra-specs/")
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
        assert (renamed_example / location["artifactLocation"]["uri"]).is_file()
        assert "\nhint: " in result["message"]["text"]
    assert sum("did you mean 'ledger-db'?" in r["message"]["text"] for r in results) > len(results) * 3 // 4
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == renamed_example.resolve().as_uri() + "/"


def test_suppressed_findings_carry_their_reason_and_every_rule_is_described(base_spec: Path, edit: object) -> None:
    edit(base_spec / "responsibilities.yaml", "    owner: platform\n",  # type: ignore[operator]
         "    suppress:\n      - rule: component-owner\n        reason: Team being formed\n        until: 2099-01-31\n")
    edit(base_spec / "overview.yaml", 'version: "1.0"', "version: 1.10")  # type: ignore[operator]
    result = check(base_spec, base=base_spec)
    document = json.loads(render_sarif(result.diagnostics, base=base_spec))
    validate(document)
    results = {r["ruleId"]: r for r in document["runs"][0]["results"]}
    assert results["IS413"]["suppressions"] == [{
        "kind": "inSource", "status": "accepted", "justification": "Team being formed (until 2099-01-31)",
        "location": {"physicalLocation": {"artifactLocation": {"uri": "responsibilities.yaml", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 6, "startColumn": 15}}},
    }]
    assert results["IS103"]["level"] == "error" and results["IS103"]["properties"]["hint"] == 'quote it: "1.10"'
    described = {rule["id"]: rule for rule in document["runs"][0]["tool"]["driver"]["rules"]}
    assert {"IS101", "IS301", "IS413", "IS603", "IS961"} <= set(described)
    assert described["IS603"]["defaultConfiguration"] == {"level": "error"}
    assert "FAIL:" in described["IS603"]["help"]["markdown"]


def test_findings_without_a_line_are_located_at_their_file_and_paths_are_uris() -> None:
    diagnostics = [
        Diagnostic.at(Location("mkdocs.yml"), "IS401", Severity.ERROR, "unknown rule 'x'", name="unknown-rule"),
        Diagnostic.at(Location("my specs/über.yaml", 3, 1), "IS999", Severity.INFO, "from a newer check", name="newer"),
        Diagnostic.at(Location("/elsewhere/spec/overview.yaml", 1, 1), "IS413", Severity.WARNING, "outside", name="component-owner"),
    ]
    document = json.loads(render_sarif(diagnostics, base=Path("/tmp")))
    validate(document)
    first, second, third = document["runs"][0]["results"]
    assert third["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///elsewhere/spec/overview.yaml"}
    assert first["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "mkdocs.yml", "uriBaseId": "%SRCROOT%"}}
    assert second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "my%20specs/%C3%BCber.yaml"
    assert second["level"] == "note"
