"""The URL and anchor scheme of generated pages."""

from __future__ import annotations

import pytest

from mkdocs_infraspec.links import Links, anchor, concern_of_kind


def test_every_kind_has_a_page() -> None:
    pages = concern_of_kind()
    assert pages["term"] == "vocabulary"
    assert pages["threat"] == "security"
    assert pages["subnet"] == "architecture"
    assert pages["question"] == "clarifications"
    assert anchor("term", "vpc") == "term-vpc"


@pytest.mark.parametrize(
    ("from_src", "kind", "ident", "url"),
    [
        ("infra-specs/security.md", "threat", "x", "#threat-x"),
        ("infra-specs/security.md", "component", "db", "../components/db/"),
        ("infra-specs/components/db.md", "term", "vpc", "../../vocabulary/#term-vpc"),
        ("infra-specs/index.md", "decision", "d", "tradeoffs/#decision-d"),
        ("index.md", "component", "db", "infra-specs/components/db/"),
        ("guide/intro.md", "term", "vpc", "../../infra-specs/vocabulary/#term-vpc"),
    ],
)
def test_item_urls(from_src: str, kind: str, ident: str, url: str) -> None:
    assert Links().item_url(kind, ident, from_src) == url


def test_urls_without_directory_urls_and_custom_prefix() -> None:
    links = Links(prefix="spec/", use_directory_urls=False)
    assert links.item_url("term", "vpc", "spec/components/db.md") == "../vocabulary.html#term-vpc"
    assert links.item_url("component", "db", "index.md") == "spec/components/db.html"


def test_source_links() -> None:
    links = Links()
    assert links.source_link("threat", "x", "infra-specs/security.md") == "#threat-x"
    assert links.source_link("component", "db", "index.md") == "infra-specs/components/db.md"
    assert links.source_link("term", "vpc", "infra-specs/components/db.md") == "../vocabulary.md#term-vpc"


def test_links_to_the_site_root_end_with_a_slash() -> None:
    links = Links()
    assert links.relative("index.md", "infra-specs/components/db.md") == "../../../"
    assert links.relative("index.md", "infra-specs/security.md") == "../../"
    assert links.relative("infra-specs/index.md", "infra-specs/security.md") == "../"
    assert links.relative("infra-specs/security.md", "infra-specs/security.md", "threat-x") == "#threat-x"
