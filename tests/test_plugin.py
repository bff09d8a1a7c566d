"""Real ``mkdocs build`` runs of the site fixture and the example, as users and CI run them."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from mkdocs_infraspec.models import CONCERNS
from tests.support.build import (
    EXAMPLE,
    SITE_FIXTURE,
    Build,
    build,
    copy_project,
    main_content,
    mermaid_missing_reason,
)

pytestmark = pytest.mark.slow

Edit = Callable[[Path, str, str], None]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site fixture, built once with --strict."""
    project = copy_project(SITE_FIXTURE, tmp_path_factory.mktemp("fixture") / "project")
    return build(project, strict=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the site fixture."""
    return copy_project(SITE_FIXTURE, tmp_path / "project")


def nav_text(html: str) -> str:
    """The primary navigation's words, in order, separated by single spaces."""
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[: nav.index("</nav>", nav.index("md-nav__list"))] if "md-nav__list" in nav else nav
    return " " + " ".join(re.sub(r"<[^>]+>", " ", nav).split()) + " "


def no_traceback(done: Build) -> None:
    assert "Traceback" not in done.output, done.output


# --- the site fixture -------------------------------------------------------------------


def test_fixture_builds_strict_with_every_page(fixture_site: Build) -> None:
    assert fixture_site.ok, fixture_site.output
    for concern in ["index", *(c.name for c in CONCERNS)]:
        path = "infra-specs/" if concern == "index" else f"infra-specs/{concern}/"
        assert "<h1" in fixture_site.page(path), path
    for ident in ("vpc", "api", "db", "secrets"):
        assert "<h1" in fixture_site.page(f"infra-specs/components/{ident}/")


def test_hand_written_pages_link_to_spec_items(fixture_site: Build) -> None:
    html = main_content(fixture_site.page(""))
    assert '<a href="infra-specs/components/api/" title="Component · ECS Fargate">Booking API</a>' in html
    assert '<a href="infra-specs/components/db/" title="Component · Amazon RDS for PostgreSQL 16">booking database</a>' in html
    assert '<a href="infra-specs/vocabulary/#term-vpc" title="Term · Virtual Private Cloud">VPCs</a>' in html
    # Escaped and code references stay as written.
    assert "Escaped: [[component:api]]" in html
    assert "<code>[[component:api]]</code>" in html
    assert "[[component:nothing-here]]" in html
    guide = main_content(fixture_site.page("guide/"))
    for href in ("../infra-specs/tradeoffs/#decision-database", "../infra-specs/security/#threat-data-theft",
                 "../infra-specs/assertions/#assertion-az-failure", "../infra-specs/environments/#environment-production",
                 "../infra-specs/architecture/#layer-data"):
        assert f'href="{href}"' in guide


def test_generated_pages_link_to_every_item_they_name(fixture_site: Build) -> None:
    # MkDocs checked every generated link and anchor (strict build); spot-check the rewriting.
    html = main_content(fixture_site.page("infra-specs/components/api/"))
    assert 'href="../../architecture/#layer-compute"' in html
    assert 'href="../db/"' in html
    assert 'href="../../security/#threat-booking-flood"' in html


def test_edit_links_point_at_the_yaml_file(fixture_site: Build) -> None:
    edit = re.compile(r'href="([^"]+)" title="Edit this page"')
    security = edit.search(fixture_site.page("infra-specs/security/"))
    component = edit.search(fixture_site.page("infra-specs/components/api/"))
    summary = edit.search(fixture_site.page("infra-specs/"))
    home = edit.search(fixture_site.page(""))
    assert security and security.group(1) == "https://git.harbour.example/platform/harbour/-/edit/main/infra-specs/security.yaml"
    assert component and component.group(1) == "https://git.harbour.example/platform/harbour/-/edit/main/infra-specs/responsibilities.yaml"
    assert summary and summary.group(1).endswith("/-/edit/main/infra-specs/overview.yaml")
    assert home and home.group(1).endswith("/-/edit/main/docs/index.md")


def test_nav_places_the_section_where_the_user_named_it(fixture_site: Build) -> None:
    html = fixture_site.page("")
    assert " Home Guide The spec " in nav_text(html)
    assert " Overview Vocabulary Responsibilities Architecture Tradeoffs Security Observability Disaster recovery Cost management Assertions Constraints Environments Clarifications Spec health Components " in nav_text(html)
    assert " Network Booking API Booking database Secrets store " in nav_text(html)
    assert html.count('href="infra-specs/components/api/"') == 2  # the nav, and the page's own link


def test_stylesheet_is_added(fixture_site: Build) -> None:
    assert "assets/infraspec/infraspec.css" in fixture_site.page("")
    assert (fixture_site.site / "assets" / "infraspec" / "infraspec.css").is_file()


# --- errors and warnings ----------------------------------------------------------------


def test_broken_reference_fails_with_its_location(project: Path, edit: Edit) -> None:
    edit(project / "infra-specs" / "security.yaml", "affects: [api]", "affects: [apii]")
    done = build(project, strict=True)
    assert not done.ok
    no_traceback(done)
    assert re.search(r"infra-specs/security\.yaml:\d+:\d+: error\[IS301\] .*'apii'", done.output), done.output
    assert "did you mean 'api'?" in done.output
    assert "affects: [apii]" in done.output  # the source line is shown


def test_unknown_cross_reference_warns_and_fails_strict(project: Path, edit: Edit) -> None:
    edit(project / "docs" / "guide.md", "[[threat:data-theft]]", "[[threat:data-thief]]")
    relaxed = build(project)
    assert relaxed.ok, relaxed.output
    (line,) = [w for w in relaxed.warnings() if "data-thief" in w]
    assert re.search(r"WARNING +- +docs/guide\.md:6:12: warning\[IS301\] unknown threat 'data-thief' in \[\[threat:data-thief\]\]; did you mean 'data-theft'\?", line), line
    strict = build(project, strict=True, site=project / "site-strict")
    assert not strict.ok
    no_traceback(strict)
    assert "docs/guide.md:6:12:" in strict.output


def test_line_numbers_count_the_front_matter(project: Path, edit: Edit) -> None:
    edit(project / "docs" / "index.md", "[[component:api]] stores", "[[component:apx]] stores")
    done = build(project)
    assert re.search(r"docs/index\.md:7:5: warning\[IS301\] unknown component 'apx'", done.output), done.output


def test_spec_text_references_are_checked(project: Path, edit: Edit) -> None:
    edit(project / "infra-specs" / "assertions.yaml", "[[secret:db-password]]", "[[secret:db-pass]]")
    done = build(project, strict=True)
    assert not done.ok
    assert re.search(r"infra-specs/assertions\.yaml:\d+:\d+: warning\[IS301\] unknown secret 'db-pass'", done.output), done.output


def test_rules_option_sets_levels(project: Path, edit: Edit) -> None:
    edit(project / "mkdocs.yml", "        IS805: info\n", "")
    done = build(project, strict=True)
    assert not done.ok
    assert re.search(r"WARNING +- +infra-specs/security\.yaml:\d+:\d+: warning\[IS805\]", done.output), done.output


def test_example_breakages_fail_strict_naming_file_and_line(tmp_path: Path, edit: Edit) -> None:
    """In a copy of the example: a renamed id, a duplicated key, an unknown field, a syntax error."""
    if reason := mermaid_missing_reason():
        pytest.skip(reason)
    cases = {
        "renamed component id": ("responsibilities.yaml", "  - id: rds-ledger\n", "  - id: rds-ledger-main\n", r"infra-specs/\w[\w-]*\.yaml:\d+:\d+: error\[IS301\] .*'rds-ledger'"),
        "duplicated key": ("overview.yaml", "status: review\n", "status: review\nstatus: approved\n", r"infra-specs/overview\.yaml:\d+:\d+: error\[IS102\]"),
        "unknown field": ("environments.yaml", "    tier: production\n", "    tier: production\n    teir: production\n", r"infra-specs/environments\.yaml:\d+:\d+: error\[IS201\] .*teir"),
        "syntax error": ("tradeoffs.yaml", "decisions:\n", "decisions:\n  - id: [unclosed\n", r"infra-specs/tradeoffs\.yaml:\d+:\d+: error\[IS101\]"),
    }
    for name, (file, old, new, pattern) in cases.items():
        project = copy_project(EXAMPLE, tmp_path / name.replace(" ", "-"))
        edit(project / "infra-specs" / file, old, new)
        done = build(project, strict=True)
        assert not done.ok, name
        no_traceback(done)
        assert re.search(pattern, done.output), f"{name}:\n{done.output}"


# --- the example ------------------------------------------------------------------------


def test_example_builds_strict_offline(tmp_path: Path) -> None:
    if reason := mermaid_missing_reason():
        pytest.skip(reason)
    project = copy_project(EXAMPLE, tmp_path / "example")
    done = build(project, strict=True)
    assert done.ok, done.output
    no_traceback(done)
    from mkdocs_infraspec.check import check

    result = check(project / "infra-specs", base=project)
    for concern in CONCERNS:
        assert (done.site / "infra-specs" / concern.name / "index.html").is_file()
    for component in result.spec.components:
        assert (done.site / "infra-specs" / "components" / component.id / "index.html").is_file()
    # Offline: mermaid.js is the local copy, and no page names a CDN.
    html = done.page("infra-specs/architecture/")
    assert 'src="../../js/mermaid.min.js"' in html
    assert "unpkg.com" not in html and "cdn.jsdelivr" not in html and "fonts.googleapis" not in html


# --- options ----------------------------------------------------------------------------


def test_options_templates_component_pages_edit_links_nav(project: Path, edit: Edit) -> None:
    overrides = project / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "security.md.j2").write_text('{% extends "security.md.j2" %}\n', encoding="utf-8")
    (overrides / "security.md.j2").write_text("# Our own security page\n\n{{ concern.threats | length }} threats.\n", encoding="utf-8")
    edit(project / "mkdocs.yml", "  - infraspec:\n", "  - infraspec:\n      templates: overrides\n      component_pages: false\n      edit_links: false\n      nav: 'off'\n")
    edit(project / "mkdocs.yml", "  - The spec: infra-specs/\n", "  - Threats: infra-specs/security.md\n")
    done = build(project)
    assert done.ok, done.output
    security = main_content(done.page("infra-specs/security/"))
    assert "Our own security page" in security and "2 threats." in security
    assert not (done.site / "infra-specs" / "components").exists()
    responsibilities = main_content(done.page("infra-specs/responsibilities/"))
    assert 'id="component-api"' in responsibilities
    assert 'href="../responsibilities/#component-db"' in main_content(done.page("infra-specs/tradeoffs/"))
    assert "Edit this page" not in done.page("infra-specs/tradeoffs/")
    assert " Home Guide Threats " in nav_text(done.page("")) and " Overview " not in nav_text(done.page(""))


def test_minimal_config_gets_its_section_and_extensions(tmp_path: Path) -> None:
    project = tmp_path / "minimal"
    shutil.copytree(SITE_FIXTURE / "infra-specs", project / "infra-specs")
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text("# Home\n\nSee [[component:api]].\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Minimal\ntheme:\n  name: material\n  font: false\nplugins:\n  - infraspec\n", encoding="utf-8"
    )
    done = build(project)
    assert done.ok, done.output
    assert "enabled the Markdown extension 'pymdownx.tabbed'" in done.output
    observability = main_content(done.page("infra-specs/observability/"))
    assert 'class="tabbed-set' in observability  # retention by environment, as content tabs
    assert '<div class="infraspec-facts">' in observability
    assert 'class="admonition example"' in main_content(done.page("infra-specs/assertions/"))
    assert re.search(r" Home (Specification )+Summary Overview ", nav_text(done.page("")))
    assert 'href="infra-specs/components/api/"' in main_content(done.page(""))


def test_disabled_plugin_adds_nothing(project: Path, edit: Edit, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(project / "mkdocs.yml", "  - infraspec:\n", "  - infraspec:\n      enabled: !ENV [INFRASPEC, true]\n")
    monkeypatch.setenv("INFRASPEC", "false")
    done = build(project, strict=True)  # the nav entry naming the prefix is dropped, not left dangling
    assert done.ok, done.output
    assert not (done.site / "infra-specs").exists()
    assert "[[component:api]]" in main_content(done.page(""))
