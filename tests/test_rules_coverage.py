"""The spec health data: the component x concern coverage matrix, findings and suppressions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs_infraspec.check import check
from mkdocs_infraspec.rules import RULES
from mkdocs_infraspec.rules.coverage import COVERAGE_CONCERNS, Cell, coverage
from mkdocs_infraspec.rules.health import health


def scores(spec: Path) -> dict[str, dict[str, float | None]]:
    return {row.component.id: {c: cell.score for c, cell in row.cells.items()} for row in coverage(check(spec).spec).rows}


def test_a_cell_scores_the_share_of_parts_present() -> None:
    assert Cell(("metric",), ("alert",)).score == 0.5 and Cell(("metric",), ("alert",)).status == "partial"
    assert Cell(("a", "b")).status == "complete" and Cell((), ("a",)).status == "missing"
    assert Cell().score is None and Cell().status == "n/a"


def test_the_base_is_fully_covered_where_concerns_apply(base_spec: Path) -> None:
    matrix = scores(base_spec)
    assert list(matrix) == ["vpc", "web", "db"]
    assert list(matrix["db"]) == list(COVERAGE_CONCERNS)
    assert matrix["db"] == {"responsibilities": 1.0, "lifecycle": 1.0, "assertions": 1.0, "disaster-recovery": 1.0,
                            "observability": 0.5, "security": 1.0, "cost": 1.0}
    assert matrix["vpc"]["disaster-recovery"] is None  # stateless and not in any recovery plan
    assert matrix["vpc"]["security"] == 0.0  # no threat, mitigation or control names it
    assert matrix["web"]["cost"] == 0.0


def test_gaps_lower_the_scores_and_name_what_is_missing(base_spec: Path, edit: object) -> None:
    edit(base_spec / "responsibilities.yaml", "      update_strategy: in-place\n      destruction: Final snapshot, then manual deletion\n", "")  # type: ignore[operator]
    edit(base_spec / "disaster-recovery.yaml", "procedures:\n", "procedures: []\nold_procedures:\n")  # type: ignore[operator]
    # disaster-recovery.yaml no longer loads (unknown field): its parts count as missing
    (row,) = [r for r in coverage(check(base_spec).spec).rows if r.component.id == "db"]
    lifecycle = row.cells["lifecycle"]
    assert lifecycle.present == ("provisioner",) and lifecycle.missing == ("update strategy", "destruction")
    assert row.cells["disaster-recovery"].missing == ("recovery objective", "backup", "restore procedure")


def test_health_gathers_findings_suppressions_and_coverage(base_spec: Path, edit: object) -> None:
    edit(base_spec / "responsibilities.yaml", "    owner: platform\n",  # type: ignore[operator]
         "    suppress:\n      - rule: component-owner\n        reason: Team being formed\n        until: 2030-01-01\n"
         "      - rule: backup-missing\n        reason: Nothing to back up\n")
    edit(base_spec / "security.yaml", "    rotation: 30d\n", "")  # type: ignore[operator]
    data = health(check(base_spec, today=dt.date(2029, 6, 1)), today=dt.date(2029, 6, 1))
    assert data.counts == {"error": 0, "warning": 2, "info": 0} and not data.clean
    assert [d.code for d in data.findings] == ["IS404", "IS803"]
    assert [d.code for d in data.suppressed] == ["IS413"]
    assert [(s.code, s.status, s.reason, s.until) for s in data.suppressions] == [
        ("IS413", "active", "Team being formed", dt.date(2030, 1, 1)),
        ("IS601", "unused", "Nothing to back up", None),
    ]
    assert data.suppressions[0].owner == "component 'vpc'" and data.suppressions[0].findings == tuple(data.suppressed)
    assert data.by_category == {"suppressions": {"error": 0, "warning": 1, "info": 0}, "security": {"error": 0, "warning": 1, "info": 0}}
    assert data.rules_run == sum(1 for rule in RULES.values() if rule.func is not None) and data.coverage.rows
    later = health(check(base_spec, today=dt.date(2031, 1, 1)), today=dt.date(2031, 1, 1))
    assert later.suppressions[0].status == "expired" and later.suppressed == []
