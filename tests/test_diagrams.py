"""The diagrams of each page: golden Mermaid text, placement, links, determinism, bad input.

Golden files live in tests/golden/diagrams/<spec>/<page>.md, one Markdown file per page
with each diagram's title, note and Mermaid source (GitHub renders them). Regenerate them
with ``UPDATE_GOLDENS=1 python -m pytest tests/test_diagrams.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from mkdocs_infraspec.check import check
from mkdocs_infraspec.diagrams import KINDS, Diagram, for_page
from mkdocs_infraspec.diagrams.mermaid import MAX_EDGES, MAX_TEXT_SIZE, utf16_length
from mkdocs_infraspec.links import Links

from .conftest import BASE_SPEC, EXAMPLE_SPEC, FIXTURES

GOLDEN = Path(__file__).resolve().parent / "golden" / "diagrams"
HOSTILE_SPEC = FIXTURES / "diagrams" / "hostile"
CONCERN_PAGES = ("index", "architecture", "responsibilities", "environments", "disaster-recovery")
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"

SPECS = {"base": BASE_SPEC, "hostile": HOSTILE_SPEC, "example": EXAMPLE_SPEC}


def page_src(links: Links, page: str) -> str:
    if page.startswith("component:"):
        return links.component_page(page.partition(":")[2])
    return links.concern_page(page)


def diagrams_of(spec_dir: Path, page: str, links: Links | None = None) -> list[Diagram]:
    links = links or Links()
    result = check(spec_dir)
    return for_page(page, result.spec, result.index, links, page_src(links, page))


def golden_text(diagrams: list[Diagram]) -> str:
    parts = []
    for diagram in diagrams:
        scope = f", scope: `{diagram.scope}`" if diagram.scope else ""
        parts.append(f"## {diagram.title}\n\nkind: `{diagram.kind}`{scope}\n")
        if diagram.note:
            parts.append(f"> {diagram.note}\n")
        parts.append(f"```mermaid\n{diagram.source}```\n")
    return "\n".join(parts) if parts else "(no diagrams)\n"


def golden_pages(spec_dir: Path) -> list[str]:
    result = check(spec_dir)
    return [*CONCERN_PAGES, *(f"component:{c.id}" for c in result.spec.components[:3])]


def _cases() -> list[tuple[str, str]]:
    cases: list[tuple[str, str]] = []
    for name, spec_dir in SPECS.items():
        if not (spec_dir / "responsibilities.yaml").is_file():
            continue  # the example is written by another helper; it may not exist yet
        cases.extend((name, page) for page in golden_pages(spec_dir))
    return cases


@pytest.mark.parametrize(("spec", "page"), _cases())
def test_golden_mermaid_text(spec: str, page: str) -> None:
    text = golden_text(diagrams_of(SPECS[spec], page))
    path = GOLDEN / spec / (page.replace(":", "-") + ".md")
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"wrote a new golden file {path}; review it and run again")
    assert text == path.read_text(encoding="utf-8"), f"{path} is stale: UPDATE_GOLDENS=1 to regenerate, then review the diff"


def test_every_diagram_kind_has_a_golden_on_the_base_spec() -> None:
    kinds = {d.kind for page in golden_pages(BASE_SPEC) for d in diagrams_of(BASE_SPEC, page)}
    assert kinds == set(KINDS)


def test_each_page_shows_its_diagrams() -> None:
    expected = {
        "index": ["workflow", "layers"],
        "architecture": ["layers", "topology", "flows"],
        "responsibilities": ["dependencies"],
        "environments": ["environments"],
        "disaster-recovery": ["recovery"],
        "component:web": ["neighbourhood"],
        "security": [],
        "vocabulary": [],
        "component:nope": [],
    }
    for page, kinds in expected.items():
        assert [d.kind for d in diagrams_of(BASE_SPEC, page)] == kinds, page


def test_same_spec_gives_the_same_text(base_spec: Path) -> None:
    first = {page: diagrams_of(BASE_SPEC, page) for page in golden_pages(BASE_SPEC)}
    again = {page: diagrams_of(base_spec, page) for page in golden_pages(base_spec)}
    assert first == again


def _clicks(source: str) -> dict[str, str]:
    return dict(re.findall(r'^  click (\S+) "([^"]*)"$', source, flags=re.MULTILINE))


def _node_ids(source: str) -> set[str]:
    return set(re.findall(r'^\s*([A-Za-z0-9_]+)(?:\[\(|\(\[|\[\[|\[/|\(\(|\{\{|\[|\()"', source, flags=re.MULTILINE))


def test_click_links_are_relative_to_a_concern_page() -> None:
    clicks = _clicks(diagrams_of(BASE_SPEC, "architecture")[2].source)  # data flows
    assert clicks == {
        "external_customers": "#external-customers",
        "component_web": "../components/web/",
        "component_db": "../components/db/",
    }
    env = _clicks(diagrams_of(BASE_SPEC, "environments")[0].source)
    assert env["environment_production"] == "#environment-production"
    assert env["network_prod_vpc"] == "../architecture/#network-prod-vpc"


def test_click_links_are_relative_to_a_component_page() -> None:
    clicks = _clicks(diagrams_of(BASE_SPEC, "component:web")[0].source)
    assert clicks == {"component_web": "./", "component_vpc": "../vpc/", "component_db": "../db/"}


def test_click_links_from_the_index_page() -> None:
    workflow, layers = diagrams_of(BASE_SPEC, "index")
    assert _clicks(workflow.source)["concern_architecture"] == "architecture/"
    assert _clicks(layers.source)["layer_data"] == "architecture/#layer-data"


def test_click_links_without_directory_urls() -> None:
    links = Links(use_directory_urls=False)
    clicks = _clicks(diagrams_of(BASE_SPEC, "component:web", links)[0].source)
    assert clicks["component_vpc"] == "vpc.html"
    flows = _clicks(diagrams_of(BASE_SPEC, "architecture", links)[2].source)
    assert flows["component_web"] == "components/web.html"


def test_click_links_follow_the_prefix() -> None:
    links = Links(prefix="docs/spec/")
    clicks = _clicks(diagrams_of(BASE_SPEC, "index", links)[0].source)
    assert clicks["concern_responsibilities"] == "responsibilities/"
    assert _clicks(diagrams_of(BASE_SPEC, "component:db", links)[0].source)["component_vpc"] == "../vpc/"


@pytest.mark.parametrize("spec", ["base", "hostile"])
def test_every_drawn_item_node_links_somewhere(spec: str) -> None:
    for page in golden_pages(SPECS[spec]):
        for diagram in diagrams_of(SPECS[spec], page):
            clicks = _clicks(diagram.source)
            for ident in _node_ids(diagram.source):
                if ident.startswith(("component_", "layer_", "external_", "environment_", "network_", "backup_", "failover_", "concern_")):
                    assert ident in clicks, (page, diagram.title, ident)


def test_hostile_names_never_reach_mermaid_raw() -> None:
    for page in golden_pages(HOSTILE_SPEC):
        for diagram in diagrams_of(HOSTILE_SPEC, page):
            body = diagram.source.split("---\n")[-1]
            for line in body.splitlines():
                # Quotes only delimit labels and URLs: an even number per line, never %%.
                assert line.count('"') % 2 == 0, line
                assert "%%" not in line and "`" not in line and "<script" not in line, line
                assert not re.search(r"<(?!br>)", line), line


def test_undefined_references_are_drawn_in_red_not_dropped(base_spec: Path, edit: Callable[[Path, str, str], None]) -> None:
    edit(base_spec / "architecture.yaml", "components: [web, db]", "components: [web, db, ghost]")
    edit(base_spec / "responsibilities.yaml", "dependencies: [vpc]", "dependencies: [vpc, phantom]")
    topology = diagrams_of(base_spec, "architecture")[1].source
    assert re.search(r'component_ghost__in_prod_private_a\["ghost<br>\(undefined component\)"\]', topology)
    assert "class " in topology and "missing" in topology
    assert "click component_ghost" not in topology
    neighbourhood = diagrams_of(base_spec, "component:db")[0].source
    assert 'component_phantom["phantom<br>(undefined component)"]' in neighbourhood


def test_an_empty_spec_draws_only_what_it_has(tmp_path: Path) -> None:
    spec_dir = tmp_path / "infra-specs"
    spec_dir.mkdir()
    (spec_dir / "overview.yaml").write_text("name: Empty\nsummary: Nothing yet.\n", encoding="utf-8")
    for page in CONCERN_PAGES:
        for diagram in diagrams_of(spec_dir, page):
            assert diagram.kind == "workflow"
            assert "concern_overview" in diagram.source


def test_broken_concern_files_do_not_break_the_diagrams(base_spec: Path) -> None:
    (base_spec / "architecture.yaml").write_text("layers: [oops\n", encoding="utf-8")
    (base_spec / "responsibilities.yaml").write_text("components:\n  - id: Bad Id\n", encoding="utf-8")
    for page in [*CONCERN_PAGES, "component:web"]:
        for diagram in diagrams_of(base_spec, page):
            assert diagram.source.startswith(("flowchart", "---"))


def test_unencrypted_flows_are_dotted_and_said_so(base_spec: Path, edit: Callable[[Path, str, str], None]) -> None:
    edit(base_spec / "architecture.yaml", "      port: 5432", "      port: 5432\n      encrypted: false")
    flows = diagrams_of(base_spec, "architecture")[2]
    assert 'component_web -.->|"POSTGRES 5432 · unencrypted"| component_db' in flows.source
    assert flows.note == "Dotted arrows are unencrypted flows."


def test_layers_show_dependencies_components_use_but_layers_do_not_declare(base_spec: Path, edit: Callable[[Path, str, str], None]) -> None:
    edit(base_spec / "architecture.yaml", "    depends_on: [network, data]", "    depends_on: [network]")
    layers = diagrams_of(base_spec, "architecture")[0]
    assert 'layer_compute -.->|"used by 1 dependency, not declared"| layer_data' in layers.source
    assert layers.note is not None and "not declared" in layers.note


def test_the_example_shows_at_least_seven_kinds_on_four_pages() -> None:
    pages_with_diagrams = set()
    kinds: set[str] = set()
    for page in golden_pages(EXAMPLE_SPEC):
        found = diagrams_of(EXAMPLE_SPEC, page)
        if found:
            pages_with_diagrams.add(page)
        kinds.update(d.kind for d in found)
        for diagram in found:
            assert utf16_length(diagram.source) <= MAX_TEXT_SIZE
            assert diagram.source.count("\n") < MAX_EDGES * 3
    assert len(kinds) >= 7 and len(pages_with_diagrams) >= 4


def test_the_hostile_fixture_is_a_clean_spec(tmp_path: Path) -> None:
    # It is also built as a site (phase 2 browser test): it must stay free of findings.
    copy = tmp_path / "hostile"
    shutil.copytree(HOSTILE_SPEC, copy)
    result = check(copy)
    assert result.errors == [] and result.warnings == []


def test_per_layer_dependency_diagrams_sit_in_their_layer_section() -> None:
    from mkdocs_infraspec.render import Renderer

    result = check(EXAMPLE_SPEC)
    layers = [layer.id for layer in result.spec.architecture.layers]
    diagrams = diagrams_of(EXAMPLE_SPEC, "responsibilities")
    assert len(diagrams) > 1, "the example's dependency graph is drawn per layer"
    assert [d.scope for d in diagrams] == [f"layer:{layer}" for layer in layers if any(c.layer == layer for c in result.spec.components)]
    renderer = Renderer(Links())
    page = next(p for p in renderer.plan(result.spec) if p.name == "responsibilities")
    markdown = renderer.render(page, result).markdown
    # Each diagram comes after its layer's heading and before the next layer's heading.
    sections = re.split(r"^## ", markdown, flags=re.MULTILINE)
    assert "```mermaid" not in sections[0] and "drawn layer by layer" in sections[0]
    for diagram, section in zip(diagrams, sections[1:], strict=True):
        assert section.count("```mermaid") == 1
        assert f"{{ #responsibilities-{diagram.scope.partition(':')[2]} }}" in section.splitlines()[0]  # type: ignore[union-attr]


def test_dependencies_of_components_with_no_or_an_undefined_layer_stay_at_the_top(tmp_path: Path) -> None:
    from .fixtures.diagrams.large_spec import write_large_spec

    spec_dir = write_large_spec(tmp_path / "infra-specs")
    text = (spec_dir / "responsibilities.yaml").read_text(encoding="utf-8")
    (spec_dir / "responsibilities.yaml").write_text(text.replace("layer: compute", "layer: nowhere", 1), encoding="utf-8")
    scopes = {d.title: d.scope for d in diagrams_of(spec_dir, "responsibilities")}
    undefined = [title for title in scopes if "undefined layer" in title]
    assert undefined and all(scopes[title] is None for title in undefined)
    assert any(scope == "layer:compute" for scope in scopes.values())
