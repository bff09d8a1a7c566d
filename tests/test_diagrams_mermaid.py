"""The Mermaid builder: escaping of any user text, stable ids, links, limits, the text it writes."""

from __future__ import annotations

import re

import pytest

from mkdocs_infraspec.diagrams.mermaid import (
    MAX_EDGES,
    MAX_LABEL_CHARS,
    MAX_TEXT_SIZE,
    Flowchart,
    Markup,
    escape,
    fits,
    label,
    node_id,
    safe_url,
    text_id,
    utf16_length,
    wrap,
)

#: Text a user might write in any name, and that must reach the reader literally.
HOSTILE = [
    'a "quoted" name',
    "it's",
    "[brackets] (parens) {braces} |pipes|",
    "a/b\\c",
    "<script>alert(1)</script>",
    "<b>bold</b> &amp; & #quot; #35; &#35;",
    "x; y",
    "a --> b -.-> c ==> d ~~~ e",
    "%% comment",
    '%%{init: {"theme": "dark"}}%%',
    "`**markdown string**`",
    "line1\nline2\r\nline3",
    "Zürich 🚀 日本語 👩‍👩‍👧",
    "end",
    "subgraph x",
    "style: #f00;",
    "classDef x fill:#f00;",
    "ﬂ°°lt¶ß",
    'click x "javascript:alert(1)"',
    '"]; click a "http://evil"',
    "\u202egnp.exe",
    "tab\there",
    "nul\x00byte",
]

#: What may never appear raw in escaped text: it would end a label, open a comment, a
#: directive or a Markdown string, or be read as HTML or as an entity.
FORBIDDEN = ['"', "%%", "<", ">", "`", "\n", "\r", "&", "|", "{", "}", "\\", "\x00", "\u202e"]


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_leaves_nothing_mermaid_could_read_as_syntax(text: str) -> None:
    escaped = escape(text)
    without_breaks = escaped.replace("<br>", "")
    for forbidden in FORBIDDEN:
        assert forbidden not in without_breaks, (text, escaped)
    # Every ``#`` starts an entity that ends at the next ``;`` (Mermaid decodes #name; only).
    assert re.sub(r"#(?:\d+|[a-z]+);", "", without_breaks).count("#") == 0
    assert "style" not in escaped and "classDef" not in escaped


def test_escape_maps_each_special_character_to_its_entity() -> None:
    assert escape('"') == "#quot;"
    assert escape("#") == "#35;"
    assert escape("<a>") == "#lt;a#gt;"
    assert escape("&") == "#amp;"
    assert escape("%%") == "#37;#37;"
    assert escape("`") == "#96;"
    assert escape(";") == "#59;"
    assert escape("one\ntwo") == "one<br>two"
    assert escape("plain text / with (parens) and [brackets]") == "plain text / with (parens) and [brackets]"


def test_escape_keeps_unicode_and_drops_control_characters() -> None:
    assert escape("Zürich 🚀 日本語 👩‍👩‍👧") == "Zürich 🚀 日本語 👩‍👩‍👧"
    assert escape("a\x00b\u202ec\td") == "abc d"


def test_escape_cuts_long_text_with_an_ellipsis() -> None:
    text = "x" * (MAX_LABEL_CHARS * 3)
    assert escape(text) == "x" * (MAX_LABEL_CHARS - 1) + "…"
    assert escape(text, None) == text


def test_markup_passes_unescaped_and_label_joins_lines() -> None:
    assert escape(Markup("a<br>b")) == "a<br>b"
    assert label("Name", None, "", "10.0.0.0/16 <x>") == "Name<br>10.0.0.0/16 #lt;x#gt;"
    assert Markup("a") + "<b>" == "a#lt;b#gt;"


def test_node_ids_are_stable_safe_and_distinct() -> None:
    assert node_id("component", "rds-main") == "component_rds_main"
    assert node_id("layer", "data") == "layer_data"
    ids = {node_id("component", ident) for ident in ("a-b", "ab", "a-b-c", "a-bc", "ab-c")}
    assert len(ids) == 5
    # Anything that is not a kebab-case id is free text: hashed, never used raw.
    assert re.fullmatch(r"[a-z0-9_]+", node_id("x", 'evil"]; click'))


def test_text_ids_differ_for_texts_that_differ_only_in_punctuation() -> None:
    first, second = text_id("zone", "eu-west-1a"), text_id("zone", "eu west 1a")
    assert first != second
    assert first == text_id("zone", "eu-west-1a")
    for text in HOSTILE:
        assert re.fullmatch(r"zone_[a-z0-9_]+", text_id("zone", text)), text


def test_safe_url_percent_encodes_what_could_end_the_quoted_url() -> None:
    assert safe_url("../components/web/") == "../components/web/"
    assert safe_url("#layer-data") == "#layer-data"
    assert safe_url('a"b c%%d\n') == "a%22b%20c%25%25d%0A"


def test_utf16_length_counts_like_javascript() -> None:
    assert utf16_length("abc") == 3
    assert utf16_length("🚀") == 2


def test_flowchart_writes_groups_nodes_edges_classes_and_clicks() -> None:
    chart = Flowchart("LR")
    chart.style("hot", "fill:#f00")
    group = chart.group("g1", "Group <1>", direction="TB", css="hot")
    group.node("n1", 'Node "one"', url="../one/")
    group.node("n2", "Two", shape="database")
    group.chain(["n1", "n2"])
    chart.node("n3", "Three", shape="stadium", css="hot")
    chart.edge("n1", "n3", "HTTPS 443")
    chart.edge("n1", "n3", "HTTPS 443")  # the same edge twice is drawn once
    chart.edge("n2", "n3", style="dotted")
    assert chart.text() == (
        "---\n"
        "config:\n"
        "  flowchart:\n"
        "    subGraphTitleMargin:\n"
        "      top: 4\n"
        "      bottom: 12\n"
        "---\n"
        "flowchart LR\n"
        '  subgraph g1 ["Group #lt;1#gt;"]\n'
        "    direction TB\n"
        '    n1["Node #quot;one#quot;"]\n'
        '    n2[("Two")]\n'
        "    n1 ~~~ n2\n"
        "  end\n"
        '  n3(["Three"])\n'
        '  n1 -->|"HTTPS 443"| n3\n'
        "  n2 -.-> n3\n"
        "  classDef hot fill:#f00\n"
        "  class n3,g1 hot\n"
        '  click n1 "../one/"\n'
    )
    assert chart.edge_count == 3  # two edges and the invisible link


def test_empty_labels_stay_valid() -> None:
    chart = Flowchart("TB")
    chart.node("n1", "")
    assert 'n1[" "]' in chart.text()


def test_fits_measures_text_and_edges() -> None:
    chart = Flowchart("LR")
    for number in range(MAX_EDGES + 1):
        chart.edge("a", f"b{number}")
    assert not fits(chart)
    small = Flowchart("LR")
    small.node("a", "x" * 100)
    assert fits(small)
    big = Flowchart("LR")
    for number in range(MAX_TEXT_SIZE // 100 + 1):
        big.node(f"n{number}", "x" * 100)
    assert not fits(big)


def test_wrap_breaks_long_titles_at_spaces_and_escapes_each_line() -> None:
    assert wrap("Account shop-prod (the <prod> account of the shop, with stricter rules)", 30) == (
        "Account shop-prod (the #lt;prod#gt;<br>account of the shop, with<br>stricter rules)"
    )
    assert wrap("short") == "short"
    assert wrap("a-very-long-identifier-with-no-spaces-at-all-anywhere", 10) == "a-very-long-identifier-with-no-spaces-at-all-anywhere"


def test_room_under_subgraph_titles_grows_with_their_lines() -> None:
    def bottom(*titles: str) -> int:
        chart = Flowchart()
        for number, title in enumerate(titles):
            chart.group(f"g{number}", Markup(title))
        found = re.search(r"bottom: (\d+)", chart.text())
        assert found is not None
        return int(found.group(1))

    assert (bottom("one"), bottom("one", "two<br>lines"), bottom("three<br>lines<br>here")) == (12, 36, 60)


def test_styles_leave_text_colour_to_the_theme_and_fills_translucent() -> None:
    from mkdocs_infraspec.diagrams.context import STYLES, TONES

    # Material colours every label itself (light text on its dark scheme): an opaque pastel
    # fill or a fixed text colour would make labels unreadable on one of the two schemes.
    declarations = [*STYLES.values(), *(f"fill:{fill},stroke:{stroke}" for fill, stroke in TONES)]
    for declaration in declarations:
        assert "color:" not in declaration, declaration
        fill = re.search(r"fill:([^,]+)", declaration)
        assert fill is not None and re.fullmatch(r"none|#[0-9a-f]{8}", fill.group(1)), declaration
