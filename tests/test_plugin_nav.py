"""Where the generated section goes in the navigation: placed by the user, or appended."""

from __future__ import annotations

from mkdocs_infraspec.plugin import nav
from mkdocs_infraspec.render import PagePlan

PAGES = [
    PagePlan("index", "infra-specs/index.md", "Summary", "index.md.j2"),
    PagePlan("overview", "infra-specs/overview.md", "Overview", "overview.md.j2"),
    PagePlan("responsibilities", "infra-specs/responsibilities.md", "Responsibilities", "responsibilities.md.j2"),
    PagePlan("components", "infra-specs/components/index.md", "Components", "components.md.j2"),
    PagePlan("component:api", "infra-specs/components/api.md", "Booking API", "component.md.j2"),
    PagePlan("security", "infra-specs/security.md", "Security", "security.md.j2"),
]
SECTION = [
    {"Summary": "infra-specs/index.md"},
    {"Overview": "infra-specs/overview.md"},
    {"Responsibilities": "infra-specs/responsibilities.md"},
    {"Security": "infra-specs/security.md"},
    {"Components": ["infra-specs/components/index.md", {"Booking API": "infra-specs/components/api.md"}]},
]


def test_section_lists_concerns_in_reading_order_then_components() -> None:
    assert nav.section(PAGES) == SECTION


def test_an_entry_naming_the_prefix_becomes_the_section_under_its_title() -> None:
    user = [{"Home": "index.md"}, {"The spec": "infra-specs/"}, {"About": "about.md"}]
    placed, found = nav.place(user, "infra-specs/", SECTION, "Specification")
    assert found
    assert placed == [{"Home": "index.md"}, {"The spec": SECTION}, {"About": "about.md"}]


def test_a_bare_entry_gets_the_nav_title_and_nesting_is_searched() -> None:
    user = [{"Home": "index.md"}, {"Design": ["design.md", "infra-specs/index.md"]}]
    placed, found = nav.place(user, "infra-specs/", SECTION, "Specification")
    assert found
    assert placed == [{"Home": "index.md"}, {"Design": ["design.md", {"Specification": SECTION}]}]


def test_without_an_entry_nothing_is_placed() -> None:
    user = [{"Home": "index.md"}]
    placed, found = nav.place(user, "infra-specs/", SECTION, "Specification")
    assert not found and placed == user
    assert nav.place(None, "infra-specs/", SECTION, "Specification") == (None, False)


def test_pages_listed_by_hand_are_noticed() -> None:
    user = [{"Home": "index.md"}, {"Threats": "infra-specs/security.md"}]
    assert nav.mentions(user, {"infra-specs/security.md"})
    assert not nav.mentions([{"Home": "index.md"}], {"infra-specs/security.md"})


def test_disabled_plugin_drops_the_placeholder_entry() -> None:
    user = [{"Home": "index.md"}, {"Design": ["design.md", {"The spec": "infra-specs/"}]}, "infra-specs/"]
    assert nav.remove(user, "infra-specs/") == [{"Home": "index.md"}, {"Design": ["design.md"]}]
    assert nav.remove(None, "infra-specs/") is None
