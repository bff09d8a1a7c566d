"""Finding, reading and merging concern files."""

from __future__ import annotations

from pathlib import Path

from mkdocs_infraspec.loader import discover, load_spec


def test_loads_every_concern(base_spec: Path) -> None:
    spec, diagnostics = load_spec(base_spec)
    assert diagnostics == []
    assert [c.id for c in spec.components] == ["vpc", "web", "db"]
    assert spec.files["responsibilities"] == [base_spec / "responsibilities.yaml"]
    assert spec.get("clarifications") is None  # optional and absent
    assert spec.clarifications.questions == []  # but always iterable


def test_yml_suffix_is_accepted(base_spec: Path) -> None:
    (base_spec / "overview.yaml").rename(base_spec / "overview.yml")
    spec, diagnostics = load_spec(base_spec)
    assert diagnostics == [] and spec.overview is not None


def test_both_suffixes_is_ambiguous(base_spec: Path) -> None:
    (base_spec / "overview.yml").write_bytes((base_spec / "overview.yaml").read_bytes())
    _, diagnostics = load_spec(base_spec)
    assert [d.code for d in diagnostics] == ["IS111"]


def test_folder_concern_merges_in_name_order(base_spec: Path) -> None:
    folder = base_spec / "responsibilities"
    folder.mkdir()
    text = (base_spec / "responsibilities.yaml").read_text()
    (base_spec / "responsibilities.yaml").unlink()
    head, tail = text.split("  - id: db\n")
    (folder / "b-data.yaml").write_text("components:\n  - id: db\n" + tail)
    (folder / "a-core.yaml").write_text(head)
    (folder / "notes.txt").write_text("not YAML, ignored")
    spec, diagnostics = load_spec(base_spec)
    assert diagnostics == []
    assert [c.id for c in spec.components] == ["vpc", "web", "db"]
    db = spec.components[2]
    assert db.loc("name").file.endswith("responsibilities/b-data.yaml")
    assert db.loc("name").line == 3


def test_file_and_folder_is_ambiguous(base_spec: Path) -> None:
    (base_spec / "security").mkdir()
    (base_spec / "security" / "extra.yaml").write_text("threats: []\n")
    _, diagnostics = load_spec(base_spec)
    assert [d.code for d in diagnostics] == ["IS111"]


def test_missing_folder(tmp_path: Path) -> None:
    _, diagnostics = discover(tmp_path / "nope")
    assert [d.code for d in diagnostics] == ["IS113"]
    assert "does not exist" in diagnostics[0].message


def test_every_missing_concern_is_reported(tmp_path: Path) -> None:
    spec, diagnostics = load_spec(tmp_path)
    assert len(diagnostics) == 12 and {d.code for d in diagnostics} == {"IS109"}
    assert "clarifications" not in " ".join(d.message for d in diagnostics)
    assert "security" in spec.invalid


def test_spec_folder_is_never_written(base_spec: Path) -> None:
    before = {p: p.read_bytes() for p in base_spec.rglob("*") if p.is_file()}
    load_spec(base_spec)
    after = {p: p.read_bytes() for p in base_spec.rglob("*") if p.is_file()}
    assert before == after
