"""Observability rules (IS90x): every component watched, alerts routed, logs kept long enough."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..index import SpecIndex
from ..models import Spec
from ..models.observability import AlertSeverity
from .context import RuleContext
from .rule import Finding, finding, rule


@rule("IS901", "unmonitored-component", "observability", needs=("responsibilities", "observability"))
def unmonitored_component(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A component has neither a metric nor an alert.

    FAIL:
    ```yaml
    # responsibilities.yaml has a component nat-gateway;
    # no metric or alert lists it in components
    ```
    PASS:
    ```yaml
    metrics:
      - id: nat-errors
        name: NAT gateway port allocation errors
        components: [nat-gateway]
    ```
    """
    observability = spec.observability
    watched = {c for m in observability.metrics for c in m.components} | {c for a in observability.alerts for c in a.components}
    for component in spec.components:
        if component.id not in watched:
            yield finding(component.loc("id"), f"component {component.id!r} has no metric or alert", component,
                          hint="add a metric (and an alert, if its failure matters) that lists it in components")


@rule("IS902", "critical-without-alert", "observability", needs=("responsibilities", "observability"))
def critical_without_alert(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A `critical` component has no alert.

    If its failure stops the service, someone must be told when it fails.

    FAIL:
    ```yaml
    - id: ledger-db
      critical: true
    # no alert lists ledger-db
    ```
    PASS:
    ```yaml
    alerts:
      - id: ledger-db-down
        name: Ledger database unavailable
        components: [ledger-db]
        condition: No successful health check for 1 minute
        severity: critical
        notify: ["PagerDuty: payments-oncall"]
    ```
    """
    alerted = {c for a in spec.observability.alerts for c in a.components}
    for component in spec.components:
        if component.critical and component.id not in alerted:
            yield finding(component.loc("critical"), f"critical component {component.id!r} has no alert", component,
                          hint="add an alert that lists it in components")


@rule("IS903", "log-retention", "observability", severity="error", needs=("observability", "constraints"))
def log_retention(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A log stream is kept for less time than `policy.log_retention` requires for an environment.

    A stream that gives no retention for an environment the policy covers is reported as
    a warning (the figure is missing), one that keeps logs too briefly as an error.

    FAIL:
    ```yaml
    # constraints.yaml
    policy:
      log_retention:
        production: 90d
    # observability.yaml
    logs:
      - id: app-logs
        retention:
          production: 30d
    ```
    PASS:
    ```yaml
        retention:
          production: 90d
    ```
    """
    required = context.policy.log_retention
    if not required:
        return
    for log in spec.observability.logs:
        for environment, minimum in required.items():
            kept = log.retention.get(environment)
            if kept is None:
                yield finding(log.loc("retention") if log.retention else log.loc("id"),
                              f"log stream {log.id!r} gives no retention for {environment!r}; the policy requires {minimum.human()}",
                              log, related=(spec.constraints.loc("policy", "log_retention", environment),),
                              hint=f"add {environment}: {minimum} (or longer) under retention", severity=Severity.WARNING)
            elif kept.seconds < minimum.seconds:
                yield finding(log.loc("retention", environment),
                              f"log stream {log.id!r} is kept {kept.human()} in {environment!r}, less than the {minimum.human()} the policy requires",
                              log, related=(spec.constraints.loc("policy", "log_retention", environment),),
                              hint=f"keep it at least {minimum}")


@rule("IS904", "alert-without-recipient", "observability", needs=("observability",))
def alert_without_recipient(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """An alert notifies nobody.

    FAIL:
    ```yaml
    alerts:
      - id: api-errors
        name: API 5xx rate
        condition: 5xx rate above 1% for 5 minutes
    ```
    PASS:
    ```yaml
      - id: api-errors
        name: API 5xx rate
        condition: 5xx rate above 1% for 5 minutes
        notify: ["#payments-alerts"]
    ```
    """
    for alert in spec.observability.alerts:
        if not alert.notify:
            yield finding(alert.loc("id"), f"alert {alert.id!r} notifies nobody", alert,
                          hint="add notify: the on-call rotation or channel that acts on it")


@rule("IS905", "alert-without-runbook", "observability", needs=("observability",))
def alert_without_runbook(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A critical or high alert has no runbook.

    Whoever is paged at 3 a.m. needs to know what to do.

    FAIL:
    ```yaml
    - id: ledger-db-down
      severity: critical
      notify: ["PagerDuty: payments-oncall"]
    ```
    PASS:
    ```yaml
    - id: ledger-db-down
      severity: critical
      notify: ["PagerDuty: payments-oncall"]
      runbook: https://runbooks.example.com/ledger-db-down
    ```
    """
    for alert in spec.observability.alerts:
        if alert.severity in (AlertSeverity.CRITICAL, AlertSeverity.HIGH) and not (alert.runbook or "").strip():
            yield finding(alert.loc("severity"), f"{alert.severity.value} alert {alert.id!r} has no runbook", alert,
                          hint="add runbook: where the steps to take are written")
