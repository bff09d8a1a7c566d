"""check(): the one entry point of the plugin and the CLI, with the rules wired in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs_infraspec.check import check
from mkdocs_infraspec.diagnostics import Severity

from .conftest import EXAMPLE_SPEC


def test_the_base_spec_is_clean_under_every_rule(base_spec: Path) -> None:
    result = check(base_spec)
    assert result.diagnostics == [] and result.levels == {}


def test_the_example_has_no_finding_that_counts() -> None:
    result = check(EXAMPLE_SPEC)
    active = [f"{d.location}: {d.severity.value}[{d.code}] {d.message}" for d in result.diagnostics if d.suppressed is None]
    assert active == []
    assert all(d.suppressed is not None and d.suppressed.reason for d in result.diagnostics)


def test_levels_are_kept_on_the_result_by_code(base_spec: Path) -> None:
    result = check(base_spec, rules={"backup-missing": "off", "IS413": "error", "open-question": True})
    assert result.levels == {"IS601": None, "IS413": Severity.ERROR}


def test_errors_and_warnings_leave_out_suppressed_and_info_findings(base_spec: Path, edit: object) -> None:
    edit(base_spec / "responsibilities.yaml", "    owner: platform\n",  # type: ignore[operator]
         "    suppress:\n      - rule: component-owner\n        reason: Team being formed\n        until: 2030-01-01\n")
    before = check(base_spec, today=dt.date(2029, 12, 31))
    assert before.errors == [] and before.warnings == [] and len(before.diagnostics) == 1
    after = check(base_spec, today=dt.date(2030, 1, 2))
    assert sorted(d.code for d in after.warnings) == ["IS403", "IS413"]


def test_nothing_the_user_writes_in_the_rules_option_raises(base_spec: Path, tmp_path: Path) -> None:
    for rules in ({1: 2}, {"IS601": None}, {"IS601": ["error"]}, "IS601", 42):
        result = check(base_spec, rules=rules, rules_file=tmp_path / "missing.yml")  # type: ignore[arg-type]
        assert {d.code for d in result.diagnostics} <= {"IS401", "IS402"} and result.diagnostics
