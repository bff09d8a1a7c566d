"""Typed values of a spec: ids, references, durations, CIDRs, percentages, money, Markdown.

Each type is an ``Annotated`` alias usable in any model. Errors are raised as
``PydanticCustomError`` with a stable type and a ``hint`` in their context, which the
schema step turns into a located diagnostic.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, GetCoreSchemaHandler, GetJsonSchemaHandler, PlainSerializer
from pydantic_core import PydanticCustomError, core_schema

# --- markers read by the index, the reference checker and the reference docs -----------------


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value is the id of another item, of one of ``kinds``.

    ``"*"`` accepts an item of any kind.
    """

    kinds: tuple[str, ...]

    def __init__(self, *kinds: str) -> None:
        object.__setattr__(self, "kinds", kinds)

    def describe(self) -> str:
        if self.kinds == ("*",):
            return "id of any item"
        return " or ".join(f"{kind} id" for kind in self.kinds)


@dataclass(frozen=True)
class MarkdownText:
    """Marks a text field that is rendered as Markdown on the site."""


MARKDOWN = MarkdownText()


# --- identifiers ----------------------------------------------------------------------------

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """A valid id made from free text (``"Security Group"`` -> ``"security-group"``)."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if not slug or not slug[0].isalpha():
        slug = f"x-{slug}" if slug else "x"
    return slug


def _check_id(value: Any) -> Any:
    if not isinstance(value, str):
        return value  # the str schema reports the type
    if not ID_PATTERN.match(value):
        raise PydanticCustomError(
            "infraspec_id",
            f"{value!r} is not a valid id: ids are lowercase kebab-case (letters, digits, single hyphens, starting with a letter)",
            {"value": value, "hint": f"use {slugify(value)!r}"},
        )
    return value


Identifier = Annotated[str, BeforeValidator(_check_id)]


def ref(*kinds: str) -> Any:
    """An id that must name an existing item of one of ``kinds`` (checked across the spec)."""
    return Annotated[str, BeforeValidator(_check_id), Ref(*kinds)]


ComponentRef = ref("component")
EnvironmentRef = ref("environment")
LayerRef = ref("layer")
TermRef = ref("term")
AnyRef = ref("*")

Markdown = Annotated[str, MARKDOWN]


# --- durations ------------------------------------------------------------------------------

_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_SHORT = re.compile(r"^(?:(\d+(?:\.\d+)?)([smhdw]))+$")
_SHORT_PART = re.compile(r"(\d+(?:\.\d+)?)([smhdw])")
_ISO = re.compile(
    r"^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
    r"(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$"
)


class Duration:
    """A length of time written ``30s``, ``5m``, ``1h``, ``7d``, ``2w``, ``1h30m`` or ISO 8601 (``PT5M``, ``P7D``).

    Years and months in ISO 8601 count as 365 and 30 days. ``0`` means no time at all.
    """

    __slots__ = ("seconds", "text")

    def __init__(self, seconds: float, text: str) -> None:
        self.seconds = seconds
        self.text = text

    @classmethod
    def parse(cls, value: Any) -> Duration:
        if isinstance(value, Duration):
            return value
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise PydanticCustomError(
                "infraspec_duration",
                f"expected a duration such as 5m, 1h or 7d, got {type(value).__name__}",
                {"kind": type(value).__name__, "hint": "write durations as 30s, 5m, 1h, 7d, 2w or ISO 8601 (PT5M)"},
            )
        if isinstance(value, int):
            if value == 0:
                return cls(0, "0")
            raise PydanticCustomError(
                "infraspec_duration",
                f"{value} has no unit",
                {"value": value, "hint": f"add a unit: {value}s, {value}m, {value}h or {value}d"},
            )
        text = value.strip()
        if text == "0":
            return cls(0, text)
        if _SHORT.match(text):
            seconds = sum(float(n) * _UNIT_SECONDS[u] for n, u in _SHORT_PART.findall(text))
            return cls(seconds, text)
        iso = _ISO.match(text.upper())
        if iso:
            years, months, weeks, days, hours, minutes, secs = (float(g) if g else 0.0 for g in iso.groups())
            seconds = (
                years * 365 * 86400
                + months * 30 * 86400
                + weeks * 604800
                + days * 86400
                + hours * 3600
                + minutes * 60
                + secs
            )
            return cls(seconds, text)
        raise PydanticCustomError(
            "infraspec_duration",
            f"{value!r} is not a duration",
            {"value": value, "hint": _duration_hint(text)},
        )

    def __repr__(self) -> str:
        return f"Duration({self.text!r})"

    def __str__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Duration) and other.seconds == self.seconds

    def __lt__(self, other: Duration) -> bool:
        return self.seconds < other.seconds

    def __le__(self, other: Duration) -> bool:
        return self.seconds <= other.seconds

    def __hash__(self) -> int:
        return hash(self.seconds)

    def human(self) -> str:
        """A reader-friendly form: ``90m`` -> ``1 h 30 min``."""
        remaining = int(self.seconds)
        if remaining == 0:
            return "0"
        parts = []
        for name, size in (("d", 86400), ("h", 3600), ("min", 60), ("s", 1)):
            amount, remaining = divmod(remaining, size)
            if amount:
                parts.append(f"{amount} {name}")
        return " ".join(parts)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {"type": "string", "format": "duration", "examples": ["5m", "1h", "7d", "PT15M"]}


def _duration_hint(text: str) -> str:
    words = {"second": "s", "sec": "s", "minute": "m", "min": "m", "hour": "h", "hr": "h", "day": "d", "week": "w"}
    match = re.match(r"^(\d+(?:\.\d+)?)\s*([a-zA-Z]+)$", text)
    if match:
        unit = match.group(2).lower().rstrip("s") or match.group(2).lower()
        short = words.get(unit) or words.get(match.group(2).lower())
        if short:
            return f"write {match.group(1)}{short}"
    return "write durations as 30s, 5m, 1h, 7d, 2w, 1h30m or ISO 8601 (PT5M, P7D)"


# --- networks -------------------------------------------------------------------------------

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def _parse_cidr(value: Any) -> IPNetwork:
    if isinstance(value, ipaddress.IPv4Network | ipaddress.IPv6Network):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError(
            "infraspec_cidr", f"expected a CIDR block such as 10.0.0.0/16, got {type(value).__name__}",
            {"kind": type(value).__name__, "hint": "quote nothing, write address/prefix: 10.0.0.0/16"},
        )
    text = value.strip()
    if "/" not in text:
        raise PydanticCustomError(
            "infraspec_cidr", f"{value!r} has no prefix length", {"value": value, "hint": f"write it as a block, e.g. {text}/24"}
        )
    try:
        return ipaddress.ip_network(text, strict=True)
    except ValueError as error:
        try:
            loose = ipaddress.ip_network(text, strict=False)
        except ValueError:
            raise PydanticCustomError(
                "infraspec_cidr", f"{value!r} is not a valid CIDR block ({error})",
                {"value": value, "reason": str(error), "hint": "write address/prefix with a prefix of 0-32 (IPv4) or 0-128 (IPv6), e.g. 10.0.0.0/16"},
            ) from None
        raise PydanticCustomError(
            "infraspec_cidr", f"{value!r} has host bits set",
            {"value": value, "hint": f"the block that contains it is {loose}"},
        ) from None


CIDR = Annotated[
    IPNetwork,
    BeforeValidator(_parse_cidr),
    PlainSerializer(str, return_type=str),
]


def _parse_address(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return ipaddress.ip_address(value.strip())
        except ValueError:
            raise PydanticCustomError(
                "infraspec_address", f"{value!r} is not an IP address", {"value": value, "hint": "write an address such as 10.0.0.10"}
            ) from None
    return value


IPAddress = Annotated[ipaddress.IPv4Address | ipaddress.IPv6Address, BeforeValidator(_parse_address), PlainSerializer(str, return_type=str)]


# --- numbers --------------------------------------------------------------------------------


def _parse_percentage(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("infraspec_percentage", "expected a percentage, got a boolean", {"hint": "write 80% or 80"})
    number: float
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str) and re.match(r"^\s*-?\d+(?:\.\d+)?\s*%?\s*$", value):
        number = float(value.strip().rstrip("%"))
    else:
        raise PydanticCustomError(
            "infraspec_percentage", f"{value!r} is not a percentage", {"value": value, "hint": "write 80% or 99.95%"}
        )
    if not 0 <= number <= 1000:
        raise PydanticCustomError(
            "infraspec_percentage", f"{value!r} is outside 0-1000%", {"value": value, "hint": "percentages are written 0 to 100 (or above, for overruns)"}
        )
    return number


Percentage = Annotated[float, BeforeValidator(_parse_percentage)]
"""A percentage written ``80%``, ``"99.95%"`` or ``80``; stored as the number (80.0)."""


def _parse_money(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("infraspec_money", "expected an amount of money, got a boolean", {"hint": "write 12500 or \"12,500\""})
    if isinstance(value, int | float | Decimal):
        amount = Decimal(str(value))
    elif isinstance(value, str):
        cleaned = re.sub(r"[\s,_]|^[$€£¥]|\b[A-Z]{3}\b", "", value.strip())
        try:
            amount = Decimal(cleaned)
        except InvalidOperation:
            raise PydanticCustomError(
                "infraspec_money", f"{value!r} is not an amount of money",
                {"value": value, "hint": "write a number, e.g. 12500 or \"12,500.50\"; the currency is set once per concern"},
            ) from None
    else:
        raise PydanticCustomError("infraspec_money", "expected an amount of money", {"hint": "write a number such as 12500"})
    if amount < 0:
        raise PydanticCustomError("infraspec_money", f"{value!r} is negative", {"value": value, "hint": "amounts are zero or more"})
    return amount


Money = Annotated[Decimal, BeforeValidator(_parse_money), PlainSerializer(lambda d: float(d), return_type=float)]
"""An amount of money (``12500``, ``"12,500.50"``); its currency is the concern's ``currency``."""


def _parse_port(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 65536:
        return value
    if isinstance(value, str) and re.match(r"^\d+(-\d+)?$", value):
        return value
    raise PydanticCustomError(
        "infraspec_port", f"{value!r} is not a port", {"value": value, "hint": "a port is 1-65535, or a range written \"1024-2048\""}
    )


Port = Annotated[int | str, BeforeValidator(_parse_port)]

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _parse_clock(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 86400:
        # YAML 1.1 reads an unquoted 18:00 as the sexagesimal number 1080.
        hours, minutes = divmod(value, 60)
        if hours < 24:
            return f"{hours:02d}:{minutes:02d}"
    if isinstance(value, str) and _TIME.match(value.strip()):
        return value.strip()
    raise PydanticCustomError(
        "infraspec_time", f"{value!r} is not a time of day", {"value": value, "hint": "write a 24-hour time such as \"18:00\""}
    )


ClockTime = Annotated[str, BeforeValidator(_parse_clock)]
"""A time of day ``HH:MM`` (24-hour)."""

TLS_VERSIONS = ("1.0", "1.1", "1.2", "1.3")


def _parse_tls(value: Any) -> Any:
    text = f"{value:.1f}" if isinstance(value, float) else str(value).strip()
    text = text.removeprefix("TLS").removeprefix("tls").strip().lstrip("v")
    if text in TLS_VERSIONS:
        return text
    raise PydanticCustomError(
        "infraspec_tls", f"{value!r} is not a TLS version", {"value": value, "hint": "write one of " + ", ".join(f'"{v}"' for v in TLS_VERSIONS)}
    )


TLSVersion = Annotated[str, BeforeValidator(_parse_tls)]
"""A TLS protocol version: ``"1.2"`` or ``"1.3"`` (``1.0`` and ``1.1`` are accepted to be flagged)."""


def tls_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))
