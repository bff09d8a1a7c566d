"""glossary.text: length-preserving case folding, Unicode word characters, tooltip text."""

from __future__ import annotations

import sys

import pytest

from mkdocs_infraspec.glossary.text import fold, is_word_char, normalize_form, plain_text


def test_fold_keeps_every_code_point_at_its_index() -> None:
    everything = "".join(chr(code) for code in range(sys.maxunicode + 1))
    folded = fold(everything)
    assert len(folded) == len(everything)
    assert fold("ABC Zürich") == "abc zürich"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Straße", "straße"),  # casefold would give "strasse", two characters for one
        ("STRAẞE", "straße"),  # capital sharp s folds to its one-character lower case
        ("İstanbul VPC", "İstanbul vpc"),  # U+0130 lowers to two characters: kept as written
        ("ﬁle", "ﬁle"),  # the ligature folds to "fi": kept
        ("ΣΊΣΥΦΟΣ", "σίσυφοσ"),
    ],
)
def test_fold_of_characters_whose_folding_expands(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


def test_fold_makes_every_space_plain() -> None:
    assert fold("Security\nGroup\u00a0A\tB\u3000C") == "security group a b c"


@pytest.mark.parametrize("char", ["a", "Z", "é", "ü", "ß", "7", "_", "\u0301", "ж", "中", "٣"])
def test_word_characters(char: str) -> None:
    assert is_word_char(char)


@pytest.mark.parametrize("char", [" ", "-", "'", "’", ".", ",", "(", "\u00a0", "\x00", "/", "&"])
def test_word_boundaries(char: str) -> None:
    assert not is_word_char(char)


def test_normalize_form() -> None:
    assert normalize_form("  Security \n  Group ") == "Security Group"


def test_plain_text_of_markdown() -> None:
    assert plain_text("An **isolated** [network](x.md) of `one` [[term:environment]].") == (
        "An isolated network of one environment."
    )
    assert plain_text("- first\n- second <b>bold</b>") == "first second bold"


def test_plain_text_is_cut_at_a_word() -> None:
    text = plain_text("word " * 100, limit=23)
    assert text == "word word word word…"
