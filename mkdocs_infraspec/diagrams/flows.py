"""The data-flow view: who sends what to whom, with protocol and port on each arrow."""

from __future__ import annotations

from ..models import Flow
from . import Diagram
from .context import Context
from .mermaid import Flowchart, label, node_id
from .split import part_diagram, split, split_note


def edge_label(flow: Flow) -> str:
    """``HTTPS 443``, ``POSTGRES 5432 · unencrypted``."""
    text = flow.protocol.value.upper() + (f" {flow.port}" if flow.port is not None else "")
    if not flow.encrypted:
        text += " · unencrypted"
    return text


def build(ctx: Context, chosen: list[Flow], direction: str = "TB") -> Flowchart:
    """One node per component (coloured by layer) or external (dashed), one arrow per flow.

    No subgraphs: flows cross layers all the time, and Mermaid's layout of arrows between
    subgraphs is unreadable; the colours match the layer view on the same page. Top to
    bottom: flows form long chains (client → balancer → service → queue → worker → store),
    which left to right make a strip several times wider than Material's content column
    (the example's was 3,200 px wide, shrunk to a fifth).
    """
    chart = ctx.chart(direction)
    chart.config.update(nodeSpacing=20, rankSpacing=30, wrappingWidth=130)
    seen: set[str] = set()

    def place(ident: str) -> str:
        if ctx.index.get("external", ident) is not None and ident not in ctx.components:
            key = node_id("external", ident)
            if key not in seen:
                seen.add(key)
                item = ctx.index.item("external", ident)
                ctx.item_node(chart, "external", ident, label(getattr(item, "name", ident)), shape="stadium", css="external")
            return key
        key = node_id("component", ident)
        if key not in seen:
            seen.add(key)
            ctx.component_node(chart, ident)
        return key

    for flow in chosen:
        source, target = place(flow.source), place(flow.target)
        chart.edge(source, target, edge_label(flow), style="solid" if flow.encrypted else "dotted")
    return chart


def diagrams(ctx: Context) -> list[Diagram]:
    """The data flows (split by where they start when too large)."""
    flows = list(ctx.spec.architecture.topology.flows)
    if not flows:
        return []

    def origin(flow: Flow) -> str:
        if flow.source in ctx.components:
            return f"flows from the {ctx.layer_title(ctx.layer_of(flow.source))} layer"
        return "flows from outside the system"

    parts = split(flows, lambda chosen: build(ctx, chosen), groups=origin)
    result = []
    for part in parts:
        notes = [split_note(parts, part, "flows", "by where flows start")]
        if any(not f.encrypted for f in part.units):
            notes.append("Dotted arrows are unencrypted flows.")
        result.append(part_diagram("flows", "Data flows", part, notes))
    return result
