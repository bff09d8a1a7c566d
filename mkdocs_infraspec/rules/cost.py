"""Cost rules (IS92x): budgets, their alerts and estimates, shutdown schedules, allocation tags."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..index import SpecIndex
from ..models import Spec
from .context import RuleContext
from .rule import Finding, finding, rule


@rule("IS921", "missing-shutdown-schedule", "cost", needs=("environments",))
def missing_shutdown_schedule(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A non-production environment has no shutdown schedule.

    Development and test environments that run around the clock cost about three times
    what office hours cost.

    FAIL:
    ```yaml
    environments:
      - id: development
        tier: development
    ```
    PASS:
    ```yaml
    environments:
      - id: development
        tier: development
        schedule: office-hours   # a schedule in cost-management.yaml
    ```
    """
    for environment in context.environments.values():
        if environment.id not in context.production and not environment.schedule:
            yield finding(environment.loc("tier"), f"{environment.tier.value} environment {environment.id!r} has no shutdown schedule", environment,
                          hint="add schedule: <id of a schedule in cost-management.yaml>")


@rule("IS922", "budget-thresholds", "cost", severity="error", needs=("cost-management",))
def budget_thresholds(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A budget's alert thresholds are not in ascending order (or repeat).

    FAIL:
    ```yaml
    budgets:
      - id: production
        monthly: 12000
        alert_thresholds: [80%, 50%, 100%]
    ```
    PASS:
    ```yaml
        alert_thresholds: [50%, 80%, 100%]
    ```
    """
    for budget in spec.cost_management.budgets:
        thresholds = budget.alert_thresholds
        for position in range(1, len(thresholds)):
            if thresholds[position] <= thresholds[position - 1]:
                yield finding(budget.loc("alert_thresholds", position),
                              f"alert threshold {thresholds[position]:g}% of budget {budget.id!r} does not rise above the one before it ({thresholds[position - 1]:g}%)",
                              budget, hint="list thresholds in ascending order, each once")
                break


@rule("IS923", "estimates-over-budget", "cost", severity="error", needs=("cost-management",))
def estimates_over_budget(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """The monthly estimates of the environments a budget covers add up to more than the budget.

    A budget with no `environments` covers every estimate.

    FAIL:
    ```yaml
    budgets:
      - id: production
        environments: [production]
        monthly: 1000
    estimates:
      - component: ledger-db
        environment: production
        monthly: 1400
    ```
    PASS:
    ```yaml
        monthly: 1500
    ```
    """
    cost = spec.cost_management
    for budget in cost.budgets:
        covered = [e for e in cost.estimates if not budget.environments or e.environment in budget.environments]
        total = sum((e.monthly for e in covered), Decimal(0))
        if covered and total > budget.monthly:
            yield finding(budget.loc("monthly"),
                          f"estimates for budget {budget.id!r} add up to {total:,.2f} {cost.currency} a month, above its {budget.monthly:,.2f}",
                          budget, related=tuple(e.loc("monthly") for e in covered[:5]),
                          hint="raise the budget, or bring the estimates down (see the cost strategies)")


@rule("IS924", "budget-without-alerts", "cost", needs=("cost-management",))
def budget_without_alerts(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A budget has no alert thresholds.

    FAIL:
    ```yaml
    budgets:
      - id: production
        monthly: 12000
    ```
    PASS:
    ```yaml
      - id: production
        monthly: 12000
        alert_thresholds: [80%, 100%]
    ```
    """
    for budget in spec.cost_management.budgets:
        if not budget.alert_thresholds:
            yield finding(budget.loc("id"), f"budget {budget.id!r} has no alert thresholds", budget,
                          hint="add alert_thresholds: [80%, 100%]")


@rule("IS925", "production-shutdown", "cost", needs=("environments",))
def production_shutdown(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A production environment has a shutdown schedule.

    Shutdown schedules are for non-production; production runs around the clock.

    FAIL:
    ```yaml
    - id: production
      tier: production
      schedule: office-hours
    ```
    PASS:
    ```yaml
    - id: production
      tier: production
    ```
    """
    for environment in context.environments.values():
        if environment.id in context.production and environment.schedule:
            yield finding(environment.loc("schedule"), f"production environment {environment.id!r} has a shutdown schedule", environment,
                          hint="remove the schedule from production")


@rule("IS926", "no-budget", "cost", needs=("cost-management",))
def no_budget(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """The cost concern sets no budget.

    FAIL:
    ```yaml
    currency: EUR
    strategies: []
    ```
    PASS:
    ```yaml
    currency: EUR
    budgets:
      - id: total
        name: Whole system
        monthly: 15000
        alert_thresholds: [80%, 100%]
    ```
    """
    cost = spec.cost_management
    if not cost.budgets:
        yield finding(cost.loc(), "no budget is set", hint="add budgets: with a monthly amount and alert thresholds")


@rule("IS927", "allocation-tag", "cost", needs=("cost-management", "constraints"))
def allocation_tag(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A cost allocation tag is not among the tags every resource must carry.

    Costs can only be allocated by a tag that every resource has.

    FAIL:
    ```yaml
    # cost-management.yaml
    allocation_tags: [CostCentre]
    # constraints.yaml: required_tags has no CostCentre
    ```
    PASS:
    ```yaml
    # constraints.yaml
    required_tags:
      - key: CostCentre
    ```
    """
    required = {tag.key for tag in spec.constraints.required_tags}
    for position, tag in enumerate(spec.cost_management.allocation_tags):
        if tag not in required:
            yield finding(spec.cost_management.loc("allocation_tags", position),
                          f"allocation tag {tag!r} is not a required tag", hint=f"add {tag} to required_tags in constraints.yaml")
