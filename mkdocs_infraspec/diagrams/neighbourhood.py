"""A component's neighbourhood: what depends on it, what it depends on (one hop), and its layer."""

from __future__ import annotations

from dataclasses import dataclass

from . import Diagram
from .context import NO_LAYER, Context, plural
from .mermaid import Flowchart, escape, label, text_id
from .split import part_diagram, split, split_note

#: Dependency reasons on arrows are cut shorter than labels: they sit between nodes.
REASON_CHARS = 60


@dataclass(frozen=True)
class Neighbour:
    """One neighbour: ``dependent`` (it needs the focus), ``dependency`` or ``external``."""

    role: str
    target: str
    reason: str | None = None
    optional: bool = False


def neighbours(ctx: Context, component_id: str) -> list[Neighbour]:
    found: list[Neighbour] = []
    for user_id in ctx.dependents.get(component_id, []):
        user = ctx.components[user_id]
        dependency = next(d for d in user.dependencies if d.component == component_id)
        found.append(Neighbour("dependent", user_id, dependency.reason, dependency.optional))
    component = ctx.components[component_id]
    seen: set[tuple[str, str]] = set()
    for dependency in component.dependencies:
        role = "dependency" if dependency.component else "external"
        key = (role, dependency.target)
        if key in seen:
            continue
        seen.add(key)
        found.append(Neighbour(role, dependency.target, dependency.reason, dependency.optional))
    return found


def _layer_line(ctx: Context, component_id: str) -> str | None:
    """``Compute layer`` (or the layer's own name when it already says "layer")."""
    if component_id not in ctx.components:
        return None
    layer_id = ctx.layer_of(component_id)
    if layer_id == NO_LAYER:
        return "no layer"
    title = ctx.layer_title(layer_id)
    return title if "layer" in title.lower() else f"{title} layer"


def build(ctx: Context, component_id: str, chosen: list[Neighbour]) -> Flowchart:
    chart = ctx.chart("LR")
    # Tighter than Mermaid's defaults (50, 50, padding 15, wrapping 200): a component with a
    # dozen dependents, each arrow labelled with its reason, was 1,300 px wide; now about 950.
    chart.config.update(nodeSpacing=15, rankSpacing=20, padding=8, wrappingWidth=130)
    focus = ctx.components[component_id]
    # The layer is a line of the focus box: a subgraph around one box is stretched by
    # Mermaid to the height of the whole picture.
    center = ctx.component_node(
        chart, component_id, detail=label(*(x for x in (focus.technology, _layer_line(ctx, component_id)) if x)), css="focus"
    )
    drawn: dict[str, str] = {}
    for neighbour in chosen:
        reason = escape(neighbour.reason, REASON_CHARS) if neighbour.reason else None
        if neighbour.optional:
            reason = escape("optional") if reason is None else reason + escape(" (optional)")
        style = "dotted" if neighbour.optional else "solid"
        if neighbour.role == "external":
            ident = text_id("outside", neighbour.target)
            chart.node(ident, label(neighbour.target, "outside the spec"), shape="stadium", css="external")
            chart.edge(center.id, ident, reason, style=style)
            continue
        if neighbour.target == component_id:
            chart.edge(center.id, center.id, reason, style=style)
            continue
        if neighbour.target not in drawn:
            # A component can be both (a mutual dependency): one node, two arrows.
            drawn[neighbour.target] = ctx.component_node(chart, neighbour.target, detail=_layer_line(ctx, neighbour.target)).id
        other = drawn[neighbour.target]
        if neighbour.role == "dependent":
            chart.edge(other, center.id, reason, style=style)
        else:
            chart.edge(center.id, other, reason, style=style)
    return chart


def diagrams(ctx: Context, component_id: str) -> list[Diagram]:
    if component_id not in ctx.components:
        return []
    found = neighbours(ctx, component_id)
    parts = split(
        found,
        lambda chosen: build(ctx, component_id, chosen),
        groups=lambda n: "what depends on it" if n.role == "dependent" else "what it depends on",
    )
    result = []
    name = ctx.components[component_id].name
    for part in parts:
        notes = [split_note(parts, part, "neighbours", "into what depends on it and what it depends on")]
        if not found:
            notes.append("Nothing depends on this component and it depends on nothing.")
        elif part is parts[0]:
            dependents = sum(1 for n in found if n.role == "dependent")
            needs = len(found) - dependents
            notes.append(f"{plural(dependents, 'component depends', 'components depend')} on it; it depends on {plural(needs, 'thing')}.")
        result.append(part_diagram("neighbourhood", f"Neighbourhood of {name}", part, notes))
    return result
