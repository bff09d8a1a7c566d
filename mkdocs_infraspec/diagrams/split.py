"""Splitting a diagram that is too large for Mermaid into parts that each fit, losing nothing.

A diagram is built from a list of units (components, subnet placements, neighbours). When
the whole does not fit Mermaid's limits, the units are drawn group by group (per layer, per
network...), and a group that is still too large is cut into consecutive chunks, in the
order the spec lists them. Every unit lands in exactly one part.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from . import Diagram
from .mermaid import MAX_EDGES, MAX_TEXT_SIZE, Flowchart, fits, utf16_length

T = TypeVar("T")


@dataclass
class Part(Generic[T]):
    """One drawable part: its units, its chart and what it covers (``None``: everything)."""

    units: list[T]
    chart: Flowchart
    scope: str | None = None


def split(
    units: Sequence[T],
    build: Callable[[list[T]], Flowchart],
    groups: Callable[[T], str] | None = None,
    *,
    whole: bool = True,
) -> list[Part[T]]:
    """The whole diagram if it fits, else one part per group (by ``groups``), chunked as needed.

    Groups keep the order in which their first unit appears; a group's name becomes the
    part's scope (``Compute``, ``Compute, part 2 of 3``). With ``whole=False`` the units
    are always drawn group by group.
    """
    everything = list(units)
    if whole:
        chart = build(everything)
        if fits(chart) or len(everything) <= 1:
            return [Part(everything, chart)]
    grouped: dict[str, list[T]] = {}
    if groups is None:
        grouped[""] = everything
    else:
        for unit in everything:
            grouped.setdefault(groups(unit), []).append(unit)
    parts: list[Part[T]] = []
    for name, members in grouped.items():
        parts.extend(_chunks(name, members, build))
    return parts


def _chunks(name: str, members: list[T], build: Callable[[list[T]], Flowchart]) -> list[Part[T]]:
    chart = build(members)
    if fits(chart) or len(members) == 1:
        return [Part(members, chart, name or None)]
    # A first guess from how far over the limits the group is, then more parts until each fits.
    text_ratio = utf16_length(chart.text()) / MAX_TEXT_SIZE
    edge_ratio = chart.edge_count / MAX_EDGES
    count = max(2, math.ceil(max(text_ratio, edge_ratio) * 1.15))
    while True:
        size = math.ceil(len(members) / count)
        pieces = [members[start : start + size] for start in range(0, len(members), size)]
        charts = [build(piece) for piece in pieces]
        if all(fits(c) for c in charts) or size == 1:
            total = len(pieces)
            return [
                Part(piece, c, f"{name + ', ' if name else ''}part {number} of {total}")
                for number, (piece, c) in enumerate(zip(pieces, charts, strict=True), start=1)
            ]
        count = min(len(members), count * 2)


def split_note(parts: Sequence[Part[T]], part: Part[T], what: str, how: str) -> str | None:
    """The visible note on a part of a split diagram (``None`` when nothing was split).

    ``what`` names the units (``components``), ``how`` the grouping (``per layer``).
    """
    if len(parts) == 1 and part.scope is None:
        return None
    return (
        f"This diagram is too large for Mermaid (limits: {MAX_TEXT_SIZE:,} characters, {MAX_EDGES} edges), "
        f"so it is split {how} into {len(parts)} parts; this is {part.scope}. "
        f"Every one of the {what} appears in exactly one part."
    )


def part_diagram(kind: str, title: str, part: Part[T], notes: Sequence[str | None]) -> Diagram:
    """The Diagram of one part: the part's scope after the title, the notes that apply joined."""
    scoped = f"{title} ({part.scope})" if part.scope else title
    return Diagram(kind, scoped, part.chart.text(), " ".join(n for n in notes if n) or None)
