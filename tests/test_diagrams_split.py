"""Large specs: every diagram stays inside Mermaid's limits, splits with a note, loses nothing."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from mkdocs_infraspec.check import Result, check
from mkdocs_infraspec.diagrams import Diagram, for_page
from mkdocs_infraspec.diagrams.mermaid import MAX_EDGES, MAX_TEXT_SIZE, Flowchart, utf16_length
from mkdocs_infraspec.diagrams.split import split, split_note
from mkdocs_infraspec.links import Links

from .fixtures.diagrams.large_spec import component_ids, write_large_spec

ARROW = re.compile(r"^\s*\S+ (?:-->|-\.->|==>|---|-\.-|~~~)", re.MULTILINE)


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Result:
    return check(write_large_spec(tmp_path_factory.mktemp("large") / "infra-specs"))


def page(result: Result, name: str) -> list[Diagram]:
    links = Links()
    src = links.component_page(name.partition(":")[2]) if name.startswith("component:") else links.concern_page(name)
    return for_page(name, result.spec, result.index, links, src)


def assert_within_limits(diagrams: list[Diagram]) -> None:
    for diagram in diagrams:
        assert utf16_length(diagram.source) <= MAX_TEXT_SIZE, diagram.title
        assert len(ARROW.findall(diagram.source)) <= MAX_EDGES, diagram.title


def full_nodes(diagrams: list[Diagram], prefix: str = "component_") -> Counter[str]:
    """How many times each component is drawn as itself (not as a dashed stub)."""
    counts: Counter[str] = Counter()
    for diagram in diagrams:
        stubs = set()
        for line in diagram.source.splitlines():
            if line.strip().startswith("class ") and line.endswith(" stub"):
                stubs.update(line.strip().split(" ")[1].split(","))
        for ident in re.findall(rf'^\s*({prefix}[a-z0-9_]+)(?:\[|\()', diagram.source, flags=re.MULTILINE):
            if ident not in stubs:
                counts[ident] += 1
    return counts


def test_the_large_spec_is_large(large: Result) -> None:
    assert len(large.spec.components) == 300
    assert sum(len(c.dependencies) for c in large.spec.components) > 2 * MAX_EDGES


def test_dependencies_split_per_layer_then_in_parts_and_keep_every_component(large: Result) -> None:
    diagrams = page(large, "responsibilities")
    assert_within_limits(diagrams)
    assert len(diagrams) > 6
    counts = full_nodes(diagrams)
    assert set(counts) == {f"component_{ident}" for ident in component_ids(300)}
    assert set(counts.values()) == {1}, "each component is drawn as itself in exactly one part"
    # Drawn per layer, each in its layer's section of the page (the page says why, above them).
    assert all(d.scope and d.scope.startswith("layer:") for d in diagrams)
    assert all(d.note and "dashed boxes are components of other layers" in d.note for d in diagrams)
    compute_parts = [d for d in diagrams if "Compute" in d.title]
    assert len(compute_parts) > 1
    assert all(d.note and "too large for Mermaid" in d.note for d in compute_parts)


def test_topology_splits_and_places_every_component_in_every_subnet(large: Result) -> None:
    diagrams = [d for d in page(large, "architecture") if d.kind == "topology"]
    assert_within_limits(diagrams)
    assert len(diagrams) > 1
    placements = Counter(re.findall(r"^\s*(component_\w+__in_\w+)\[", "\n".join(d.source for d in diagrams), flags=re.MULTILINE))
    expected = sum(len(s.components) for n in large.spec.architecture.topology.networks for s in n.subnets)
    assert len(placements) == expected and set(placements.values()) == {1}
    for diagram in diagrams:
        assert diagram.note is not None and "split per network" in diagram.note
        assert re.search(r"this is network Production VPC, part \d+ of \d+", diagram.note)


def test_flows_split_and_keep_every_flow(large: Result) -> None:
    diagrams = [d for d in page(large, "architecture") if d.kind == "flows"]
    assert_within_limits(diagrams)
    assert len(diagrams) > 1
    drawn = sum(len(re.findall(r'-->\|"(?:HTTPS|GRPC) ', d.source)) for d in diagrams)
    assert drawn == len(large.spec.architecture.topology.flows)


def test_recovery_splits_and_keeps_every_backup(large: Result) -> None:
    diagrams = page(large, "disaster-recovery")
    assert_within_limits(diagrams)
    assert len(diagrams) > 1
    backups = Counter(re.findall(r"^\s*(backup_\w+)\(", "\n".join(d.source for d in diagrams), flags=re.MULTILINE))
    assert len([b for b in backups if not b.endswith("__copy")]) == 300


def test_a_hub_neighbourhood_splits_into_dependents_and_dependencies(large: Result) -> None:
    diagrams = page(large, "component:hub")
    assert_within_limits(diagrams)
    assert len(diagrams) > 1
    dependents = set()
    for diagram in diagrams:
        dependents.update(re.findall(r"^\s*(component_c\d+) -->", diagram.source, flags=re.MULTILINE))
        assert diagram.note is not None and "what depends on it" in diagram.note
    assert len(dependents) == 299


def test_every_page_of_the_large_spec_is_within_limits(large: Result) -> None:
    for name in ("index", "architecture", "responsibilities", "environments", "disaster-recovery", "component:c001"):
        assert_within_limits(page(large, name))


def test_split_keeps_order_and_names_the_parts() -> None:
    def build(units: list[int]) -> Flowchart:
        chart = Flowchart("LR")
        for unit in units:
            chart.node(f"n{unit}", "x" * 1000)
        return chart

    units = list(range(120))
    parts = split(units, build, groups=lambda u: "low" if u < 60 else "high")
    assert [u for part in parts for u in part.units] == units
    assert [part.scope for part in parts] == ["low, part 1 of 2", "low, part 2 of 2", "high, part 1 of 2", "high, part 2 of 2"]
    note = split_note(parts, parts[1], "units", "per half")
    assert note is not None and "split per half into 4 parts; this is low, part 2 of 2" in note
    whole = split(list(range(3)), build)
    assert len(whole) == 1 and whole[0].scope is None and split_note(whole, whole[0], "units", "x") is None


def test_split_never_loops_on_a_unit_too_large_alone() -> None:
    def build(units: list[int]) -> Flowchart:
        chart = Flowchart("LR")
        for unit in units:
            chart.node(f"n{unit}", "y" * (MAX_TEXT_SIZE + 1))
        return chart

    parts = split([1, 2], build)
    assert [part.units for part in parts] == [[1], [2]]
