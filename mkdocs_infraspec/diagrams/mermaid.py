"""Mermaid flowchart text from Python: escaping, safe node ids and a small builder.

Everything a user wrote reaches Mermaid through :func:`escape`, which turns every character
that Mermaid or the browser could read as syntax into Mermaid's entity form (``#quot;``,
``#35;``...), so a name can never end a label, open a comment or directive (``%%``), start
a Markdown string (a backtick) or inject HTML (``<``). Our own markup (a line break) is a
:class:`Markup` and passes unchanged; the builder escapes any plain ``str`` it is given.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

#: Mermaid's default ``maxTextSize``: a longer text is refused ("Maximum text size in diagram exceeded").
MAX_TEXT_SIZE = 50_000
#: Mermaid's default ``maxEdges``: a diagram with more edges is refused.
MAX_EDGES = 500
#: The longest a single user text may be inside a label; longer text is cut with an ellipsis
#: so that one absurd name cannot push a diagram over the limits on its own.
MAX_LABEL_CHARS = 160

# Characters Mermaid (or the HTML label it becomes) would read as syntax, and their entities.
# ``#`` first: every other replacement introduces a ``#`` of its own.
_ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
    "%": "#37;",
    "`": "#96;",
    ";": "#59;",
    "\\": "#92;",
    "{": "#123;",
    "}": "#125;",
    "|": "#124;",
}
# Mermaid's placeholders for entities (``ﬂ°`` and ``¶ß``) are turned into ``&`` and ``;``
# in the finished SVG, even when the user wrote them: a word joiner keeps them apart.
_PLACEHOLDERS = re.compile("(\ufb02)(\u00b0)|(\u00b6)(\u00df)")
# Mermaid strips the last ``;`` of any line matching ``style.*:\S*#.*;`` or
# ``classDef.*:\S*#.*;`` before parsing (its own escape hatch for colours), which would eat
# the end of an entity; these words are written with an entity so the pattern never matches.
_WORDS = re.compile(r"style|classDef")
_WORD_ENTITIES = {"style": "#115;tyle", "classDef": "#99;lassDef"}
_SPECIAL = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


class Markup(str):
    """Label text that is already Mermaid-safe (escaped user text and our own line breaks)."""

    __slots__ = ()

    def __add__(self, other: str) -> Markup:
        return Markup(str.__add__(self, other if isinstance(other, Markup) else escape(other)))

    def join(self, parts: Iterable[str]) -> Markup:
        return Markup(str.join(self, (p if isinstance(p, Markup) else escape(p) for p in parts)))


BR = Markup("<br>")


def _keep(ch: str) -> bool:
    # Control and format characters (NUL, bidi overrides) have no business in a label; the
    # zero-width joiner stays, as emoji sequences need it.
    return ch in "\n\t\u200d" or unicodedata.category(ch)[0] != "C"


def escape(text: object, limit: int | None = MAX_LABEL_CHARS) -> Markup:
    """``text`` as Mermaid label content that shows literally: ``a "b" <c>`` -> ``a #quot;b#quot; #lt;c#gt;``.

    Line breaks become ``<br>``; text longer than ``limit`` characters is cut with ``…``.
    """
    if isinstance(text, Markup):
        return text
    value = "".join(ch for ch in str(text) if _keep(ch)).replace("\t", " ")
    value = _PLACEHOLDERS.sub(lambda m: "\u2060".join(g for g in m.groups() if g), value)
    if limit is not None and len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    lines = _LINE_BREAK.split(value)
    escaped = [
        _WORDS.sub(lambda m: _WORD_ENTITIES[m.group(0)], _SPECIAL.sub(lambda m: _ENTITIES[m.group(0)], line))
        for line in lines
    ]
    return Markup("<br>".join(escaped))


def label(*lines: object) -> Markup:
    """A multi-line label: each non-empty part on its own line, each escaped."""
    return BR.join(escape(line) for line in lines if line not in (None, ""))


def wrap(text: str, width: int = 44) -> Markup:
    """``text`` escaped, broken into lines of about ``width`` characters at spaces.

    For subgraph titles, which Mermaid never wraps (a long one makes its box as wide).
    """
    lines: list[str] = []
    for word in str(text).split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return label(*lines)


_ID_UNSAFE = re.compile(r"[^a-z0-9]+")


def node_id(kind: str, ident: str) -> str:
    """A stable Mermaid id for an item: ``component_rds_main``.

    Item ids are lowercase kebab-case, so replacing ``-`` by ``_`` cannot make two ids
    collide; anything else is treated as free text (:func:`text_id`).
    """
    if re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", ident):
        return f"{kind}_{ident.replace('-', '_')}"
    return text_id(kind, ident)


def text_id(prefix: str, text: str) -> str:
    """A stable Mermaid id for free text (a region, a zone, an external dependency).

    A readable slug plus a short hash of the exact text, so that two texts differing only
    in punctuation or case still get two ids.
    """
    slug = _ID_UNSAFE.sub("_", text.lower()).strip("_")[:24].strip("_")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}_{slug}_{digest}" if slug else f"{prefix}_{digest}"


def safe_url(url: str) -> str:
    """``url`` with anything that could end the quoted string or form ``%%`` percent-encoded."""
    return quote(url, safe="/#?&=.-_~:+,@!$'()*")


def utf16_length(text: str) -> int:
    """The length Mermaid measures (JavaScript counts UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


# --- the builder ----------------------------------------------------------------------------

#: Node shapes: opening and closing brackets around the quoted label.
SHAPES = {
    "box": ("[", "]"),
    "round": ("(", ")"),
    "stadium": ("([", "])"),
    "database": ("[(", ")]"),
    "hexagon": ("{{", "}}"),
    "circle": ("((", "))"),
    "parallelogram": ("[/", "/]"),
    "subroutine": ("[[", "]]"),
}

#: Edge styles and their arrows.
ARROWS = {"solid": "-->", "dotted": "-.->", "thick": "==>", "line": "---", "dotted-line": "-.-", "invisible": "~~~"}

#: Room under a subgraph title, so that the title (two lines at most) does not run into the
#: boxes inside (Mermaid reserves no room). Written as the diagram's front matter.
TITLE_MARGIN = {"top": 4, "bottom": 36}


@dataclass
class Node:
    id: str
    label: Markup
    shape: str = "box"
    css: str | None = None
    url: str | None = None


@dataclass
class Edge:
    source: str
    target: str
    label: Markup | None = None
    style: str = "solid"


@dataclass
class Group:
    """A subgraph: a titled box around nodes and other groups."""

    id: str
    title: Markup
    direction: str | None = None
    css: str | None = None
    children: list[Node | Group] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)

    def chain(self, idents: list[str] | None = None) -> None:
        """Invisible links between consecutive children (default: the child groups), so
        that Mermaid draws them in this order along the group's direction.

        Without them, sibling subgraphs with no edges between them share one rank and are
        drawn in reverse order. The links are written inside this group: written outside,
        links between subgraphs nested two levels deep make Mermaid's layout fail.
        """
        idents = self.ordered() if idents is None else idents
        self.links.extend(itertools.pairwise(idents))

    def node(
        self, ident: str, text: str, *, shape: str = "box", css: str | None = None, url: str | None = None
    ) -> Node:
        node = Node(ident, escape(text, None) if not isinstance(text, Markup) else text, shape, css, url)
        self.children.append(node)
        return node

    def group(self, ident: str, title: str, *, direction: str | None = None, css: str | None = None) -> Group:
        group = Group(ident, escape(title, None) if not isinstance(title, Markup) else title, direction, css)
        self.children.append(group)
        return group

    def ordered(self) -> list[str]:
        """The ids of the child groups, in order (to chain them with invisible links)."""
        return [child.id for child in self.children if isinstance(child, Group)]

    def nodes(self) -> Iterable[Node]:
        for child in self.children:
            if isinstance(child, Group):
                yield from child.nodes()
            else:
                yield child

    def groups(self) -> Iterable[Group]:
        for child in self.children:
            if isinstance(child, Group):
                yield child
                yield from child.groups()


class Flowchart(Group):
    """A Mermaid ``flowchart``: nodes, subgraphs, edges, click links and class styles.

    Node and group ids must be made with :func:`node_id` or :func:`text_id`; labels,
    titles and edge labels may be any text (escaped here) or :class:`Markup`.
    """

    def __init__(self, direction: str = "LR") -> None:
        super().__init__("root", Markup(""), direction)
        self.edges: list[Edge] = []
        self.styles: dict[str, str] = {}
        #: Mermaid configuration for this diagram only (front matter), e.g. spacing.
        self.config: dict[str, int] = {}
        self._edge_keys: set[tuple[str, str, str, str | None]] = set()

    def edge(self, source: str, target: str, text: str | None = None, *, style: str = "solid") -> Edge | None:
        """Add an edge (once: the same edge twice is drawn once)."""
        markup = None if text in (None, "") else (text if isinstance(text, Markup) else escape(text))
        key = (source, target, style, markup)
        if key in self._edge_keys:
            return None
        self._edge_keys.add(key)
        edge = Edge(source, target, markup, style)
        self.edges.append(edge)
        return edge

    def style(self, css_class: str, declaration: str) -> None:
        """Define a class (``classDef``) used by nodes or groups."""
        self.styles[css_class] = declaration

    def has(self, ident: str) -> bool:
        return any(n.id == ident for n in self.nodes()) or any(g.id == ident for g in self.groups())

    @property
    def edge_count(self) -> int:
        """Every link Mermaid counts against ``maxEdges``, the invisible ones included."""
        return len(self.edges) + len(self.links) + sum(len(g.links) for g in self.groups())

    def text(self) -> str:
        """The Mermaid source."""
        lines = []
        settings = [f"    {name}: {value}" for name, value in sorted(self.config.items())]
        if any(True for _ in self.groups()):
            # Room for the longest title: 12 px under one line, 24 more per extra line.
            most = max(g.title.count("<br>") + 1 for g in self.groups())
            bottom = TITLE_MARGIN["bottom"] // 3 + (most - 1) * (TITLE_MARGIN["bottom"] * 2 // 3)
            settings += ["    subGraphTitleMargin:", f"      top: {TITLE_MARGIN['top']}", f"      bottom: {bottom}"]
        if settings:
            lines += ["---", "config:", "  flowchart:", *settings, "---"]
        lines.append(f"flowchart {self.direction}")
        for child in self.children:
            _write(child, lines, "  ")
        lines.extend(f"  {a} ~~~ {b}" for a, b in self.links)
        for edge in self.edges:
            arrow = ARROWS[edge.style]
            middle = f'{arrow}|"{edge.label}"|' if edge.label is not None else arrow
            lines.append(f"  {edge.source} {middle} {edge.target}")
        classes: dict[str, list[str]] = {}
        items: list[Node | Group] = [*self.nodes(), *self.groups()]
        for item in items:
            if item.css:
                classes.setdefault(item.css, []).append(item.id)
        for css_class in sorted(classes):
            if css_class in self.styles:
                lines.append(f"  classDef {css_class} {self.styles[css_class]}")
        for css_class in sorted(classes):
            # Mermaid takes a comma-separated list; one statement per class keeps it short.
            lines.append(f"  class {','.join(classes[css_class])} {css_class}")
        for node in self.nodes():
            if node.url:
                lines.append(f'  click {node.id} "{safe_url(node.url)}"')
        return "\n".join(lines) + "\n"


def _write(child: Node | Group, lines: list[str], indent: str) -> None:
    if isinstance(child, Group):
        lines.append(f'{indent}subgraph {child.id} ["{child.title or Markup(" ")}"]')
        if child.direction:
            lines.append(f"{indent}  direction {child.direction}")
        for inner in child.children:
            _write(inner, lines, indent + "  ")
        lines.extend(f"{indent}  {a} ~~~ {b}" for a, b in child.links)
        lines.append(f"{indent}end")
    else:
        opening, closing = SHAPES[child.shape]
        lines.append(f'{indent}{child.id}{opening}"{child.label or Markup(" ")}"{closing}')


def fits(chart: Flowchart) -> bool:
    """The chart is within Mermaid's default limits (text size and edge count)."""
    return chart.edge_count <= MAX_EDGES and utf16_length(chart.text()) <= MAX_TEXT_SIZE
