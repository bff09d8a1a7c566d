"""``[[kind:id]]`` references: found outside code, resolved to the right page and anchor, or reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_infraspec.check import check
from mkdocs_infraspec.links import Links
from mkdocs_infraspec.render.xref import Resolver, check_spec_text, find_xrefs, first_sentence

SITE_SPEC = Path(__file__).parent / "fixtures" / "site" / "project" / "infra-specs"


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    result = check(SITE_SPEC, base=SITE_SPEC.parent)
    assert not result.errors
    return Resolver(result.index, Links())


def test_finds_references_with_their_line_and_column() -> None:
    source = "Intro\n\nUse the [[component:api]] and [[term:VPC|the network]].\n"
    found = list(find_xrefs(source))
    assert [(x.kind, x.target, x.text, x.line, x.column) for x in found] == [
        ("component", "api", None, 3, 9),
        ("term", "VPC", "the network", 3, 31),
    ]


def test_code_is_left_alone() -> None:
    source = (
        "`[[component:a]]` and ``[[component:b]]``\n"
        "```yaml\n[[component:c]]\n```\n"
        "~~~~\n[[component:d]]\n```\nstill code\n~~~~\n"
        "> ```\n> [[component:e]]\n> ```\n"
        "[[component:f]]\n"
    )
    assert [x.target for x in find_xrefs(source)] == ["f"]


def test_escaped_reference_is_kept_literally(resolver: Resolver) -> None:
    out = resolver.replace(r"Write \[[component:api]] for a link.", "index.md")
    assert out == "Write [[component:api]] for a link."


def test_links_from_a_hand_written_page(resolver: Resolver) -> None:
    out = resolver.replace("See [[component:api]], [[threat:data-theft]] and [[decision:database|our choice]].", "guide/reading.md")
    assert "[Booking API](../infra-specs/components/api.md " in out
    assert "[Theft of booking data](../infra-specs/security.md#threat-data-theft " in out
    assert "[our choice](../infra-specs/tradeoffs.md#decision-database " in out


def test_links_from_a_generated_page_stay_on_the_page(resolver: Resolver) -> None:
    out = resolver.replace("[[mitigation:encrypt-data]]", "infra-specs/security.md")
    assert out.startswith("[Encrypt the database](#mitigation-encrypt-data ")


def test_label_text_is_escaped(resolver: Resolver) -> None:
    # A name with Markdown characters shows literally in the link text.
    out = resolver.replace("[[external:skippers]]", "index.md")
    assert out.startswith("[Skippers](infra-specs/architecture.md#external-skippers ")


@pytest.mark.parametrize("written", ["VPC", "vpc", "Virtual Private Cloud", "virtual private cloud", "VPCs"])
def test_terms_match_their_id_text_expansion_alias_or_plural(resolver: Resolver, written: str) -> None:
    out = resolver.replace(f"[[term:{written}]]", "index.md")
    assert "(infra-specs/vocabulary.md#term-vpc " in out


def test_term_link_shows_the_form_written(resolver: Resolver) -> None:
    assert resolver.replace("[[term:VPCs]]", "index.md").startswith("[VPCs](")
    assert resolver.replace("[[term:vpc]]", "index.md").startswith("[VPC](")


def test_tooltips_say_what_the_item_is(resolver: Resolver) -> None:
    assert '"Component · ECS Fargate")' in resolver.replace("[[component:api]]", "index.md")
    assert '"Term · Virtual Private Cloud")' in resolver.replace("[[term:VPC]]", "index.md")
    assert '"Threat · information disclosure")' in resolver.replace("[[threat:data-theft]]", "index.md")


def test_unknown_targets_are_reported_with_a_suggestion(resolver: Resolver) -> None:
    reports = []
    out = resolver.replace("A [[component:apii]], a [[componnet:api]], a [[term:subnett]].", "index.md",
                           lambda xref, res: reports.append((xref.column, res.message, res.hint)))
    assert out == "A [[component:apii]], a [[componnet:api]], a [[term:subnett]]."
    assert reports == [
        (3, "unknown component 'apii'", "did you mean 'api'?"),
        (25, "unknown kind 'componnet'", "did you mean 'component'?"),
        (46, "unknown term 'subnett'", "did you mean 'Subnet'?"),
    ]


def test_component_links_without_component_pages(resolver: Resolver) -> None:
    flat = Resolver(resolver.index, Links(component_pages=False))
    assert "(infra-specs/responsibilities.md#component-api " in flat.replace("[[component:api]]", "index.md")


def test_spec_markdown_fields_are_checked_at_their_field(tmp_path: Path) -> None:
    import shutil

    spec = tmp_path / "infra-specs"
    shutil.copytree(SITE_SPEC, spec)
    path = spec / "assertions.yaml"
    path.write_text(path.read_text().replace("[[secret:db-password]]", "[[secret:db-pasword]]"))
    result = check(spec, base=tmp_path)
    diagnostics = check_spec_text(result.spec, Resolver(result.index, Links()))
    assert [(d.file, d.line, d.severity.value, d.message, d.hint) for d in diagnostics] == [
        ("infra-specs/assertions.yaml", 35, "warning", "unknown secret 'db-pasword' in [[secret:db-pasword]]", "did you mean 'db-password'?"),
    ]


def test_first_sentence_is_plain() -> None:
    assert first_sentence("An *isolated* network, see [[term:subnet|subnets]]. More.") == "An isolated network, see subnets."
    assert first_sentence("x" * 200).endswith("…")
