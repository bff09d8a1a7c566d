"""The spec health page: findings located and linked, suppressions with their reasons, the coverage heat map.

Real MkDocs builds (Material) of the base spec made sick on purpose, and of the example;
the page's Markdown is also checked directly for what a build cannot show (errors, which
stop a build before any page is written).
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from mkdocs_infraspec.check import check
from mkdocs_infraspec.links import Links
from mkdocs_infraspec.render import Renderer
from mkdocs_infraspec.rules.coverage import bucket
from tests.support.build import EXAMPLE, build, copy_project, main_content, mermaid_missing_reason

from .conftest import BASE_SPEC

pytestmark = pytest.mark.slow

Edit = Callable[[Path, str, str], None]

MKDOCS_YML = """site_name: Tiny Shop
theme:
  name: material
  font: false
  features: [content.tooltips]
plugins:
  - infraspec:
      rules:
        IS416: info
markdown_extensions:
  - toc:
      permalink: true
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""

#: The suppressions the sick spec adds, and the findings it provokes.
REASON = "Team *being* formed <b>soon</b>, see [[component:db]] | until Q3"


def make_sick(spec: Path, edit: Edit) -> None:
    """Findings (a secret never rotated, a reference to no item in a Markdown field) and one suppression of each status but unknown."""
    edit(spec / "security.yaml", "    rotation: 30d\n", "")
    edit(spec / "security.yaml", "    category: information-disclosure\n",
         "    category: information-disclosure\n    description: Someone copies the [[component:dbb]] snapshots.\n")
    edit(spec / "security.yaml", "    mitigations: [encrypt-data]\n",
         "    mitigations: [encrypt-data]\n    suppress:\n      - rule: IS805\n        reason: Accepted for the pilot\n        until: 2020-01-31\n")
    edit(spec / "responsibilities.yaml", "    owner: platform\n",
         f"    suppress:\n      - rule: component-owner\n        reason: \"{REASON}\"\n        until: 2999-12-31\n")
    edit(spec / "responsibilities.yaml", "    owner: shop\n    stateful: true\n",
         "    owner: shop\n    stateful: true\n    suppress:\n      - rule: backup-missing\n        reason: Nothing to back up\n")


def project_of(target: Path, *, options: str = "") -> Path:
    shutil.copytree(BASE_SPEC, target / "infra-specs")
    (target / "docs").mkdir()
    (target / "docs" / "index.md").write_text("# Tiny Shop\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text(MKDOCS_YML + options, encoding="utf-8")
    return target


def build_in_process(project: Path, **options: object) -> Path:
    """``mkdocs build`` in this process (warnings do not stop it); the site folder."""
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"), **options)
    mkdocs_build(config)
    return project / "site"


def page(site: Path, path: str) -> str:
    return main_content((site / path / "index.html").read_text(encoding="utf-8"))


class Cells(HTMLParser):
    """The heat map's rows: each cell's classes (of its heat span), text and tooltip, and the first cell's link."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[dict[str, str]]] = []
        self._in_map = 0
        self._depth = 0
        self._cell: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "div" and "infraspec-heatmap" in (found.get("class") or ""):
            self._in_map, self._depth = 1, 0
        elif tag == "div" and self._in_map:
            self._depth += 1
        if not self._in_map:
            return
        if tag == "tr":
            self.rows.append([])
        elif tag == "td" and self.rows:
            self._cell = {"class": "", "text": "", "title": "", "href": ""}
            self.rows[-1].append(self._cell)
        elif tag == "span" and self._cell is not None and "infraspec-heat" in (found.get("class") or ""):
            self._cell["class"] = found.get("class") or ""
            self._cell["title"] = found.get("title") or ""
        elif tag == "a" and self._cell is not None:
            self._cell["href"] = found.get("href") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._cell = None
        elif tag == "div" and self._in_map:
            if self._depth == 0:
                self._in_map = 0
            else:
                self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell["text"] += data.strip()


def heat_rows(content: str) -> list[list[dict[str, str]]]:
    parser = Cells()
    parser.feed(content)
    return [row for row in parser.rows if row]  # the header row has no <td>


# --- a spec with findings and suppressions, built -------------------------------------------


@pytest.fixture(scope="module")
def sick(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The base spec with findings and suppressions, built once: (project, site)."""
    project = project_of(tmp_path_factory.mktemp("sick"))

    def edit(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, (old, path)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    make_sick(project / "infra-specs", edit)
    return project, build_in_process(project)


def test_findings_are_grouped_located_and_linked_to_their_item(sick: tuple[Path, Path]) -> None:
    project, site = sick
    content = page(site, "infra-specs/health")
    result = check(project / "infra-specs", base=project, rules={"IS416": "info"})
    active = [d for d in result.diagnostics if d.suppressed is None]
    assert sorted(d.code for d in active) == ["IS403", "IS404", "IS803"]
    # The build also checks the references in the spec's Markdown: they are findings here too.
    assert re.search(r'infraspec-health-count--yellow">4</span> warnings', content)
    assert "4 warnings to settle" in content
    assert re.search(r'<a href="../security/#threat-data-theft" title="[^"]*"><code>infra-specs/security\.yaml:5:\d+</code></a> · Threat <em>Theft of order data</em> · <code>IS301</code> unknown-reference', content), content
    # Grouped by severity (a heading), then category (an admonition with its count).
    assert '<h3 id="warnings">Warnings' in content
    assert re.search(r'<div class="admonition warning infraspec-findings">\s*<p class="admonition-title">Rule levels and suppressions · 2</p>', content)
    assert re.search(r'<p class="admonition-title">References · 1</p>', content)
    assert re.search(r'<p class="admonition-title">Security · 1</p>', content)
    # Each finding: its message, its place linked to its item's anchor, the item, the rule, the hint.
    for diagnostic in active:
        assert html.escape(diagnostic.message, quote=False) in content, diagnostic.message
        assert f"<code>{diagnostic.location}</code></a>" in content, diagnostic.location
        assert diagnostic.hint and html.escape(diagnostic.hint, quote=False) in content
    (secret,) = [d for d in active if d.code == "IS803"]
    assert f'<a href="../security/#secret-db-password" title="Secret"><code>{secret.location}</code></a> · Secret <em>Database password</em> · <code>IS803</code> secret-rotation' in content
    assert 'id="secret-db-password"' in page(site, "infra-specs/security")


def test_suppressions_show_reason_expiry_and_status(sick: tuple[Path, Path]) -> None:
    content = page(sick[1], "infra-specs/health")
    section = content[content.index('id="suppressions"'):content.index('id="coverage"')]
    rows = re.findall(r"<tr>(.*?)</tr>", section, re.S)[1:]
    assert len(rows) == 3
    by_rule = {re.search(r"<code>(IS\d+)</code>", row).group(1): row for row in rows}  # type: ignore[union-attr]
    assert set(by_rule) == {"IS413", "IS601", "IS805"}
    owner = by_rule["IS413"]
    # The reason is the author's text, shown as written: no markup, no link made from it.
    assert REASON in html.unescape(owner)
    assert "<b>soon</b>" not in owner and "<em>being</em>" not in owner and 'href="../components/db/"' not in owner
    assert '<a href="../components/vpc/"' in owner and "2999-12-31</code>" in owner
    assert "Silences: component 'vpc' has no owner" in owner
    assert 'infraspec-badge--green" title="Silences the findings listed under it">Active</span>' in owner
    assert 'infraspec-badge--red"' in by_rule["IS805"] and ">Expired</span>" in by_rule["IS805"]
    assert "2020-01-31</code>" in by_rule["IS805"] and "Accepted for the pilot" in by_rule["IS805"]
    assert 'infraspec-badge--orange"' in by_rule["IS601"] and ">Unused</span>" in by_rule["IS601"]
    assert "—" in by_rule["IS601"]  # no expiry date


def test_heat_map_has_a_row_per_component_coloured_by_score(sick: tuple[Path, Path]) -> None:
    project, site = sick
    rows = heat_rows(page(site, "infra-specs/health"))
    spec = check(project / "infra-specs", base=project).spec
    *components, total = rows
    assert [row[0]["href"] for row in components] == [f"../components/{c.id}/" for c in spec.components]
    assert total[0]["text"] == "All components"
    for row in rows:
        assert len(row) == 9  # component, seven concerns, overall
    vpc = components[0]
    # The network is stateless and in no recovery plan: not applicable; it has a metric but no alert.
    assert "infraspec-heat--na" in vpc[4]["class"] and vpc[4]["text"] == "–"
    assert "infraspec-heat--50" in vpc[5]["class"] and vpc[5]["text"] == "1/2"
    assert vpc[5]["title"] == "Network · Observability: missing alert (has metric)"
    assert "infraspec-heat--100" in components[2][1]["class"] and components[2][1]["text"] == "✓"
    legend = page(site, "infra-specs/health")
    assert all(f"infraspec-heat--{b}" in legend for b in ("100", "75", "50", "25", "0", "na"))


def test_the_page_is_in_the_nav_after_the_concerns(sick: tuple[Path, Path]) -> None:
    text = " ".join(re.sub(r"<[^>]+>", " ", (sick[1] / "index.html").read_text(encoding="utf-8")).split())
    assert "Environments Spec health Components" in text


def test_health_page_option_turns_it_off(tmp_path: Path) -> None:
    project = project_of(tmp_path, options="")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      rules:\n", "      health_page: false\n      rules:\n"), encoding="utf-8")
    site = build_in_process(project, strict=True)
    assert (site / "infra-specs" / "security" / "index.html").is_file()
    assert not (site / "infra-specs" / "health").exists()
    assert "Spec health" not in (site / "index.html").read_text(encoding="utf-8")


# --- the Markdown, for what a build never shows ---------------------------------------------


def test_errors_and_unknown_suppressions_render(base_spec: Path, edit: Edit) -> None:
    """A spec with errors has no built site, but `mkdocs serve` and templates may still show the page."""
    edit(base_spec / "architecture.yaml", "cidr: 10.0.4.0/22", "cidr: 10.9.4.0/22")  # a subnet outside its network
    edit(base_spec / "security.yaml", "    rotation: 30d\n", "    rotation: 30d\n    suppress:\n      - rule: secret-rotashun\n        reason: Typo\n")
    result = check(base_spec, base=base_spec.parent)
    renderer = Renderer(Links(), icons=True)
    (plan,) = [p for p in renderer.plan(result.spec) if p.name == "health"]
    markdown = renderer.render(plan, result).markdown
    assert '!!! failure "' in markdown and "### Errors { #errors }" in markdown
    assert re.search(r'^!!! failure infraspec-findings "Network · 1"$', markdown, re.M), markdown
    assert "[`infra-specs/architecture.yaml:" in markdown and "](architecture.md#subnet-" in markdown
    assert re.search(r"`secret-rotashun`.*infraspec-badge--grey\" title=\"Names no rule", markdown), markdown


def test_score_buckets() -> None:
    assert [bucket(s) for s in (None, 0.0, 1 / 3, 0.5, 2 / 3, 1.0)] == ["na", "0", "25", "50", "75", "100"]


# --- the example ------------------------------------------------------------------------------


def test_example_health_page_has_no_findings_and_its_one_suppression(tmp_path: Path) -> None:
    if reason := mermaid_missing_reason():
        pytest.skip(reason)
    project = copy_project(EXAMPLE, tmp_path / "example")
    done = build(project, strict=True)
    assert done.ok, done.output
    content = main_content(done.page("infra-specs/health/"))
    result = check(project / "infra-specs", base=project)
    assert 'infraspec-health-count--none">0</span> errors' in content
    assert 'infraspec-health-count--none">0</span> warnings' in content
    assert "No active findings" in content and '<h3 id="warnings">' not in content
    (suppressed,) = [d for d in result.diagnostics if d.suppressed is not None]
    section = content[content.index('id="suppressions"'):content.index('id="coverage"')]
    section = re.sub(r'<a class="infraspec-term"[^>]*>(.*?)</a>', r"\1", section)  # terms in the reason are linked
    assert len(re.findall(r"<tr>", section)) == 2  # the header and the one suppression
    assert html.escape(suppressed.suppressed.reason, quote=False) in section  # type: ignore[union-attr]
    assert ">Active</span>" in section
    rows = heat_rows(content)
    assert [row[0]["href"] for row in rows[:-1]] == [f"../components/{c.id}/" for c in result.spec.components]
