"""observability.yaml: logs, metrics, alerts, dashboards, SLOs and tracing."""

from __future__ import annotations

import enum

from pydantic import Field

from .base import Item, SpecModel
from .types import ComponentRef, Duration, EnvironmentRef, Markdown, Percentage


class LogStream(Item):
    """A log source, where its entries go, and how long they are kept per environment."""

    KIND = "log"
    name: str
    """What is logged (`Application logs`, `ALB access logs`)."""
    sources: list[ComponentRef] = Field(default_factory=list)
    """The components that write it (ids)."""
    destination: str
    """Where it goes (`CloudWatch Logs`, `S3 log archive`)."""
    retention: dict[EnvironmentRef, Duration] = Field(default_factory=dict)
    """How long it is kept, per environment id (`production: 90d`)."""
    contains_personal_data: bool = False
    """It may hold personal data (masking and access rules apply)."""


class Metric(Item):
    """A metric that tells whether a component is healthy."""

    KIND = "metric"
    name: str
    """The metric (`p99 request latency`)."""
    components: list[ComponentRef] = Field(default_factory=list)
    """The components it measures (ids)."""
    unit: str | None = None
    """Its unit (`ms`, `requests/s`, `%`)."""
    description: str | None = None
    """What it tells."""


class AlertSeverity(enum.StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    WARNING = "warning"
    INFO = "info"


class Alert(Item):
    """A condition that wakes someone up or opens a ticket."""

    KIND = "alert"
    name: str
    """The alert's name."""
    components: list[ComponentRef] = Field(default_factory=list)
    """The components it watches (ids)."""
    condition: str
    """When it fires (`5xx rate > 1% for 5 minutes`)."""
    severity: AlertSeverity = AlertSeverity.WARNING
    """`critical` (page), `high`, `warning` or `info`."""
    notify: list[str] = Field(default_factory=list)
    """Who is notified (`PagerDuty: payments-oncall`, `#ledger-alerts`)."""
    runbook: str | None = None
    """Where the runbook is (URL or path)."""
    environments: list[EnvironmentRef] = Field(default_factory=list)
    """The environments where it is active; empty means all."""


class Dashboard(Item):
    """A dashboard and who it is for."""

    KIND = "dashboard"
    title: str
    """The dashboard's title."""
    audience: str | None = None
    """Who reads it (`on-call SRE`, `finance`)."""
    components: list[ComponentRef] = Field(default_factory=list)
    """The components it shows (ids)."""
    panels: list[str] = Field(default_factory=list)
    """What it shows, panel by panel."""
    url: str | None = None
    """Where it lives."""


class SLO(Item):
    """A service level objective for a component."""

    KIND = "slo"
    name: str
    """The objective (`Payment API availability`)."""
    components: list[ComponentRef] = Field(default_factory=list)
    """The components it covers (ids)."""
    indicator: str
    """The SLI measured (`share of non-5xx responses`)."""
    objective: Percentage
    """The target (`99.95%`)."""
    window: Duration
    """The rolling window (`30d`)."""


class Tracing(SpecModel):
    """Distributed tracing."""

    tool: str | None = None
    """The tracing backend (`AWS X-Ray`, `Tempo`)."""
    propagation: str | None = None
    """The context propagation format (`W3C Trace Context`)."""
    sampling: Percentage | None = None
    """The share of requests traced (`10%`)."""
    components: list[ComponentRef] = Field(default_factory=list)
    """The components that emit traces (ids)."""
    notes: Markdown | None = None
    """Anything else. Markdown."""


class Observability(SpecModel):
    """How the system is watched."""

    strategy: Markdown | None = None
    """The observability approach in a paragraph. Markdown."""
    logs: list[LogStream] = Field(default_factory=list)
    """Log streams with per-environment retention."""
    metrics: list[Metric] = Field(default_factory=list)
    """Metrics per component."""
    alerts: list[Alert] = Field(default_factory=list)
    """Alerts: condition, severity, who is notified, runbook."""
    dashboards: list[Dashboard] = Field(default_factory=list)
    """Dashboards and their audience."""
    slos: list[SLO] = Field(default_factory=list)
    """Service level objectives."""
    tracing: Tracing | None = None
    """Distributed tracing."""
