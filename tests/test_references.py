"""Unknown references with suggestions, duplicate ids, cycles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs_infraspec.check import check
from mkdocs_infraspec.references import find_cycles, suggest


def test_rename_reports_every_dangling_reference_with_the_new_id(base_spec: Path, edit: Callable[..., None]) -> None:
    before = check(base_spec).index.referrers("component", "db")
    assert len(before) >= 10 and len({r.location.file for r in before}) >= 8
    edit(base_spec / "responsibilities.yaml", "  - id: db\n", "  - id: orders-database\n")
    result = check(base_spec)
    dangling = [d for d in result.diagnostics if d.code == "IS301"]
    assert sorted(d.location for d in dangling) == sorted(r.location for r in before)
    assert all(d.hint == "did you mean 'orders-database'?" for d in dangling)
    assert all(d.line > 0 and d.column > 0 for d in dangling)


def test_schema_failure_does_not_cascade(base_spec: Path, edit: Callable[..., None]) -> None:
    edit(base_spec / "responsibilities.yaml", "    name: Database\n", "    name: Database\n    colour: blue\n")
    result = check(base_spec)
    assert [d.code for d in result.errors] == ["IS201"]  # no flood of unknown 'db' references


def test_suggestion_order() -> None:
    assert suggest("rds-mian", ["rds-main", "web"], []) == "rds-main"
    assert suggest("db", ["database", "web"], []) == "database"
    assert suggest("x", ["alpha", "beta"], ["beta"]) == "beta"
    assert suggest("x", ["alpha", "beta"], []) is None


def test_find_cycles() -> None:
    graph = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["d"], "e": ["a"], "f": []}
    assert find_cycles(graph, graph.__getitem__) == [["a", "b", "c", "a"], ["d", "d"]]
    assert find_cycles({"a": ["b"], "b": []}, {"a": ["b"], "b": []}.__getitem__) == []


def test_deep_chain_has_no_recursion_limit() -> None:
    graph = {str(i): [str(i + 1)] for i in range(20000)}
    graph["20000"] = ["0"]
    (cycle,) = find_cycles(graph, graph.__getitem__)
    assert len(cycle) == 20002


def test_layer_cycle(base_spec: Path, edit: Callable[..., None]) -> None:
    edit(base_spec / "architecture.yaml", "  - id: network\n    name: Network\n", "  - id: network\n    name: Network\n    depends_on: [compute]\n")
    (finding,) = [d for d in check(base_spec).diagnostics if d.code == "IS303"]
    assert "network → compute → network" in finding.message
    assert (finding.line, finding.column) == (4, 18)


def test_example_rename_suggests_the_new_id_everywhere(example_copy: Path, edit: Callable[..., None]) -> None:
    spec = example_copy / "infra-specs"
    before = check(spec).index.referrers("component", "rds-ledger")
    edit(spec / "responsibilities.yaml", "  - id: rds-ledger\n", "  - id: ledger-db\n")
    dangling = [d for d in check(spec).diagnostics if d.code == "IS301"]
    assert sorted(d.location for d in dangling) == sorted(r.location for r in before)
    assert {d.hint for d in dangling} == {"did you mean 'ledger-db'?"}
