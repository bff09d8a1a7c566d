"""JUnit XML output: parsed by an XML parser, a test case per finding or clean rule, counts that add up."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from mkdocs_infraspec import cli
from mkdocs_infraspec.check import check
from mkdocs_infraspec.report import render_junit
from mkdocs_infraspec.rules import RULES


def counts_add_up(root: ET.Element) -> None:
    assert root.tag == "testsuites"
    for key in ("tests", "failures", "skipped"):
        assert int(root.get(key, "-1")) == sum(int(suite.get(key, "0")) for suite in root), key
    for suite in root:
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "-1")) == len(cases)
        assert int(suite.get("failures", "-1")) == sum(1 for c in cases if c.find("failure") is not None)
        assert int(suite.get("skipped", "-1")) == sum(1 for c in cases if c.find("skipped") is not None)


def test_renamed_component_in_the_example_gives_located_failures(
    example_copy: Path, edit: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(example_copy / "infra-specs" / "responsibilities.yaml", "  - id: rds-ledger\n", "  - id: ledger-db\n")  # type: ignore[operator]
    monkeypatch.chdir(example_copy)
    assert cli.main(["check", ".", "--format", "junit"]) == cli.EXIT_ERRORS
    root = ET.fromstring(capsys.readouterr().out)
    counts_add_up(root)
    failed = [case for case in root.iter("testcase") if case.find("failure") is not None]
    assert len(failed) > 50 and int(root.get("failures", "0")) == len(failed)
    for case in failed:
        assert case.get("file", "").startswith("infra-specs/") and int(case.get("line", "0")) >= 1
        failure = case.find("failure")
        assert failure is not None and failure.get("type") == "error[IS301]"
        assert (failure.text or "").startswith(f"{case.get('file')}:{case.get('line')}:")
    passed = {case.get("name") for case in root.iter("testcase") if len(case) == 0}
    assert "IS603 rpo-backup-interval" in passed


def test_warnings_fail_only_when_strict_and_suppressed_findings_are_skipped_with_their_reason(base_spec: Path, edit: object) -> None:
    edit(base_spec / "responsibilities.yaml", "    owner: shop\n    stateful: true\n",  # type: ignore[operator]
         "    stateful: true\n    suppress:\n      - rule: IS413\n        reason: Shared by two teams\n")
    edit(base_spec / "responsibilities.yaml", "    owner: platform\n", "")  # type: ignore[operator]
    result = check(base_spec, base=base_spec, rules={"IS901": "off"})
    relaxed = ET.fromstring(render_junit(result.diagnostics, levels=result.levels))
    strict = ET.fromstring(render_junit(result.diagnostics, strict=True, levels=result.levels))
    counts_add_up(relaxed)
    counts_add_up(strict)
    assert relaxed.get("failures") == "0" and strict.get("failures") == "1"
    (warning,) = [c for c in relaxed.iter("testcase") if c.get("name", "").startswith("IS413") and c.find("system-out") is not None]
    assert warning.get("name") == "IS413 component-owner at responsibilities.yaml:2:9"
    assert warning.get("classname") == "infraspec.completeness.IS413"
    (skipped,) = [c.find("skipped") for c in relaxed.iter("testcase") if c.get("file") == "responsibilities.yaml" and c.find("skipped") is not None]
    assert skipped is not None and skipped.get("message") == "suppressed: Shared by two teams"
    (off,) = [c for c in relaxed.iter("testcase") if c.get("name") == "IS901 unmonitored-component"]
    assert off.find("skipped") is not None
    assert int(relaxed.get("tests", "0")) >= len(RULES)


def test_special_characters_survive_the_round_trip() -> None:
    from mkdocs_infraspec.diagnostics import Diagnostic, Location, Severity

    message = 'a <tag> & "quotes" \u2192 ünïcode'
    diagnostic = Diagnostic.at(Location("a&b.yaml", 1, 2), "IS413", Severity.ERROR, message, name="component-owner")
    root = ET.fromstring(render_junit([diagnostic]))
    (failure,) = root.iter("failure")
    assert failure.get("message") == message
