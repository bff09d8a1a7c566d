"""Consistency rules (IS5xx): two parts of the spec that contradict each other."""

from __future__ import annotations

from collections.abc import Iterator

from ..index import SpecIndex
from ..models import Spec
from ..models.tradeoffs import DecisionStatus
from .context import RuleContext
from .rule import Finding, finding, rule

_RETIRED = (DecisionStatus.SUPERSEDED, DecisionStatus.REJECTED, DecisionStatus.DEPRECATED)


@rule("IS501", "placement-environment", "consistency", severity="error", needs=("responsibilities", "architecture"))
def placement_environment(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A component is placed in a subnet of a network that belongs to an environment it is not deployed to.

    A component that lists its `environments` may only be placed in the subnets of those
    environments' networks.

    FAIL:
    ```yaml
    # responsibilities.yaml
    components:
      - id: load-test-runner
        environments: [staging]
    # architecture.yaml
    topology:
      networks:
        - id: prod-vpc
          environment: production
          subnets:
            - id: prod-private-a
              components: [load-test-runner]
    ```
    PASS:
    ```yaml
    topology:
      networks:
        - id: staging-vpc
          environment: staging
          subnets:
            - id: staging-private-a
              components: [load-test-runner]
    ```
    """
    for component in spec.components:
        if not component.environments:
            continue
        for placement in context.placements.get(component.id, []):
            environment = placement.network.environment
            if environment not in component.environments:
                yield finding(
                    placement.subnet.loc("components", placement.position),
                    f"component {component.id!r} is placed in subnet {placement.subnet.id!r} of network {placement.network.id!r} "
                    f"({environment}), but is only deployed to {', '.join(component.environments)}",
                    component, placement.subnet,
                    related=(component.loc("environments"),),
                    hint=f"add {environment} to the component's environments, or place it in a network of its environments",
                )


@rule("IS502", "retired-decision-reference", "consistency", needs=("tradeoffs",))
def retired_decision_reference(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """Something relies on a decision that is superseded, rejected or deprecated.

    A compliance requirement satisfied by a superseded decision, or a question about a
    rejected one, points at something that no longer holds. Refer to the decision that
    replaced it. (`superseded_by` chains are exempt.)

    FAIL:
    ```yaml
    requirements:
      - id: pci-3-5
        title: Protect stored account data
        satisfied_by: [tokenise-in-app]   # status: superseded
    ```
    PASS:
    ```yaml
        satisfied_by: [tokenise-at-edge]  # the decision that superseded it
    ```
    """
    for reference in index.references:
        if "decision" not in reference.kinds and reference.kinds != ("*",):
            continue
        if reference.field == "superseded_by":
            continue
        entry = index.resolve(reference.target, reference.kinds)
        if entry is None or entry.kind != "decision":
            continue
        decision = entry.item
        status = getattr(decision, "status", None)
        if status in _RETIRED:
            successor = getattr(decision, "superseded_by", None)
            yield finding(
                reference.location,
                f"{reference.describe()} refers to decision {decision.id!r}, which is {status.value}",
                reference.holder, reference.owner,
                related=(decision.loc("status"),),
                hint=f"refer to {successor!r}, which supersedes it" if successor else "refer to the decision that holds now",
            )


@rule("IS503", "superseded-without-successor", "consistency", needs=("tradeoffs",))
def superseded_without_successor(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A decision is superseded, but does not say by which decision.

    FAIL:
    ```yaml
    - id: tokenise-in-app
      status: superseded
    ```
    PASS:
    ```yaml
    - id: tokenise-in-app
      status: superseded
      superseded_by: tokenise-at-edge
    ```
    """
    for decision in spec.tradeoffs.decisions:
        if decision.status == DecisionStatus.SUPERSEDED and not decision.superseded_by:
            yield finding(decision.loc("status"), f"decision {decision.id!r} is superseded, but names no successor", decision,
                          hint="add superseded_by: <id of the decision that replaces it>")


@rule("IS504", "successor-mismatch", "consistency", severity="error", needs=("tradeoffs",))
def successor_mismatch(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A decision names a successor but is not superseded, or its successor was rejected.

    `superseded_by` only makes sense on a superseded decision, and the successor must be a
    decision that holds (proposed or accepted, or itself superseded further).

    FAIL:
    ```yaml
    - id: tokenise-in-app
      status: accepted
      superseded_by: tokenise-at-edge
    ```
    PASS:
    ```yaml
    - id: tokenise-in-app
      status: superseded
      superseded_by: tokenise-at-edge
    ```
    """
    for decision in spec.tradeoffs.decisions:
        if not decision.superseded_by:
            continue
        if decision.status != DecisionStatus.SUPERSEDED:
            yield finding(decision.loc("superseded_by"),
                          f"decision {decision.id!r} names a successor but its status is {decision.status.value}", decision,
                          hint="set status: superseded, or remove superseded_by")
            continue
        successor = index.item("decision", decision.superseded_by)
        status = getattr(successor, "status", None)
        if successor is not None and status in (DecisionStatus.REJECTED, DecisionStatus.DEPRECATED):
            yield finding(decision.loc("superseded_by"),
                          f"decision {decision.id!r} is superseded by {successor.id!r}, which is {status.value}", decision,
                          related=(successor.loc("status"),),
                          hint="name the decision that holds now")


@rule("IS505", "no-chosen-option", "consistency", needs=("tradeoffs",))
def no_chosen_option(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """An accepted decision weighs options, but marks none of them as chosen.

    Mark the option (or options, for a split decision) that was taken with `chosen: true`,
    so that readers and the site can tell it from the alternatives.

    FAIL:
    ```yaml
    - id: database
      status: accepted
      options:
        - name: RDS PostgreSQL
        - name: DynamoDB
    ```
    PASS:
    ```yaml
      options:
        - name: RDS PostgreSQL
          chosen: true
        - name: DynamoDB
    ```
    """
    for decision in spec.tradeoffs.decisions:
        if decision.status == DecisionStatus.ACCEPTED and decision.options and not decision.chosen:
            yield finding(decision.loc("options"), f"accepted decision {decision.id!r} marks no option as chosen", decision,
                          hint="add chosen: true to the option that was taken")


@rule("IS506", "network-region", "consistency", needs=("architecture", "environments", "disaster-recovery"))
def network_region(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A network is in a region that is neither its environment's nor the recovery region.

    FAIL:
    ```yaml
    # environments.yaml: production is in eu-west-1; no secondary region
    networks:
      - id: prod-vpc
        environment: production
        region: us-east-1
    ```
    PASS:
    ```yaml
    networks:
      - id: prod-vpc
        environment: production
        region: eu-west-1
    ```
    """
    secondary = spec.disaster_recovery.secondary_region
    for network in context.networks:
        environment = context.environments.get(network.environment)
        if environment is None:
            continue
        allowed = {environment.region} | ({secondary} if secondary and network.environment in context.production else set())
        if network.region not in allowed:
            yield finding(network.loc("region"),
                          f"network {network.id!r} is in {network.region}, but environment {environment.id!r} is in {environment.region}",
                          network, related=(environment.loc("region"),),
                          hint="correct the region, or set secondary_region in disaster-recovery.yaml for a recovery network")


@rule("IS507", "network-zones", "consistency", needs=("architecture", "environments"))
def network_zones(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A network uses an availability zone that its environment does not list.

    Only checked when the environment lists its zones and the network is in the
    environment's region.

    FAIL:
    ```yaml
    # environments.yaml: production uses eu-west-1a and eu-west-1b
    networks:
      - id: prod-vpc
        environment: production
        availability_zones: [eu-west-1a, eu-west-1c]
    ```
    PASS:
    ```yaml
        availability_zones: [eu-west-1a, eu-west-1b]
    ```
    """
    for network in context.networks:
        environment = context.environments.get(network.environment)
        if environment is None or not environment.availability_zones or network.region != environment.region:
            continue
        for position, zone in enumerate(network.availability_zones):
            if zone not in environment.availability_zones:
                yield finding(network.loc("availability_zones", position),
                              f"network {network.id!r} uses zone {zone}, which environment {environment.id!r} does not list",
                              network, related=(environment.loc("availability_zones"),),
                              hint="environment zones: " + ", ".join(environment.availability_zones))


@rule("IS508", "module-overlap", "consistency", needs=("architecture",))
def module_overlap(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A component belongs to more than one module.

    A component is provisioned by exactly one module; two owners means two states that
    fight over the same resources.

    FAIL:
    ```yaml
    modules:
      - id: network
        components: [vpc, nat-gateway]
      - id: egress
        components: [nat-gateway]
    ```
    PASS:
    ```yaml
    modules:
      - id: network
        components: [vpc, nat-gateway]
    ```
    """
    first: dict[str, object] = {}
    for module in spec.architecture.modules:
        for position, component in enumerate(module.components):
            earlier = first.get(component)
            if earlier is None:
                first[component] = module
                continue
            if earlier is module:
                continue
            yield finding(module.loc("components", position),
                          f"component {component!r} is in module {module.id!r} and in module {earlier.id!r}",  # type: ignore[attr-defined]
                          module, related=(earlier.loc("id"),),  # type: ignore[attr-defined]
                          hint="keep the component in the one module that provisions it")


def _layer_closure(context: RuleContext) -> dict[str, set[str]]:
    closure: dict[str, set[str]] = {}
    for start in context.layers:
        seen: set[str] = set()
        todo = list(context.layers[start].depends_on)
        while todo:
            layer = todo.pop()
            if layer in seen:
                continue
            seen.add(layer)
            if layer in context.layers:
                todo.extend(context.layers[layer].depends_on)
        closure[start] = seen
    return closure


@rule("IS509", "layer-boundary", "consistency", needs=("responsibilities", "architecture"))
def layer_boundary(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A component depends on a component of a layer its own layer does not depend on.

    Layers declare which layers they build on (`depends_on`, followed transitively). A
    dependency that crosses into another layer must follow those declarations, or the
    layer diagram is wrong. Only checked when at least one layer declares `depends_on`.

    FAIL:
    ```yaml
    layers:
      - id: network
      - id: data
        depends_on: [network]
      - id: compute
        depends_on: [network]
    # api (compute) depends on ledger-db (data)
    ```
    PASS:
    ```yaml
      - id: compute
        depends_on: [network, data]
    ```
    """
    if not any(layer.depends_on for layer in context.layers.values()):
        return
    closure = _layer_closure(context)
    for component in spec.components:
        own = component.layer
        if not own or own not in context.layers:
            continue
        for position, dependency in enumerate(component.dependencies):
            target = context.components.get(dependency.component or "")
            if target is None or not target.layer or target.layer == own or target.layer not in context.layers:
                continue
            if target.layer not in closure[own]:
                yield finding(component.loc("dependencies", position),
                              f"component {component.id!r} ({own}) depends on {target.id!r} ({target.layer}), "
                              f"but layer {own!r} does not depend on layer {target.layer!r}",
                              component, related=(context.layers[own].loc("id"),),
                              hint=f"add {target.layer} to depends_on of layer {own}, or move one of the components")


@rule("IS510", "flow-without-dependency", "consistency", needs=("responsibilities", "architecture"))
def flow_without_dependency(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """Data flows between two components that do not depend on each other.

    A flow from `web` to `db` means one of them needs the other; the dependency belongs in
    `responsibilities.yaml` so that the dependency view and the data-flow view agree.

    FAIL:
    ```yaml
    flows:
      - from: web
        to: db
        protocol: postgres
    # web lists no dependency on db, nor db on web
    ```
    PASS:
    ```yaml
    components:
      - id: web
        dependencies:
          - component: db
            reason: Stores orders
    ```
    """
    for flow in spec.architecture.topology.flows:
        source = context.components.get(flow.source)
        target = context.components.get(flow.target)
        if source is None or target is None or source is target:
            continue
        if target.id in source.depends_on or source.id in target.depends_on:
            continue
        yield finding(flow.loc("target"), f"{flow.describe()} has no matching dependency between the two components",
                      flow, source,
                      hint=f"add {target.id} to the dependencies of {source.id} (or the reverse)")


@rule("IS511", "estimate-environment", "consistency", needs=("responsibilities", "cost-management", "environments"))
def estimate_environment(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A cost estimate is given for a component in an environment it is not deployed to.

    FAIL:
    ```yaml
    # responsibilities.yaml: db has environments: [production]
    estimates:
      - component: db
        environment: staging
        monthly: 120
    ```
    PASS:
    ```yaml
    estimates:
      - component: db
        environment: production
        monthly: 300
    ```
    """
    for estimate in spec.cost_management.estimates:
        component = context.components.get(estimate.component)
        if component is None or estimate.environment not in context.environments:
            continue
        if estimate.environment not in context.deployed_in(component):
            yield finding(estimate.loc("environment"),
                          f"component {component.id!r} has a cost estimate for {estimate.environment!r}, where it is not deployed", component,
                          related=(component.loc("environments"),),
                          hint="remove the estimate, or add the environment to the component's environments")


@rule("IS512", "dependency-environment", "consistency", needs=("responsibilities", "architecture", "environments"))
def dependency_environment(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A component depends on a component that is missing from one of its environments.

    If `api` runs in staging and needs `queue`, then `queue` must run in staging too, or be
    declared a shared service in `architecture.yaml` (`environment_boundaries.shared`).
    Optional dependencies are exempt.

    FAIL:
    ```yaml
    - id: api
      environments: [staging, production]
      dependencies: [queue]
    - id: queue
      environments: [production]
    ```
    PASS:
    ```yaml
    - id: queue
      environments: [staging, production]
    ```
    """
    boundaries = spec.architecture.environment_boundaries
    shared = {s.component for s in boundaries.shared} if boundaries else set()
    for component in spec.components:
        own = context.deployed_in(component)
        for position, dependency in enumerate(component.dependencies):
            target = context.components.get(dependency.component or "")
            if target is None or dependency.optional or target.id in shared:
                continue
            missing = sorted(own - context.deployed_in(target))
            if missing:
                yield finding(component.loc("dependencies", position),
                              f"component {component.id!r} depends on {target.id!r}, which is not deployed to {', '.join(missing)}",
                              component, related=(target.loc("id"),),
                              hint="deploy the dependency there too, declare it shared in environment_boundaries, or mark the dependency optional")
