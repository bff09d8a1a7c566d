"""What every diagram needs to know about the spec: components, layers, links and styles."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..index import SpecIndex
from ..links import Links
from ..models import Component, Layer, Spec
from .mermaid import Flowchart, Group, Markup, Node, escape, label, node_id

#: Layer colours: (tint, stroke). The tints are translucent (``#rrggbbaa``) and the text
#: colour is left to the theme: Material sets every label's colour itself (dark on its light
#: scheme, light on its dark one), so an opaque pastel fill would hide light text on the
#: dark scheme. A translucent tint darkens or lightens with the page behind it, and the
#: mid-tone strokes read on both.
TONES = (
    ("#1e88e526", "#1e88e5"),  # blue
    ("#43a04726", "#43a047"),  # green
    ("#fb8c0026", "#fb8c00"),  # orange
    ("#8e24aa26", "#8e24aa"),  # purple
    ("#00acc126", "#00acc1"),  # teal
    ("#d81b6026", "#d81b60"),  # pink
    ("#c0ca3326", "#9e9d24"),  # olive
    ("#8d6e6326", "#8d6e63"),  # brown
)

#: Fixed classes: subnet tiers, environment tiers, and the roles nodes play (no text colours: see TONES).
STYLES = {
    "public": "fill:#1e88e51f,stroke:#1e88e5,stroke-width:2px",
    "private": "fill:#43a0471f,stroke:#43a047,stroke-width:2px",
    "isolated": "fill:#ffb3002b,stroke:#c79100,stroke-width:2px",
    "network": "fill:#78909c12,stroke:#78909c,stroke-width:2px",
    "region": "fill:none,stroke:#90a4ae,stroke-dasharray:6 4",
    "zone": "fill:none,stroke:#90a4ae,stroke-dasharray:3 3",
    "external": "fill:#78909c1f,stroke:#78909c,stroke-dasharray:4 3",
    "stub": "fill:none,stroke:#9e9e9e,stroke-dasharray:4 3",
    "missing": "fill:#e5393526,stroke:#e53935,stroke-dasharray:4 3",
    "focus": "fill:#fdd83559,stroke:#f9a825,stroke-width:3px",
    "development": "fill:#43a04726,stroke:#43a047",
    "test": "fill:#00acc126,stroke:#00acc1",
    "staging": "fill:#fb8c0026,stroke:#fb8c00",
    "production": "fill:#e5393526,stroke:#e53935,stroke-width:2px",
    "backup": "fill:#5e35b126,stroke:#7e57c2",
    "copy": "fill:#5e35b114,stroke:#7e57c2,stroke-dasharray:4 3",
    "failover": "fill:#f4511e26,stroke:#f4511e,stroke-width:2px",
    "role": "fill:#546e7a40,stroke:#546e7a,stroke-width:2px",
    "artifact": "fill:#78909c12,stroke:#78909c",
    "muted": "fill:none,stroke:#9e9e9e",
    "objective": "fill:none,stroke:none",
}

#: The group components without a layer are drawn in.
NO_LAYER = ""


@dataclass
class Context:
    """The spec, its index and the page the diagrams are drawn for."""

    spec: Spec
    index: SpecIndex
    links: Links
    page_src: str
    _styles_used: set[str] = field(default_factory=set)

    # --- look-ups ---------------------------------------------------------------------------

    @cached_property
    def components(self) -> dict[str, Component]:
        return self.index.by_id("component")

    @cached_property
    def layers(self) -> dict[str, Layer]:
        return self.index.by_id("layer")

    @cached_property
    def layer_order(self) -> list[str]:
        """Layer ids in the author's order, then layers components name but nobody defines,
        then :data:`NO_LAYER` if some component has none."""
        order = list(self.layers)
        for component in self.components.values():
            key = component.layer or NO_LAYER
            if key not in order and key != NO_LAYER:
                order.append(key)
        if any(not c.layer for c in self.components.values()):
            order.append(NO_LAYER)
        return order

    @cached_property
    def dependents(self) -> dict[str, list[str]]:
        """For each component id, the ids of the components that depend on it (in spec order)."""
        found: dict[str, list[str]] = {}
        for component in self.components.values():
            for target in component.depends_on:
                users = found.setdefault(target, [])
                if component.id not in users:
                    users.append(component.id)
        return found

    def layer_of(self, component_id: str) -> str:
        component = self.components.get(component_id)
        return (component.layer or NO_LAYER) if component else NO_LAYER

    def layer_title(self, layer_id: str) -> str:
        if layer_id == NO_LAYER:
            return "No layer"
        layer = self.layers.get(layer_id)
        return layer.name if layer else f"{layer_id} (undefined layer)"

    def tone(self, layer_id: str) -> str:
        """The class name of a layer's colour: ``tone0``... in the order layers are written."""
        if layer_id == NO_LAYER:
            return "muted"
        return f"tone{self.layer_order.index(layer_id) % len(TONES)}" if layer_id in self.layer_order else "muted"

    # --- links ------------------------------------------------------------------------------

    def url(self, kind: str, ident: str) -> str | None:
        """A relative URL from this page to an item, if the item exists."""
        if self.index.get(kind, ident) is None and not (kind == "component" and ident in self.components):
            return None
        return self.links.item_url(kind, ident, self.page_src)

    def page_url(self, concern: str) -> str:
        """A relative URL from this page to a concern's page (``index`` for the summary)."""
        return self.links.relative(self.links.concern_page(concern), self.page_src)

    # --- drawing ----------------------------------------------------------------------------

    def chart(self, direction: str) -> Flowchart:
        chart = Flowchart(direction)
        for name, declaration in STYLES.items():
            chart.style(name, declaration)
        for number, (fill, stroke) in enumerate(TONES):
            chart.style(f"tone{number}", f"fill:{fill},stroke:{stroke}")
        return chart

    def component_node(
        self,
        parent: Group,
        component_id: str,
        *,
        ident: str | None = None,
        detail: str | Markup | None = None,
        css: str | None = None,
        stub: bool = False,
    ) -> Node:
        """A clickable node for a component (its name; ``detail`` on a second line).

        A component nobody defines is drawn in red with "(undefined)", never left out.
        """
        component = self.components.get(component_id)
        ident = ident or node_id("component", component_id)
        if component is None:
            text = label(component_id, "(undefined component)")
            return parent.node(ident, text, css="missing")
        text = label(component.name, *(() if detail is None else (detail,)))
        shape = "database" if component.stateful else "box"
        style = "stub" if stub else (css or self.tone(self.layer_of(component_id)))
        return parent.node(ident, text, shape=shape, css=style, url=self.url("component", component_id))

    def item_node(self, parent: Group, kind: str, ident: str, text: str | Markup, **options: object) -> Node:
        """A node for any item, linked to its anchor (red and unlinked if the item is missing)."""
        url = self.url(kind, ident)
        if url is None:
            return parent.node(node_id(kind, ident), label(ident, f"(undefined {kind})"), css="missing")
        return parent.node(node_id(kind, ident), text, url=url, **options)  # type: ignore[arg-type]


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 component``, ``3 components``."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


__all__ = ["NO_LAYER", "STYLES", "TONES", "Context", "escape", "plural"]
