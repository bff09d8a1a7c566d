"""Schema errors become located, plain-language diagnostics with hints."""

from __future__ import annotations

from mkdocs_infraspec.models import Architecture, Component, ResponsibilitiesConcern
from mkdocs_infraspec.schema import closest, model_at, validate
from mkdocs_infraspec.source import load_text


def run(model: type, text: str) -> list[tuple[str, int, int, str, str | None]]:
    doc = load_text("f.yaml", text)
    instance, diagnostics = validate(model, doc.data, doc.source, "f.yaml", what="f.yaml")
    assert (instance is None) == bool(diagnostics)
    return [(d.code, d.line, d.column, d.message, d.hint) for d in diagnostics]


def test_valid_model_carries_positions() -> None:
    doc = load_text("f.yaml", "components:\n  - id: api\n    name: API\n    dependencies: [db]\n")
    model, diagnostics = validate(ResponsibilitiesConcern, doc.data, doc.source, "f.yaml", what="x")
    assert diagnostics == []
    component = model.components[0]  # type: ignore[union-attr]
    assert str(component.loc("dependencies", 0)) == "f.yaml:4:20"
    assert str(component.dependencies[0].loc("component")) == "f.yaml:4:20"  # shorthand: nearest position
    assert str(component.loc("name", key=True)) == "f.yaml:3:5"
    assert str(component.loc("lifecycle")) == "f.yaml:2:5"  # absent: the component itself


def test_unknown_field_suggests() -> None:
    (finding,) = run(ResponsibilitiesConcern, "components:\n  - id: api\n    name: API\n    owenr: me\n")
    assert finding[:3] == ("IS201", 4, 5)
    assert "component 'api'" in finding[3]
    assert finding[4] == "did you mean 'owner'?"


def test_unknown_top_level_field_lists_fields_when_nothing_is_close() -> None:
    (finding,) = run(ResponsibilitiesConcern, "zzz: 1\n")
    assert finding[0] == "IS201" and finding[4] == "valid fields: components"


def test_missing_field_points_at_the_object() -> None:
    (finding,) = run(ResponsibilitiesConcern, "components:\n  - id: api\n")
    assert finding[:3] == ("IS202", 2, 5)
    assert "missing required field 'name' in component 'api'" == finding[3]


def test_yaml11_traps() -> None:
    findings = run(ResponsibilitiesConcern, "components:\n  - id: api\n    name: off\n    owner: 2024-05-01\n")
    assert [(f[0], f[1], f[2]) for f in findings] == [("IS103", 3, 11), ("IS103", 4, 12)]
    assert findings[0][4] == 'quote it: "off"'
    assert "the date 2024-05-01" in findings[1][3]


def test_enum_suggestion() -> None:
    (finding,) = run(Architecture, "topology:\n  networks:\n    - id: n\n      name: N\n      environment: prod\n      region: r\n      cidr: 10.0.0.0/16\n      subnets:\n        - id: s\n          tier: privat\n          zone: a\n          cidr: 10.0.0.0/24\n")
    assert finding[:3] == ("IS204", 10, 17)
    assert finding[4] == "did you mean 'private'?"


def test_validator_path_points_inside() -> None:
    (finding,) = run(Architecture, "topology:\n  networks:\n    - id: n\n      name: N\n      environment: prod\n      region: r\n      cidr: 10.0.0.0/16\n      availability_zones: [a, b]\n      subnets:\n        - id: s\n          tier: private\n          zone: c\n          cidr: 10.0.0.0/24\n")
    assert finding[:3] == ("IS204", 12, 17)
    assert "zone 'c'" in finding[3]


def test_dependency_needs_one_target() -> None:
    (finding,) = run(ResponsibilitiesConcern, "components:\n  - id: api\n    name: API\n    dependencies:\n      - reason: none\n")
    assert finding[:3] == ("IS204", 5, 9)


def test_wrong_shapes() -> None:
    findings = run(ResponsibilitiesConcern, "components:\n  - id: api\n    name: [a, b]\n    lifecycle: terraform\n")
    assert [f[0] for f in findings] == ["IS203", "IS203"]
    assert "its fields are: provisioner" in (findings[1][4] or "")


def test_top_level_not_a_mapping_is_reported_by_loader(base_spec) -> None:  # type: ignore[no-untyped-def]
    from mkdocs_infraspec.loader import load_spec

    (base_spec / "vocabulary.yaml").write_text("- just\n- a list\n")
    _, diagnostics = load_spec(base_spec)
    assert [(d.code, d.line) for d in diagnostics] == [("IS203", 1)]


def test_model_at_and_closest() -> None:
    assert model_at(ResponsibilitiesConcern, ("components", 0)) is Component
    assert closest("dependancies", ["dependencies", "description"]) == "dependencies"
    assert closest("zzz", ["dependencies"]) is None
