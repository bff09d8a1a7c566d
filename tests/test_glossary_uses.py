"""glossary.uses: collecting uses across pages, and the backlinks HTML of the vocabulary page."""

from __future__ import annotations

from mkdocs_infraspec.glossary import (
    BACKLINKS_PLACEHOLDER,
    Use,
    UseIndex,
    fill_backlinks,
    render_backlinks,
)
from mkdocs_infraspec.links import Links

VOCAB = "infra-specs/vocabulary.md"


def test_recording_a_page_again_replaces_its_uses() -> None:
    index = UseIndex()
    index.record("a.md", [Use("vpc", "a.md", None, None, 2), Use("subnet", "a.md", "x", "X")])
    index.record("b.md", [Use("vpc", "b.md", "y", "Y")])
    index.record("a.md", [Use("subnet", "a.md", "x", "X")])
    assert index.of("vpc") == [Use("vpc", "b.md", "y", "Y")]
    assert set(index.by_term()) == {"vpc", "subnet"}
    assert len(list(index)) == 2
    index.retain(["b.md", "c.md"])
    assert list(index) == [Use("vpc", "b.md", "y", "Y")]
    index.clear()
    assert list(index) == []


def test_backlinks_html() -> None:
    uses = [
        Use("vpc", "guide.md", None, None, 2),
        Use("vpc", "guide.md", "guide", "Guide <one>"),
        Use("vpc", "guide.md", "setup", "Set up & run"),
        Use("vpc", "infra-specs/security.md", "threat-x", "Threat X"),
        Use("vpc", "infra-specs/security.md", "threat-x", "Threat X"),
    ]
    titles = {"guide.md": "Guide <one>"}
    assert render_backlinks(uses, Links(), VOCAB, titles) == (
        '<p class="infraspec-backlinks-title"><strong>Used in</strong></p>'
        '<ul class="infraspec-backlinks infraspec-nolink">'
        '<li><a href="../../guide/">Guide &lt;one&gt;</a>: <a href="../../guide/#setup">Set up &amp; run</a></li>'
        '<li><a href="../security/">infra-specs/security.md</a>: <a href="../security/#threat-x">Threat X</a></li>'
        "</ul>"
    )
    assert render_backlinks([], Links(), VOCAB, titles) == (
        '<p class="infraspec-backlinks infraspec-backlinks-empty">Not used on any page yet.</p>'
    )


def test_placeholders_are_filled() -> None:
    html = "<div>" + BACKLINKS_PLACEHOLDER.format(term="vpc") + "</div><p>" + BACKLINKS_PLACEHOLDER.format(term="subnet") + "</p>"
    assert fill_backlinks(html, lambda term: f"[{term}]") == "<div>[vpc]</div><p>[subnet]</p>"
