"""Plain text is shown literally in Markdown; Markdown fields stay Markdown; figures read well."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import markdown
import pytest
from markupsafe import Markup

from mkdocs_infraspec.models.types import Duration
from mkdocs_infraspec.render import text

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "pymdownx.tabbed", "pymdownx.emoji", "pymdownx.mark", "pymdownx.tilde"]


def rendered(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


HOSTILE = [
    "# not a heading",
    "- not a list",
    "1. not a numbered list",
    "* star",
    "+ plus",
    "> not a quote",
    "!!! note",
    "??? note",
    '=== "Tab"',
    ": definition",
    "**not bold** and _not italic_ and *not either*",
    "[not a link](https://example.com)",
    "![not an image](x.png)",
    "<b>not bold</b> & <script>alert(1)</script>",
    "`not code`",
    "a | pipe | table",
    "~~not struck~~ ==not marked== ^^not inserted^^",
    ":smile: is not an emoji",
    "{ #not-an-anchor }",
    "back\\slash \\* escaped",
    "$x$ not maths",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_plain_text_renders_as_itself(value: str) -> None:
    html = rendered(f"Before {text.escape(value)} after\n\n{text.escape(value)}")
    # The browser shows the text as written: decoding the HTML gives it back, tags and all.
    import html as html_lib

    shown = html_lib.unescape(html)
    assert f"Before {value} after" in shown
    assert f"<p>{value}</p>" in shown
    assert "<script>" not in html and "<h1" not in html and "<li" not in html and "<blockquote" not in html


def test_plain_text_stays_on_one_line_in_a_table_cell() -> None:
    cell = text.escape("first line\nsecond | line")
    html = rendered(f"| A | B |\n|---|---|\n| {cell} | x |")
    assert html.count("<td>") == 2
    assert "first line second | line" in __import__("html").unescape(html)


def test_escape_keeps_spaces_around_separators() -> None:
    assert str(text.escape(", ")) == ", "
    assert str(text.separator(" · ")) == " · "


def test_markup_passes_through() -> None:
    assert text.escape(Markup("**bold**")) == "**bold**"


def test_markdown_field_keeps_markup_and_indents_continuation_lines() -> None:
    value = "First *paragraph*.\n\n- a list\n- of items\n"
    assert text.markdown(value) == "First *paragraph*.\n\n- a list\n- of items"
    assert text.markdown(value, 4) == "First *paragraph*.\n\n    - a list\n    - of items"
    html = rendered(f"!!! note\n\n    {text.markdown(value, 4)}\n")
    assert '<div class="admonition note">' in html and "<em>paragraph</em>" in html and "<li>of items</li>" in html


def test_code_spans_survive_backticks() -> None:
    assert text.code("a`b") == "``a`b``"
    assert text.code("`edge`") == "`` `edge` ``"
    assert "<code>a`b</code>" in rendered(str(text.code("a`b")))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (True, "yes"),
        (Duration.parse("90m"), "90m"),
        (dt.date(2026, 1, 2), "2026-01-02"),
        (Decimal("1900"), "1,900"),
        (12.5, "12.5"),
    ],
)
def test_plain(value: object, expected: str) -> None:
    assert text.plain(value) == expected


def test_figures() -> None:
    assert text.money(Decimal("1900"), "USD") == "$1,900"
    assert text.money(Decimal("300.5"), "EUR") == "€300.50"
    assert text.money(Decimal("10"), "CHF") == "CHF 10"
    assert text.percent(99.95) == "99.95%"
    assert text.percent(80.0) == "80%"
    assert text.duration(Duration.parse("90m")) == "1 h 30 min"
    assert text.words("information-disclosure") == "Information disclosure"


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (["mon", "tue", "wed", "thu", "fri"], "Mon–Fri"),
        (["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "Every day"),
        (["sat", "sun"], "Sat, Sun"),
        (["mon", "wed", "thu", "fri"], "Mon, Wed–Fri"),
    ],
)
def test_days(days: list[str], expected: str) -> None:
    assert text.days(days) == expected
