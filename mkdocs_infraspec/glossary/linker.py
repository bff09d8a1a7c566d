"""Links the uses of terms in a page's HTML to their vocabulary entries, and records where each is used.

One pass of :data:`markup.TOKEN` over the HTML gathers the text that may be linked (never
inside code, preformatted blocks, links, headings, scripts, SVG, Mermaid blocks, elements
marked ``infraspec-nolink``, attributes or comments) into one string; one run of the
glossary's automaton over that string finds every use; the links are then spliced into the
original markup, which is otherwise left byte for byte as it was.
"""

from __future__ import annotations

import html as _html
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from ..links import Links
from .markup import RAW_TEXT, TOKEN, VOID, attributes, decode, raw_text_end
from .matcher import LINK_CLASS, Glossary

LinkMode = Literal["first", "section", "all", "none"]
#: ``first``: a term's first use on a page; ``section``: its first use after each ``h1``/``h2``;
#: ``all``: every use; ``none``: no links, uses are still recorded (for backlinks).
LINK_MODES: tuple[str, ...] = ("first", "section", "all", "none")

#: The class of a term's entry on the vocabulary page; the term is not linked inside it.
ENTRY_CLASS = "infraspec-term-entry"
#: The class that keeps the linker out of an element and everything in it.
NOLINK_CLASS = "infraspec-nolink"

#: Elements whose text is never linked: code, links (and mkdocs-autorefs' ``<autoref>``, a
#: link to be), headings and the titles of collapsible blocks and tabs (a link there would
#: take the click that opens them), scripts, forms, graphics.
SKIP_TAGS = frozenset(
    {"a", "autoref", "code", "pre", "kbd", "samp", "var", "tt", "h1", "h2", "h3", "h4", "h5", "h6", "script",
     "style", "svg", "math", "textarea", "select", "option", "button", "template", "title",
     "noscript", "iframe", "object", "head", "summary", "label"}
)
#: Classes whose elements are never linked: Mermaid diagrams, math, admonition titles (headings
#: in all but name), an author's opt-out.
SKIP_CLASSES = frozenset({NOLINK_CLASS, "mermaid", "arithmatex", "headerlink", "admonition-title"})
#: Inline elements that do not end a word: ``<em>VPC</em>s`` is the one word ``VPCs``.
INLINE = frozenset(
    {"em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "big", "sub", "sup",
     "span", "abbr", "cite", "q", "dfn", "time", "bdi", "bdo", "data", "wbr", "font"}
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Tags that, written without attributes outside skipped elements (and not named like an open
#: term entry, whose end they could be), mean
#: nothing more to the linker than "a block ends or starts here" (or, if inline, nothing).
_PLAIN = INLINE.union(
    {"p", "li", "ul", "ol", "dl", "dt", "dd", "div", "blockquote", "table", "thead", "tbody",
     "tfoot", "tr", "td", "th", "br", "hr", "section", "article", "aside", "details",
     "figure", "figcaption", "header", "footer", "main", "nav", "caption"}
)
#: Headings that open a new section for ``mode="section"``.
SECTION_HEADINGS = frozenset({"h1", "h2"})

#: Put between texts that markup separates (paragraphs, cells, skipped code): ends any word
#: and any multi-word term, and is in no term.
_SEPARATOR = "\x00"


_new_tuple = tuple.__new__


class Use(NamedTuple):
    """Where a term is used: a page, the section (nearest heading before it) and how often there.

    A named tuple, not a dataclass: a build makes one for each term in each section of each
    page, and a tuple is several times cheaper to make.
    """

    term: str
    """The term's id."""
    page: str
    """The page's source path (``infra-specs/security.md``)."""
    anchor: str | None
    """The id of the nearest heading before the use; ``None`` above the first heading."""
    heading: str | None
    """That heading's text."""
    occurrences: int = 1
    """How many times the term is used in that section."""


@dataclass
class LinkResult:
    """A page's HTML with its terms linked, and every use of a term found in it."""

    html: str
    uses: list[Use] = field(default_factory=list)
    linked: int = 0
    """How many links were added."""


#: A text node that may be linked, as a tuple (one is made for every text node of every page):
#: (start and end in the gathered text, start in the HTML, character offsets from
#: :func:`markup.decode` or ``None``, section index, scope index, terms excluded there).
_Segment = tuple[int, int, int, "list[int] | None", int, int, frozenset[str]]


@dataclass
class _Heading:
    anchor: str | None
    text: list[str] = field(default_factory=list)
    quiet: int = 0  # inside the heading's permalink (``<a class="headerlink">¶</a>``)


@dataclass
class _Open:
    """An open term entry: its element name, nesting depth of that name, and the term."""

    name: str
    depth: int
    term: str


def link_html(
    html: str, page_src: str, glossary: Glossary, links: Links, *, mode: LinkMode = "first"
) -> LinkResult:
    """Link the uses of ``glossary``'s terms in ``html``, the content of page ``page_src``.

    Each link is ``<a class="infraspec-term" href="URL#term-ID" title="DEFINITION">text as
    written</a>``, its URL relative to ``page_src`` (no more attributes: each byte is paid
    again by every later step of the build, the search index first). See
    :data:`LINK_MODES` for ``mode``. Terms with ``link: false`` are recorded, never linked.
    """
    if mode not in LINK_MODES:
        raise ValueError(f"unknown link mode {mode!r}: use one of {', '.join(LINK_MODES)}")
    if not glossary:
        return LinkResult(html)
    gathered = _gather(html)
    text = "".join(gathered.pieces)
    segments = gathered.segments
    starts = gathered.starts
    occurrences: list[tuple[str, int]] = []  # (term, section) of every use, counted at the end
    record = occurrences.append
    linked: set[object] = set()  # term ids, or (scope, term id) with mode="section"
    splices: list[tuple[int, int, str]] = []
    explicit = iter(gathered.explicit)
    pending = next(explicit, None)
    by_section = mode == "section"
    every = mode == "all"
    nothing = mode == "none"

    def take_explicit(before: int) -> None:
        nonlocal pending
        while pending is not None and pending[0] <= before:
            _, ident, section, scope = pending
            if ident in glossary.by_id:
                record((ident, section))
                linked.add((scope, ident) if by_section else ident)
            pending = next(explicit, None)

    for start, stop, term in glossary.spans(text):
        if pending is not None and pending[0] <= start:
            take_explicit(start)
        first, last, raw_start, offsets, section, scope, excluded = segments[bisect_right(starts, start) - 1]
        ident = term.id
        if excluded and ident in excluded:
            continue  # the term inside its own entry is its definition, not a use
        record((ident, section))
        if nothing or stop > last or not term.link:
            continue  # a use split by markup (``<em>Security</em> Group``) is counted, not linked
        key = (scope, ident) if by_section else ident
        if not every and key in linked:
            continue
        begin, end = start - first, stop - first
        if offsets is not None:
            begin, end = offsets[begin], offsets[end]
            if begin < 0 or end < 0:
                continue
        linked.add(key)
        splices.append((raw_start + begin, raw_start + end, ident))
    take_explicit(len(text))

    sections = gathered.sections
    uses = [  # tuple.__new__: what Use(...) does, without its Python-level constructor
        _new_tuple(Use, (ident, page_src, *sections[section], count))
        for (ident, section), count in Counter(occurrences).items()
    ]
    return LinkResult(_splice(html, splices, page_src, glossary, links), uses, len(splices))


def _splice(
    html: str, splices: list[tuple[int, int, str]], page_src: str, glossary: Glossary, links: Links
) -> str:
    if not splices:
        return html
    # Every term is on the one vocabulary page: one relative URL for the page, and the start
    # tags of the links made once for all the pages that share it.
    target = links.page_of("term", splices[0][2])
    heads = glossary.link_heads("" if target == page_src else links.relative(target, page_src))
    out: list[str] = []
    last = 0
    for begin, end, ident in splices:
        out.append(html[last:begin])
        out.append(heads[ident])
        out.append(html[begin:end])
        out.append("</a>")
        last = end
    out.append(html[last:])
    return "".join(out)


@dataclass
class _Gathered:
    pieces: list[str] = field(default_factory=list)
    segments: list[_Segment] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    """Each segment's start in the gathered text, for bisection."""
    sections: list[tuple[str | None, str | None]] = field(default_factory=lambda: [(None, None)])
    explicit: list[tuple[int, str, int, int]] = field(default_factory=list)
    """Existing term links: (offset in the gathered text, term id, section, scope)."""


def _gather(html: str) -> _Gathered:
    """One pass over ``html``: the linkable text, its sections, and the existing term links."""
    found = _Gathered()
    pieces, segments, starts, sections = found.pieces, found.segments, found.starts, found.sections
    size = 0
    separate = False
    scope = 0
    skip: str | None = None  # the element being skipped, and how deep in same-named ones
    skip_depth = 0
    heading: _Heading | None = None
    entries: list[_Open] = []
    entry_names: frozenset[str] = frozenset()  # the element names of the open entries
    excluded: frozenset[str] = frozenset()
    section = 0  # the index of the current section in ``sections``
    pos = 0
    tokens = TOKEN.finditer(html)
    while True:
        token = next(tokens, None)
        if token is not None:
            stop, after = token.span()
        else:
            stop = len(html)
        if stop > pos:
            if skip is None:
                raw = html[pos:stop]
                # White space right after a block boundary (the line breaks between blocks)
                # can start no match: leave it out, it is most text nodes of a page.
                if not separate or not raw.isspace():
                    text, offsets = decode(raw) if "&" in raw else (raw, None)
                    if separate:
                        pieces.append(_SEPARATOR)
                        size += 1
                        separate = False
                    starts.append(size)
                    end = size + len(text)
                    segments.append((size, end, pos, offsets, section, scope, excluded))
                    pieces.append(text)
                    size = end
            elif heading is not None and not heading.quiet:
                heading.text.append(_html.unescape(html[pos:stop]))
        if token is None:
            break
        pos = after
        closing, name, rest = token.groups()
        if name is None:
            continue  # a comment or declaration: invisible, and no word boundary
        if not rest and skip is None and name in _PLAIN and name not in entry_names:
            # most tags of a page (<p>, </p>, <li>, </em>...): only a block boundary or nothing
            # (names as Markdown writes them, in lower case; others are lowered below)
            if name not in INLINE:
                separate = True
            continue
        name = name.lower()

        if closing:  # an end tag
            if skip is not None:
                if name == skip:
                    skip_depth -= 1
                    if skip_depth == 0:
                        skip = None
                        if heading is not None:
                            title = " ".join("".join(heading.text).split())
                            sections.append((heading.anchor, title or None))
                            section += 1
                            heading = None
                elif heading is not None and name == "a" and heading.quiet:
                    heading.quiet -= 1
                continue
            if name not in INLINE:
                separate = True
            if entries:
                for entry in entries:
                    if entry.name == name:
                        entry.depth -= 1
                if entries[-1].depth <= 0:
                    entries = [entry for entry in entries if entry.depth > 0]
                    excluded = frozenset(entry.term for entry in entries)
                    entry_names = frozenset(entry.name for entry in entries)
            continue

        closed = name in VOID or rest.endswith("/")
        if name in RAW_TEXT:
            pos = raw_text_end(html, name, pos)[1]
            tokens = TOKEN.finditer(html, pos)
            separate = True
            continue
        if skip is not None:
            if name == skip and not closed:
                skip_depth += 1
            elif (
                heading is not None
                and name == "a"
                and "headerlink" in rest
                and "headerlink" in attributes(rest).get("class", "").split()
            ):
                heading.quiet += 1
            continue
        if name not in INLINE:
            separate = True
        if name == "a" and LINK_CLASS not in rest and ("#term-" not in rest or 'href="#' in rest):
            # a link to anything but a term's entry elsewhere: skipped, its attributes unread
            if not closed:
                skip, skip_depth = name, 1
            continue
        if "=" in rest:
            attrs = attributes(rest)
            classes = attrs["class"].split() if "class" in attrs else ()
        else:
            attrs, classes = {}, ()
        if name == "a":
            # A link to a term's entry, written by hand or from [[term:...]], is a use of the
            # term; the vocabulary page's own links to its entries (its index, see-also) are not.
            ident = attrs.get("data-term", "") if LINK_CLASS in classes else ""
            href = attrs.get("href", "")
            if not ident and not href.startswith("#"):
                ident = href.partition("#term-")[2]
            if ident:
                found.explicit.append((size, ident, section, scope))
        if name in HEADINGS:
            if name in SECTION_HEADINGS:
                scope += 1
            heading = _Heading(attrs.get("id"))
            skip, skip_depth = name, 1
            continue
        if name in SKIP_TAGS or (classes and SKIP_CLASSES.intersection(classes)):
            if not closed:
                skip, skip_depth = name, 1
            continue
        if closed:
            continue
        for entry in entries:
            if entry.name == name:
                entry.depth += 1
        if classes and ENTRY_CLASS in classes:
            ident = attrs.get("data-term") or attrs.get("id", "").removeprefix("term-")
            if ident:
                entries.append(_Open(name, 1, ident))
                excluded = frozenset(entry.term for entry in entries)
                entry_names = frozenset(entry.name for entry in entries)
    return found
