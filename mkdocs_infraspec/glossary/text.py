"""Character-level helpers of the glossary: length-preserving case folding, word characters, plain text.

Matches are found on a folded copy of a page's text and applied to the original, so the
folded copy must keep every character at its index: ``str.casefold`` alone does not
(``"ß".casefold() == "ss"``), hence :func:`fold`.
"""

from __future__ import annotations

import re
import unicodedata

#: The characters whose full case folding is longer than one character (Unicode 14: 104 of
#: them: ß, İ, ŉ, ǰ, the Greek letters with ypogegrammeni...). They fold to their lower-case
#: form when it is one character (``ẞ`` -> ``ß``), else stay as written (``İ``).
#: :func:`fold` checks its result's length, so a newer Unicode adding one is still handled.
_EXPANDING = "".join(
    chr(c)
    for c in (
        0xDF, 0x130, 0x149, 0x1F0, 0x390, 0x3B0, 0x587, 0x1E96, 0x1E97, 0x1E98, 0x1E99, 0x1E9A,
        0x1E9E, 0x1F50, 0x1F52, 0x1F54, 0x1F56, *range(0x1F80, 0x1FB0), 0x1FB2, 0x1FB3, 0x1FB4,
        0x1FB6, 0x1FB7, 0x1FBC, 0x1FC2, 0x1FC3, 0x1FC4, 0x1FC6, 0x1FC7, 0x1FCC, 0x1FD2, 0x1FD3,
        0x1FD6, 0x1FD7, 0x1FE2, 0x1FE3, 0x1FE4, 0x1FE6, 0x1FE7, 0x1FF2, 0x1FF3, 0x1FF4, 0x1FF6,
        0x1FF7, 0x1FFC, *range(0xFB00, 0xFB07), *range(0xFB13, 0xFB18),
    )
)


def _fold_char(char: str) -> str:
    folded = char.casefold()
    if len(folded) == 1:
        return folded
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


_SINGLE = {char: _fold_char(char) for char in _EXPANDING}
_EXPANDING_RE = re.compile("[" + re.escape(_EXPANDING) + "]")

#: Every kind of white space (newlines of wrapped Markdown lines, no-break spaces) reads as
#: one plain space, so that ``Security\nGroup`` matches the term ``Security Group``.
_SPACES = {code: " " for code in range(0x3001) if chr(code).isspace()}  # U+3000 is the last


#: White space and every character that ends a word, as one space: what the automaton scans
#: (see :func:`mask`). ASCII and the usual typographic marks go through ``str.translate``;
#: any other non-word character through :data:`_NON_WORD`, only in text that has one.
_MASK = {
    **_SPACES,
    **{code: " " for code in range(128) if not (chr(code).isalnum() or chr(code) == "_")},
    **{ord(char): " " for char in "‘’‚“”„–—…«»‹›·•¶§°©®™"},
}
_NON_WORD = re.compile(r"[^\w\x00-\x7f]")


def fold(text: str) -> str:
    """``text`` case-folded and with white space made plain, one character for each character.

    ``fold(text)[i]`` is always the folded form of ``text[i]``, so a match found in the
    folded text is at the same offsets in the original.
    """
    folded = text.casefold()
    if len(folded) != len(text):
        folded = _fold_slow(text)
    return folded.translate(_SPACES)


def mask(text: str) -> str:
    """:func:`fold`, with every character that is not part of a word (punctuation, combining
    marks included) made a space too; still one character for each character.

    The automaton scans this: a term that must start a word is a key with a leading space,
    so between word starts the automaton stays at its root and each character costs little.
    """
    folded = text.casefold()
    if len(folded) != len(text):
        folded = _fold_slow(text)
    masked = folded.translate(_MASK)
    if not masked.isascii() and _NON_WORD.search(masked):
        masked = _NON_WORD.sub(" ", masked)
    return masked


def _fold_slow(text: str) -> str:
    pieces: list[str] = []
    last = 0
    for match in _EXPANDING_RE.finditer(text):
        pieces.append(text[last : match.start()].casefold())
        pieces.append(_SINGLE[match.group()])
        last = match.end()
    pieces.append(text[last:].casefold())
    folded = "".join(pieces)
    if len(folded) != len(text):  # a character this Unicode version added: go one by one
        folded = "".join(_fold_char(char) for char in text)
    return folded


def is_word_char(char: str) -> bool:
    """Whether ``char`` continues a word: a letter or digit of any script, a combining mark, ``_``.

    ``VPCé`` and ``VPC\u0301`` (a combining accent) are one word, so neither contains ``VPC``;
    ``VPC-peering``, ``VPC's`` and ``(VPC)`` do.
    """
    if char.isalnum() or char == "_":
        return True
    return unicodedata.category(char)[0] == "M" if char > "\x7f" else False


def normalize_form(form: str) -> str:
    """A written form as it is matched: stripped, inner white space collapsed to one space."""
    return " ".join(form.split())


# --- plain text of a Markdown definition, for tooltips ---------------------------------------

_MD_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\[\[[a-z-]+:([^\]|]+)(?:\|([^\]]+))?\]\]"), r"\2\1"),  # [[term:vpc|VPC]]
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # inline links
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<[^>]+>"), ""),  # inline HTML
    (re.compile(r"(\*\*|__|\*|`|~~)"), ""),  # emphasis and code marks
    (re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)", re.M), ""),  # block marks
)


def plain_text(markdown: str, limit: int = 240) -> str:
    """A Markdown text as one line of plain text, cut at a word near ``limit`` characters."""
    text = markdown
    for pattern, replacement in _MD_PATTERNS:
        text = pattern.sub(replacement, text)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:.") + "…"
