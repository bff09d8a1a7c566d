"""Everything the spec says about one component, gathered across concerns for its own page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..index import SpecIndex
from ..models import Component, Spec
from ..models.architecture import Flow, Layer, Module, Network, SharedService, Subnet
from ..models.assertions import Assertion
from ..models.base import SpecModel
from ..models.clarifications import Question
from ..models.cost import Estimate, Schedule, Strategy
from ..models.disaster_recovery import Backup, Failover, Objective, Procedure
from ..models.observability import SLO, Alert, Dashboard, LogStream, Metric, Tracing
from ..models.responsibilities import Dependency
from ..models.security import AtRest, Control, InTransit, Mitigation, Requirement, Secret, Threat
from ..models.tradeoffs import Decision


@dataclass
class Placement:
    """A subnet the component sits in, with its network."""

    network: Network | None
    subnet: Subnet


@dataclass
class ComponentView:
    """One component and every item that names it, sorted into what a reader looks for."""

    component: Component
    layer: Layer | None = None
    modules: list[Module] = field(default_factory=list)
    dependents: list[tuple[Component, Dependency]] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    flows_in: list[Flow] = field(default_factory=list)
    flows_out: list[Flow] = field(default_factory=list)
    shared: list[SharedService] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    threats: list[Threat] = field(default_factory=list)
    mitigations: list[Mitigation] = field(default_factory=list)
    controls: list[Control] = field(default_factory=list)
    secrets_stored: list[Secret] = field(default_factory=list)
    secrets_read: list[Secret] = field(default_factory=list)
    at_rest: list[AtRest] = field(default_factory=list)
    in_transit: list[InTransit] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    logs: list[LogStream] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    dashboards: list[Dashboard] = field(default_factory=list)
    slos: list[SLO] = field(default_factory=list)
    traced: bool = False
    objectives: list[Objective] = field(default_factory=list)
    backups: list[Backup] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)
    failovers: list[Failover] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)
    strategies: list[Strategy] = field(default_factory=list)
    schedules: list[Schedule] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)

    @property
    def security(self) -> bool:
        return bool(self.threats or self.mitigations or self.controls or self.secrets_stored or self.secrets_read
                    or self.at_rest or self.in_transit or self.requirements)

    @property
    def observability(self) -> bool:
        return bool(self.logs or self.metrics or self.alerts or self.dashboards or self.slos or self.traced)

    @property
    def recovery(self) -> bool:
        return bool(self.objectives or self.backups or self.procedures or self.failovers)

    @property
    def cost(self) -> bool:
        return bool(self.estimates or self.strategies or self.schedules)

    @property
    def placement(self) -> bool:
        return bool(self.placements or self.flows_in or self.flows_out or self.shared)


# Which list of the view each referring model goes to (field name -> view attribute where a
# model holds references with different meanings).
_BUCKETS: dict[type[SpecModel], str] = {
    Module: "modules", SharedService: "shared", Decision: "decisions", Threat: "threats",
    Mitigation: "mitigations", Control: "controls", AtRest: "at_rest", InTransit: "in_transit",
    Requirement: "requirements", LogStream: "logs", Metric: "metrics", Alert: "alerts",
    Dashboard: "dashboards", SLO: "slos", Objective: "objectives", Backup: "backups",
    Procedure: "procedures", Failover: "failovers", Estimate: "estimates", Strategy: "strategies",
    Schedule: "schedules", Assertion: "assertions", Question: "questions",
}


def _add(items: list[Any], value: Any) -> None:
    if not any(existing is value for existing in items):
        items.append(value)


def gather(component: Component, spec: Spec, index: SpecIndex) -> ComponentView:
    """The component's view, in the order each concern lists its items."""
    view = ComponentView(component)
    if component.layer:
        layer = index.item("layer", component.layer)
        view.layer = layer if isinstance(layer, Layer) else None
    for reference in index.referrers("component", component.id):
        owner, holder = reference.owner, reference.holder
        if isinstance(owner, Dependency):
            if isinstance(holder, Component) and holder is not component:
                _add(view.dependents, (holder, owner))
        elif isinstance(owner, Subnet):
            entry = index.get("subnet", owner.id)
            network = entry.parent if entry is not None and isinstance(entry.parent, Network) else None
            if not any(p.subnet is owner for p in view.placements):
                view.placements.append(Placement(network, owner))
        elif isinstance(owner, Flow):
            _add(view.flows_out if reference.field == "from" else view.flows_in, owner)
        elif isinstance(owner, Secret):
            _add(view.secrets_stored if reference.field == "store" else view.secrets_read, owner)
        elif isinstance(owner, Tracing):
            view.traced = True
        else:
            bucket = _BUCKETS.get(type(owner)) or (_BUCKETS.get(type(holder)) if holder is not None else None)
            target = owner if type(owner) in _BUCKETS else holder
            if bucket is not None:
                _add(getattr(view, bucket), target)
    return view
