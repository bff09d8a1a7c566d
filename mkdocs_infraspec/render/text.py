"""Turn spec values into safe Markdown: escaped plain text, indented Markdown, figures and durations."""

from __future__ import annotations

import datetime as _dt
import enum
import re
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from ..models.types import Duration

# Characters that mean something to Markdown, its usual extensions (tables, attr_list,
# pymdownx: tilde, caret, mark, critic) or HTML. They become numeric entities, which
# every renderer shows as the character itself and no Markdown parser interprets.
_INLINE = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "\\": "&#92;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "{": "&#123;",
    "}": "&#125;",
    "|": "&#124;",
    "~": "&#126;",
    "^": "&#94;",
    "$": "&#36;",
}
_INLINE_RE = re.compile("|".join(re.escape(c) for c in _INLINE))
# `:name:` would become an emoji with pymdownx.emoji; `==x==` a highlight with pymdownx.mark.
_EMOJI_RE = re.compile(r":(?=[\w+-]+:)")
_MARK_RE = re.compile(r"==")
# What a value may not start with, since it may land at the start of a line: headings,
# list markers, admonitions (!!! and ???), content tabs (===), definitions, blocks (///).
_LEADING_RE = re.compile(r"^(\s*)(#|[-+*](?=\s|$)|\d+(?=[.)](?:\s|$))|!!!|\?\?\?|===|:(?=\s)|///)")
_SPACE_RE = re.compile(r"\s+")


def escape(value: Any) -> Markup:
    """Plain text as Markdown that shows it literally, on one line; ``Markup`` passes through."""
    if isinstance(value, Markup):
        return value
    # Whitespace collapses to single spaces (a value may sit in a table cell) but is kept at
    # the ends: templates join pieces such as ", " between values.
    text = _SPACE_RE.sub(" ", plain(value))
    text = _INLINE_RE.sub(lambda m: _INLINE[m.group(0)], text)
    text = _EMOJI_RE.sub("&#58;", text)
    text = _MARK_RE.sub("&#61;&#61;", text)
    text = _LEADING_RE.sub(lambda m: m.group(1) + f"&#{ord(m.group(2)[0])};" + m.group(2)[1:], text)
    return Markup(text)


def separator(value: Any) -> Markup:
    """A separator for joined values (``, `` or `` · ``): escaped, its spaces kept."""
    if isinstance(value, Markup):
        return value
    return Markup(_INLINE_RE.sub(lambda m: _INLINE[m.group(0)], str(value)))


def attribute(value: Any) -> str:
    """Text for a quoted attribute or a link title: no quotes, no markup."""
    text = _SPACE_RE.sub(" ", plain(value)).strip()
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("[", "&#91;").replace("]", "&#93;")
    )


def markdown(value: Any, indent: int = 0) -> Markup:
    """A Markdown field as Markdown, continuation lines indented for admonitions and tabs.

    The first line is not indented: the template puts it where it belongs.
    """
    if value is None:
        return Markup("")
    text = str(value).strip("\n").rstrip()
    if indent:
        pad = " " * indent
        text = "\n".join((pad + line) if line.strip() else "" for line in text.splitlines()).lstrip(" ")
    return Markup(text)


def code(value: Any) -> Markup:
    """A value as an inline code span, safe whatever backticks it holds."""
    text = _SPACE_RE.sub(" ", plain(value)).strip()
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


def nowrap_code(value: Any) -> Markup:
    """A short technical value (a CIDR, a name) in code style that never breaks across lines."""
    return Markup(f'<code class="infraspec-nowrap">{escape(value)}</code>')


def plain(value: Any) -> str:
    """Any spec value as the text a reader expects (enums by value, durations as written)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Duration):
        return value.text
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Decimal | float):
        return number(value)
    return str(value)


def number(value: float | Decimal | int) -> str:
    """``1234.5`` -> ``1,234.5``; whole numbers without decimals."""
    if isinstance(value, Decimal | float) and value == int(value):
        return f"{int(value):,}"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:,}"


def money(value: Decimal | float | int, currency: str) -> str:
    """``1900`` in ``USD`` -> ``$1,900``; other currencies by code (``EUR 1,900``)."""
    symbols = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
    amount = Decimal(str(value))
    shown = f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"
    symbol = symbols.get(currency)
    return f"{symbol}{shown}" if symbol else f"{currency} {shown}"


def percent(value: float | None) -> str:
    """A percentage as written in the spec (``99.95%``)."""
    if value is None:
        return ""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return f"{text}%"


def duration(value: Duration | None) -> str:
    """A duration for readers: ``90m`` -> ``1 h 30 min``; as written when that is clearer."""
    if value is None:
        return ""
    return value.human() if value.seconds else "0"


def words(value: Any) -> str:
    """An enum value or kebab-case word as words: ``information-disclosure`` -> ``Information disclosure``."""
    text = plain(value).replace("-", " ").replace("_", " ")
    return text[:1].upper() + text[1:]


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def days(values: Any) -> str:
    """Days of the week as ranges: ``[mon, tue, wed, thu, fri]`` -> ``Mon–Fri``."""
    picked = sorted({_DAYS.index(plain(v)) for v in values if plain(v) in _DAYS})
    if len(picked) == 7:
        return "Every day"
    runs: list[list[int]] = []
    for day in picked:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    names = [d.capitalize() for d in _DAYS]
    return ", ".join(
        names[r[0]] if len(r) == 1 else (f"{names[r[0]]}, {names[r[1]]}" if len(r) == 2 else f"{names[r[0]]}–{names[r[-1]]}")
        for r in runs
    )


_PROTOCOLS = {"postgres": "PostgreSQL", "mysql": "MySQL", "redis": "Redis", "kafka": "Kafka", "grpc": "gRPC", "other": "Other"}


def protocol(value: Any) -> str:
    """A protocol as it is usually written: ``https`` -> ``HTTPS``, ``postgres`` -> ``PostgreSQL``."""
    name = plain(value)
    return _PROTOCOLS.get(name, name.upper())


def url(value: Any) -> Markup:
    """A URL for a Markdown link target: quotes, spaces, brackets and parentheses encoded."""
    text = plain(value).strip()
    for char, code in (("%", "%25"), (" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E"), ('"', "%22"), ("[", "%5B"), ("]", "%5D")):
        text = text.replace(char, code)
    return Markup(text.replace("%2525", "%25"))


def is_url(value: Any) -> bool:
    return plain(value).startswith(("http://", "https://"))
