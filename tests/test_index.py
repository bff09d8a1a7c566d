"""The whole-spec index and reference collection."""

from __future__ import annotations

from pathlib import Path

from mkdocs_infraspec.index import build_index, ref_fields
from mkdocs_infraspec.loader import load_spec
from mkdocs_infraspec.models import Component, Network
from mkdocs_infraspec.models.observability import LogStream


def test_ref_fields_are_found_from_annotations() -> None:
    assert ("layer", "one", ("layer",)) in [(n, s, m.kinds) for n, s, m in ref_fields(Component)]
    assert ("environments", "list", ("environment",)) in [(n, s, m.kinds) for n, s, m in ref_fields(Component)]
    assert [(n, s) for n, s, _ in ref_fields(LogStream)] == [("sources", "list"), ("retention", "keys")]
    assert ("environment", "one") in [(n, s) for n, s, _ in ref_fields(Network)]


def test_index_items_and_parents(base_spec: Path) -> None:
    spec, _ = load_spec(base_spec)
    index, diagnostics = build_index(spec)
    assert diagnostics == []
    assert index.ids("component") == ["vpc", "web", "db"]
    subnet = index.get("subnet", "prod-private-a")
    assert subnet is not None and subnet.parent is not None and subnet.parent.id == "prod-vpc"
    assert index.get("term", "vpc") is not None  # term ids come from the term
    assert index.get("requirement", "gdpr-32") is not None


def test_referrers(base_spec: Path) -> None:
    spec, _ = load_spec(base_spec)
    index, _ = build_index(spec)
    holders = {(type(r.holder).KIND, r.holder.id, r.field) for r in index.referrers("component", "db") if r.holder}
    assert ("component", "web", "component") in holders
    assert ("backup", "db-pitr", "component") in holders
    assert ("subnet", "prod-private-a", "components") in holders
    assert ("threat", "data-theft", "affects") in holders
    retention = [r for r in index.references if r.field == "retention"]
    assert retention and retention[0].location.line == 7  # the key 'production:' in observability.yaml
