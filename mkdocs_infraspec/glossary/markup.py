"""A small, fast HTML tokenizer for the linker: tags, comments, raw text, attributes, character references.

Not a full HTML parser: it finds where tags are so that only text between them is ever
changed, and it never rewrites the markup it does not change. Possessive quantifiers
(Python 3.11) keep every pattern linear, whatever the input.
"""

from __future__ import annotations

import html
import re

#: One markup token at a ``<``: a comment, CDATA, a declaration or processing instruction, or a
#: start or end tag (group ``end`` is ``/`` for an end tag, ``name`` the tag name, ``attrs`` the
#: rest). A ``<`` that starts none of them is text, as in a browser.
TOKEN = re.compile(
    r"""<(?:
        !--.*?(?:-->|\Z)
      | !\[CDATA\[.*?(?:\]\]>|\Z)
      | [!?][^>]*+>
      | (?P<end>/?)(?P<name>[A-Za-z][^\s/>]*+)(?P<attrs>(?:[^>"']++|"[^"]*+"|'[^']*+')*+)>
    )""",
    re.S | re.X,
)

#: Elements whose content is raw text: no tags inside, up to the matching end tag.
RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})

#: Elements that never have content or an end tag.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)

_RAW_END: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"</{name}\s*>", re.I) for name in RAW_TEXT
}

_ATTR = re.compile(r"""([^\s"'>/=]++)(?:\s*+=\s*+(?:"([^"]*+)"|'([^']*+)'|([^\s>]++)))?""")

_CHARREF = re.compile(r"&(?:#[0-9]++;?|#[xX][0-9a-fA-F]++;?|[A-Za-z][A-Za-z0-9]*+;?)")


def attributes(text: str) -> dict[str, str]:
    """The attributes of a start tag (the text after its name), names lower-cased, values decoded."""
    found: dict[str, str] = {}
    for match in _ATTR.finditer(text):
        name = match.group(1).lower()
        if name in found:
            continue  # the first of two equal attributes wins, as in a browser
        value = match.group(2) if match.group(2) is not None else match.group(3)
        if value is None:
            value = match.group(4) or ""
        found[name] = html.unescape(value) if "&" in value else value
    return found


def raw_text_end(markup: str, name: str, start: int) -> tuple[int, int]:
    """Where the raw text of element ``name`` opened before ``start`` ends, and its end tag ends."""
    match = _RAW_END[name].search(markup, start)
    if match is None:
        return len(markup), len(markup)
    return match.start(), match.end()


def decode(raw: str) -> tuple[str, list[int] | None]:
    """The text of ``raw`` with character references decoded, and where each character came from.

    Without references the text is ``raw`` and the map ``None`` (offsets are equal). With them,
    ``offsets[i]`` is the index in ``raw`` of decoded character ``i`` (``offsets[len]`` is
    ``len(raw)``), or ``-1`` inside a reference that decodes to several characters, which is
    no place to start or end a link.
    """
    if "&" not in raw:
        return raw, None
    pieces: list[str] = []
    offsets: list[int] = []
    last = 0
    for match in _CHARREF.finditer(raw):
        start = match.start()
        if start > last:
            pieces.append(raw[last:start])
            offsets.extend(range(last, start))
        decoded = html.unescape(match.group())
        pieces.append(decoded)
        offsets.append(start)
        offsets.extend([-1] * (len(decoded) - 1))
        last = match.end()
    pieces.append(raw[last:])
    offsets.extend(range(last, len(raw) + 1))
    return "".join(pieces), offsets
