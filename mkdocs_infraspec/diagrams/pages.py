"""Which diagrams each generated page shows, in the order a reader meets them."""

from __future__ import annotations

from ..index import SpecIndex
from ..links import Links
from ..models import Spec
from . import (
    Diagram,
    dependencies,
    environments,
    flows,
    layers,
    neighbourhood,
    recovery,
    topology,
    workflow,
)
from .context import Context


def diagrams_for(page: str, spec: Spec, index: SpecIndex, links: Links, page_src: str) -> list[Diagram]:
    ctx = Context(spec, index, links, page_src)
    if page.startswith("component:"):
        return neighbourhood.diagrams(ctx, page.partition(":")[2])
    if page == "index":
        return workflow.diagrams(ctx) + layers.diagrams(ctx)
    if page == "architecture":
        return layers.diagrams(ctx) + topology.diagrams(ctx) + flows.diagrams(ctx)
    if page == "responsibilities":
        return dependencies.diagrams(ctx)
    if page == "environments":
        return environments.diagrams(ctx)
    if page == "disaster-recovery":
        return recovery.diagrams(ctx)
    return []
