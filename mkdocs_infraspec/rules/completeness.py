"""Completeness rules (IS41x-IS42x): what the seed says every spec must state, stated.

Each finding about something missing is located at the id of the item that lacks it, or
at the field that is there but empty.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..index import SpecIndex
from ..models import Spec
from ..models.overview import DeliveryType, Status
from ..models.tradeoffs import DecisionStatus
from .context import RuleContext
from .rule import Finding, finding, rule

_DECIDED = (DecisionStatus.ACCEPTED, DecisionStatus.SUPERSEDED, DecisionStatus.DEPRECATED, DecisionStatus.REJECTED)


def _words(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


@rule("IS410", "component-responsibilities", "completeness", needs=("responsibilities",))
def component_responsibilities(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A component does not say what it manages, provides or exposes.

    Responsibilities are what the infrastructure designer turns into resources; a component
    without them is a name, not a design. List at least one of `manages`, `provides` or
    `exposes`.

    FAIL:
    ```yaml
    components:
      - id: api-gateway
        name: API gateway
    ```
    PASS:
    ```yaml
    components:
      - id: api-gateway
        name: API gateway
        responsibilities:
          manages: [API Gateway resource, routes, integrations]
          provides: [Public HTTPS endpoint, rate limiting]
    ```
    """
    for component in spec.components:
        if component.responsibilities is None:
            yield finding(component.loc("id"), f"component {component.id!r} lists no responsibilities", component,
                          hint="add responsibilities: with what it manages, provides and exposes")
        elif component.responsibilities.empty:
            yield finding(component.loc("responsibilities"), f"the responsibilities of component {component.id!r} are empty", component,
                          hint="list what it manages, provides or exposes")


@rule("IS411", "component-lifecycle", "completeness", needs=("responsibilities",))
def component_lifecycle(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A component does not say how it is provisioned, updated and destroyed.

    The seed asks for a lifecycle on every component: the provisioner, the update strategy
    and what destruction takes. The message names the parts that are missing.

    FAIL:
    ```yaml
    components:
      - id: ledger-db
        name: Ledger database
        lifecycle:
          provisioner: Terraform
    ```
    PASS:
    ```yaml
    components:
      - id: ledger-db
        name: Ledger database
        lifecycle:
          provisioner: Terraform
          update_strategy: blue-green
          destruction: Requires manual confirmation; final snapshot kept 35 days
    ```
    """
    for component in spec.components:
        lifecycle = component.lifecycle
        if lifecycle is None:
            yield finding(component.loc("id"), f"component {component.id!r} has no lifecycle", component,
                          hint="add lifecycle: with provisioner, update_strategy and destruction")
            continue
        missing = [
            label
            for label, value in (("provisioner", lifecycle.provisioner), ("update_strategy", lifecycle.update_strategy), ("destruction", lifecycle.destruction))
            if not value
        ]
        if missing:
            yield finding(component.loc("lifecycle"), f"the lifecycle of component {component.id!r} does not give its {_words(missing)}", component,
                          hint="a lifecycle says how the component is provisioned, updated and destroyed")


@rule("IS412", "component-layer", "completeness", needs=("responsibilities",))
def component_layer(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A component belongs to no architecture layer.

    Layers (network, compute, data, integration, observability, security) are how the
    architecture draws its boundaries; every component sits in exactly one.

    FAIL:
    ```yaml
    components:
      - id: ledger-db
        name: Ledger database
    ```
    PASS:
    ```yaml
    components:
      - id: ledger-db
        name: Ledger database
        layer: data
    ```
    """
    for component in spec.components:
        if not component.layer:
            known = ", ".join(context.layers) or "none defined yet"
            yield finding(component.loc("id"), f"component {component.id!r} is in no layer", component,
                          hint=f"add layer: <id> (layers: {known})")


@rule("IS413", "component-owner", "completeness", needs=("responsibilities",))
def component_owner(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A component has no owner.

    Someone must be answerable for each component: its changes, its alerts, its cost.

    FAIL:
    ```yaml
    components:
      - id: ledger-db
        name: Ledger database
    ```
    PASS:
    ```yaml
    components:
      - id: ledger-db
        name: Ledger database
        owner: payments-platform
    ```
    """
    for component in spec.components:
        if not (component.owner or "").strip():
            yield finding(component.loc("id"), f"component {component.id!r} has no owner", component,
                          hint="add owner: <team answerable for it>")


@rule("IS414", "empty-layer", "completeness", needs=("responsibilities", "architecture"))
def empty_layer(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A layer has no components.

    A layer that nothing belongs to is either a leftover or a sign that components are
    filed under the wrong layer.

    FAIL:
    ```yaml
    # architecture.yaml
    layers:
      - id: observability
        name: Observability
    # responsibilities.yaml: no component has layer: observability
    ```
    PASS:
    ```yaml
    # responsibilities.yaml
    components:
      - id: monitoring
        name: CloudWatch dashboards and alarms
        layer: observability
    ```
    """
    used = {c.layer for c in spec.components if c.layer}
    for layer in spec.architecture.layers:
        if layer.id not in used:
            yield finding(layer.loc("id"), f"layer {layer.id!r} has no components", layer,
                          hint=f"set layer: {layer.id} on the components that belong to it, or remove the layer")


@rule("IS415", "decision-options", "completeness", needs=("tradeoffs",))
def decision_options(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A decision weighs fewer than two options.

    A decision with one option is an assertion, not a trade-off: list the alternatives
    that were considered, even the ones rejected quickly.

    FAIL:
    ```yaml
    decisions:
      - id: database
        title: Database engine
        options:
          - name: RDS PostgreSQL
            pros: [ACID transactions]
            cons: [Vertical scaling limits]
    ```
    PASS:
    ```yaml
        options:
          - name: RDS PostgreSQL
            pros: [ACID transactions]
            cons: [Vertical scaling limits]
          - name: DynamoDB
            pros: [Horizontal scaling]
            cons: [No joins]
    ```
    """
    for decision in spec.tradeoffs.decisions:
        count = len(decision.options)
        if count < 2:
            where = decision.loc("options") if count else decision.loc("id")
            yield finding(where, f"decision {decision.id!r} weighs {'only one option' if count else 'no options'}", decision,
                          hint="list at least two options, each with pros and cons")


@rule("IS416", "option-pros-cons", "completeness", needs=("tradeoffs",))
def option_pros_cons(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """An option of a decision lists no pros or no cons.

    Every option has something for it and something against it; an option without cons
    was not examined.

    FAIL:
    ```yaml
    options:
      - name: DynamoDB
        pros: [Horizontal scaling]
    ```
    PASS:
    ```yaml
    options:
      - name: DynamoDB
        pros: [Horizontal scaling]
        cons: [No complex joins, team learning curve]
    ```
    """
    for decision in spec.tradeoffs.decisions:
        for position, option in enumerate(decision.options):
            missing = [label for label, values in (("pros", option.pros), ("cons", option.cons)) if not values]
            if missing:
                yield finding(decision.loc("options", position, "name"),
                              f"option {option.name!r} of decision {decision.id!r} lists no {' and no '.join(missing)}", decision,
                              hint="say what speaks for and against each option")


@rule("IS417", "decision-outcome", "completeness", needs=("tradeoffs",))
def decision_outcome(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A decision that is no longer proposed does not say what was decided.

    Accepted, rejected, superseded and deprecated decisions state the outcome in
    `decision`. Proposed decisions are still open and are exempt (see `pending-decision`).

    FAIL:
    ```yaml
    decisions:
      - id: database
        title: Database engine
        status: accepted
    ```
    PASS:
    ```yaml
    decisions:
      - id: database
        title: Database engine
        status: accepted
        decision: RDS PostgreSQL for transactions, DynamoDB for sessions.
    ```
    """
    for decision in spec.tradeoffs.decisions:
        if decision.status in _DECIDED and not (decision.decision or "").strip():
            yield finding(decision.loc("status"), f"decision {decision.id!r} is {decision.status.value} but does not say what was decided", decision,
                          hint="add decision: with the outcome in a sentence")


@rule("IS418", "decision-rationale", "completeness", needs=("tradeoffs",))
def decision_rationale(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A decision that is no longer proposed gives no rationale.

    The seed: "do not leave architectural decisions implicit". The rationale is what a
    later reader needs to know whether the decision still holds.

    FAIL:
    ```yaml
    - id: database
      status: accepted
      decision: RDS PostgreSQL.
    ```
    PASS:
    ```yaml
    - id: database
      status: accepted
      decision: RDS PostgreSQL.
      rationale: Data integrity and query flexibility matter most for the ledger.
    ```
    """
    for decision in spec.tradeoffs.decisions:
        if decision.status in _DECIDED and not (decision.rationale or "").strip():
            yield finding(decision.loc("status"), f"decision {decision.id!r} is {decision.status.value} but gives no rationale", decision,
                          hint="add rationale: why this option won")


@rule("IS419", "pending-decision", "completeness", needs=("tradeoffs", "overview"))
def pending_decision(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A decision is still proposed although the spec is approved.

    Only fires once `overview.status` is `approved`: a hand-off with open decisions leaves
    the designer to make them.

    FAIL:
    ```yaml
    # overview.yaml: status: approved
    decisions:
      - id: cache
        title: Session cache
        status: proposed
    ```
    PASS:
    ```yaml
    decisions:
      - id: cache
        title: Session cache
        status: accepted
    ```
    """
    overview = spec.overview
    if overview is None or overview.status != Status.APPROVED:
        return
    for decision in spec.tradeoffs.decisions:
        if decision.status == DecisionStatus.PROPOSED:
            yield finding(decision.loc("status") if "status" in decision.model_fields_set else decision.loc("id"),
                          f"decision {decision.id!r} is still proposed, but the spec is approved", decision,
                          related=(overview.loc("status"),),
                          hint="decide it (accepted or rejected) or set the spec's status back to review")


@rule("IS420", "assertion-steps", "completeness", needs=("assertions",))
def assertion_steps(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """An assertion lacks its Given, When or Then.

    An assertion is testable only with all three: the situation, the event and the
    expected outcome.

    FAIL:
    ```yaml
    assertions:
      - id: az-failure
        title: High availability
        given: Production environment
        then: Services continue with <5s disruption
    ```
    PASS:
    ```yaml
    assertions:
      - id: az-failure
        title: High availability
        given: Production environment
        when: A single availability zone fails
        then: Services continue with <5s disruption
    ```
    """
    for assertion in spec.assertions.assertions:
        missing = [label for label, value in (("given", assertion.given), ("when", assertion.when), ("then", assertion.then)) if not (value or "").strip()]
        if missing:
            yield finding(assertion.loc("id"), f"assertion {assertion.id!r} has no {_words(missing).replace(' and ', ' or ')}", assertion,
                          hint="write it as Given (situation), When (event), Then (expected outcome)")


@rule("IS421", "component-untested", "completeness", needs=("responsibilities", "assertions"))
def component_untested(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """No assertion covers a component.

    Assertions give the implementers their targets; a component that no assertion names
    has no stated behaviour to verify.

    FAIL:
    ```yaml
    # responsibilities.yaml
    components:
      - id: nat-gateway
    # assertions.yaml: no assertion lists nat-gateway in components
    ```
    PASS:
    ```yaml
    # assertions.yaml
    assertions:
      - id: private-egress
        title: Private egress
        given: A task in a private subnet
        when: It calls a public API
        then: Traffic leaves through the NAT gateway of its zone
        components: [nat-gateway]
    ```
    """
    for component in spec.components:
        if component.id not in context.assertions:
            yield finding(component.loc("id"), f"no assertion covers component {component.id!r}", component,
                          hint=f"add {component.id} to the components of an assertion about its behaviour")


@rule("IS422", "component-module", "completeness", needs=("responsibilities", "architecture"))
def component_module(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """Modules are defined, but a component belongs to none.

    Module boundaries say what is provisioned and versioned together. Once a spec defines
    modules, every component must be in one, or the designer does not know where it goes.
    Specs without modules are not checked.

    FAIL:
    ```yaml
    modules:
      - id: data
        name: Data module
        components: [ledger-db]
    # responsibilities.yaml also has a component sessions-cache
    ```
    PASS:
    ```yaml
    modules:
      - id: data
        name: Data module
        components: [ledger-db, sessions-cache]
    ```
    """
    modules = spec.architecture.modules
    if not modules:
        return
    grouped = {c for module in modules for c in module.components}
    for component in spec.components:
        if component.id not in grouped:
            yield finding(component.loc("id"), f"component {component.id!r} is in no module", component,
                          hint="add it to the components of the module that provisions it")


@rule("IS423", "migration-plan", "completeness", needs=("overview",))
def migration_plan(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A migration does not say its strategy or how to roll back.

    For a migration the seed asks for the strategy (big bang or incremental) and the
    rollback plan.

    FAIL:
    ```yaml
    delivery:
      type: migration
      source: On-premises Oracle cluster
    ```
    PASS:
    ```yaml
    delivery:
      type: migration
      source: On-premises Oracle cluster
      strategy: incremental
      rollback: Traffic is switched back at the load balancer; writes are replayed from the queue.
    ```
    """
    overview = spec.overview
    if overview is None or overview.delivery is None or overview.delivery.type != DeliveryType.MIGRATION:
        return
    delivery = overview.delivery
    missing = [label for label, value in (("strategy", delivery.strategy), ("rollback plan", delivery.rollback)) if not value]
    if missing:
        yield finding(overview.loc("delivery", "type"), f"the migration gives no {' and no '.join(missing)}",
                      hint="add strategy: (big-bang, incremental or parallel-run) and rollback: under delivery")


@rule("IS424", "state-management", "completeness", needs=("constraints",))
def state_management(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """The constraints do not say which IaC tool is used, where its state lives, or how it is locked.

    Infrastructure as code needs a remote state backend and locking, or two applies can
    corrupt the state.

    FAIL:
    ```yaml
    iac:
      tool: Terraform
    ```
    PASS:
    ```yaml
    iac:
      tool: Terraform
      state:
        backend: S3 bucket per account, versioned
        locking: DynamoDB lock table
        versioning: true
        encrypted: true
    ```
    """
    constraints = spec.constraints
    if constraints.iac is None:
        yield finding(constraints.loc(), "the constraints name no infrastructure-as-code tool",
                      hint="add iac: with tool and state (backend, locking)")
    elif constraints.iac.state is None:
        yield finding(constraints.loc("iac", "tool"), "the constraints do not say where infrastructure state is kept",
                      hint="add state: with backend and locking under iac")
    elif not (constraints.iac.state.locking or "").strip():
        yield finding(constraints.loc("iac", "state", "backend"), "the infrastructure state has no locking",
                      hint="add locking: how concurrent applies are prevented (a lock table, the backend's own locking)")


@rule("IS425", "production-approvals", "completeness", needs=("environments", "constraints"))
def production_approvals(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A production environment needs no approval for changes.

    Production changes go through an approval workflow: set `approvals.required` on the
    environment, or `change_management.approvals` in the constraints.

    FAIL:
    ```yaml
    environments:
      - id: production
        tier: production
    ```
    PASS:
    ```yaml
    environments:
      - id: production
        tier: production
        approvals:
          required: 2
          approvers: [platform-leads]
    ```
    """
    management = spec.constraints.change_management
    by_policy = management.approvals if management is not None else {}
    for environment in context.environments.values():
        if environment.id not in context.production:
            continue
        required = max(environment.approvals.required if environment.approvals else 0, by_policy.get(environment.id, 0))
        if required < 1:
            where = environment.loc("approvals", "required") if environment.approvals else environment.loc("id")
            yield finding(where, f"production environment {environment.id!r} needs no approval for changes", environment,
                          hint="set approvals: {required: 1} or more, or change_management.approvals in constraints.yaml")

