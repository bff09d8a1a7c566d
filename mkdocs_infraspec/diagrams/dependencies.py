"""The component dependency graph: one box per layer when small, one diagram per layer when not.

Mermaid's layout (dagre) handles subgraphs badly once many arrows cross between them: it
piles the boxes up and runs arrows through them. So a small spec gets one diagram with a
subgraph per layer, and a larger one gets a diagram per layer: that layer's components on
the left, what they depend on (from any layer) on the right, each labelled with its layer.
"""

from __future__ import annotations

import re

from . import Diagram
from .context import NO_LAYER, Context
from .mermaid import MAX_EDGES, MAX_TEXT_SIZE, Flowchart, Group, fits, label, node_id
from .split import split

_PART = re.compile(r"part \d+ of \d+$")

#: Above this many arrows (or components), one picture of the whole spec is a hairball.
READABLE_EDGES = 20
READABLE_COMPONENTS = 16


def _edges(ctx: Context, chart: Flowchart, chosen: list[str], draw_target: object) -> None:
    chosen_set = set(chosen)
    for component_id in chosen:
        for dependency in ctx.components[component_id].dependencies:
            target = dependency.component
            if target is None:
                continue
            if target not in chosen_set:
                draw_target(target)  # type: ignore[operator]
            chart.edge(
                node_id("component", component_id),
                node_id("component", target),
                "optional" if dependency.optional else None,
                style="dotted" if dependency.optional else "solid",
            )


def build_whole(ctx: Context, chosen: list[str]) -> Flowchart:
    """Every chosen component in its layer's subgraph, with its dependencies."""
    chart = ctx.chart("TB")
    groups: dict[str, Group] = {}

    def group(layer_id: str) -> Group:
        found = groups.get(layer_id)
        if found is None:
            ident = node_id("layer", layer_id) if layer_id != NO_LAYER else "layer__none"
            found = groups[layer_id] = Group(ident, label(ctx.layer_title(layer_id)), css=ctx.tone(layer_id))
        return found

    for component_id in chosen:
        ctx.component_node(group(ctx.layer_of(component_id)), component_id, css="plain")
    drawn = set(chosen)

    def outside(target: str) -> None:
        if target not in drawn:
            drawn.add(target)
            ctx.component_node(group(ctx.layer_of(target)), target, stub=True)

    _edges(ctx, chart, chosen, outside)
    # Layers in the author's order, so the picture is the same however components are listed.
    for layer_id in ctx.layer_order:
        if layer_id in groups:
            chart.children.append(groups.pop(layer_id))
    chart.children.extend(groups.values())
    chart.style("plain", "fill:none,stroke:#78909c")
    return chart


def build_layer(ctx: Context, chosen: list[str]) -> Flowchart:
    """The chosen components (of one layer) and what they depend on, each labelled with its layer."""
    chart = ctx.chart("LR")
    # Boxes close together, columns far apart: the fans of arrows between the columns get
    # the room (a layer of four components with 27 arrows went from 2,000 px tall to 1,350).
    chart.config.update(nodeSpacing=12, rankSpacing=120, padding=8, wrappingWidth=150)
    for component_id in chosen:
        ctx.component_node(chart, component_id)
    drawn = set(chosen)

    def outside(target: str) -> None:
        if target not in drawn:
            drawn.add(target)
            layer_id = ctx.layer_of(target)
            ctx.component_node(chart, target, detail=ctx.layer_title(layer_id) if target in ctx.components else None, stub=True)

    _edges(ctx, chart, chosen, outside)
    return chart


def readable(chart: Flowchart, components: int) -> bool:
    return fits(chart) and chart.edge_count <= READABLE_EDGES and components <= READABLE_COMPONENTS


def diagrams(ctx: Context) -> list[Diagram]:
    """One diagram grouped by layer if it stays readable, else one per layer (chunked if too large).

    A layer's diagram has the scope ``layer:<id>``, so that the responsibilities page shows it
    in that layer's section; components with no layer, or with a layer the architecture does
    not define, have no section of their own and their diagram stays at the top.
    """
    components = list(ctx.components)
    if not components:
        return []
    externals = {c.id for c in ctx.components.values() if any(d.external for d in c.dependencies)}
    outside_note = "Dependencies outside the spec are shown on each component's page."
    whole = build_whole(ctx, components)
    if readable(whole, len(components)):
        return [Diagram("dependencies", "Component dependencies", whole.text(), outside_note if externals else None)]
    rank = {layer_id: number for number, layer_id in enumerate(ctx.layer_order)}
    by_layer_order = sorted(components, key=lambda c: rank.get(ctx.layer_of(c), len(rank)))
    parts = split(by_layer_order, lambda chosen: build_layer(ctx, chosen), groups=ctx.layer_of, whole=False)
    result = []
    for part in parts:
        layer_id = ctx.layer_of(part.units[0])
        name = ctx.layer_title(layer_id)
        title = "Dependencies of components with no layer" if layer_id == NO_LAYER else f"Dependencies of the {name} components"
        chunk = _PART.search(part.scope or "")
        if chunk:
            title += f" ({chunk.group(0)})"
        notes = [
            f"Arrows go from each {name} component to what it depends on; dashed boxes are components of other layers."
            if layer_id != NO_LAYER
            else "Arrows go from each component with no layer to what it depends on; dashed boxes are components of a layer."
        ]
        if externals.intersection(part.units):
            notes.append(outside_note)
        if chunk:
            notes.append(
                f"This layer alone is too large for Mermaid (limits: {MAX_TEXT_SIZE:,} characters, {MAX_EDGES} edges), "
                "so it is cut into parts; every component appears in exactly one part."
            )
        scope = f"layer:{layer_id}" if layer_id in ctx.layers else None
        result.append(Diagram("dependencies", title, part.chart.text(), " ".join(notes), scope))
    return result


__all__ = ["READABLE_COMPONENTS", "READABLE_EDGES", "build_layer", "build_whole", "diagrams"]
