"""cost-management.yaml: budgets and their alerts, strategies, shutdown schedules, estimates."""

from __future__ import annotations

import enum
import re
from typing import Any

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from .base import Item, SpecModel
from .types import ClockTime, ComponentRef, EnvironmentRef, Markdown, Money, Percentage, ref


class Budget(Item):
    """A monthly budget with alert thresholds."""

    KIND = "budget"
    name: str
    """What the budget covers (`Production`)."""
    environments: list[EnvironmentRef] = Field(default_factory=list)
    """The environments it covers (ids); empty means the whole system."""
    monthly: Money
    """The monthly amount, in the concern's currency."""
    alert_thresholds: list[Percentage] = Field(default_factory=list)
    """Percentages of the budget at which alerts fire, ascending (`[50%, 80%, 100%]`)."""
    notify: list[str] = Field(default_factory=list)
    """Who is told."""


class StrategyStatus(enum.StrEnum):
    PLANNED = "planned"
    ADOPTED = "adopted"
    REJECTED = "rejected"


class Strategy(Item):
    """A cost optimisation strategy (reserved capacity, spot, right-sizing)."""

    KIND = "strategy"
    title: str
    """The strategy."""
    description: Markdown | None = None
    """How it is applied. Markdown."""
    applies_to: list[ref("component", "environment")] = Field(default_factory=list)  # type: ignore[valid-type]
    """Component or environment ids it applies to."""
    expected_saving: Percentage | None = None
    """The expected saving on what it applies to (`30%`)."""
    status: StrategyStatus = StrategyStatus.PLANNED
    """`planned`, `adopted` or `rejected`."""


class Day(enum.StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"


WEEKDAYS = [Day.MON, Day.TUE, Day.WED, Day.THU, Day.FRI]


class Schedule(Item):
    """When non-production resources run; outside these hours they are stopped."""

    KIND = "schedule"
    name: str
    """The schedule's name (`Office hours`)."""
    active_days: list[Day] = Field(default_factory=lambda: list(WEEKDAYS))
    """Days resources run (`mon`..`sun`); default Monday to Friday."""
    start: ClockTime = "08:00"
    """Time resources start (`"08:00"`)."""
    stop: ClockTime = "18:00"
    """Time resources stop (`"18:00"`)."""
    timezone: str = "UTC"
    """The time zone of `start` and `stop` (`Europe/London`)."""
    exclude: list[ComponentRef] = Field(default_factory=list)
    """Components that keep running (ids)."""

    @field_validator("active_days", mode="before")
    @classmethod
    def _lowercase_days(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [v.lower()[:3] if isinstance(v, str) else v for v in value]
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        if not re.match(r"^(UTC|[A-Za-z_]+(/[A-Za-z0-9_+\-]+)+|[A-Z]{2,5}|UTC[+-]\d{1,2})$", value):
            raise PydanticCustomError(
                "infraspec_timezone", f"{value!r} is not a time zone name", {"value": value, "hint": "use an IANA name such as Europe/London, or UTC"}
            )
        return value

    @property
    def weekly_hours(self) -> float:
        start_h, start_m = (int(x) for x in self.start.split(":"))
        stop_h, stop_m = (int(x) for x in self.stop.split(":"))
        per_day = ((stop_h * 60 + stop_m) - (start_h * 60 + start_m)) % (24 * 60) / 60
        return per_day * len(self.active_days)


class Estimate(SpecModel):
    """The expected monthly cost of a component in an environment."""

    component: ComponentRef
    """The component (id)."""
    environment: EnvironmentRef
    """The environment (id)."""
    monthly: Money
    """The expected monthly cost, in the concern's currency."""
    basis: str | None = None
    """How it was estimated (`2 x db.r6g.xlarge Multi-AZ, 2 TB gp3`)."""

    def describe(self) -> str:
        return f"the estimate for {self.component!r} in {self.environment!r}"


class CostManagement(SpecModel):
    """Budgets, strategies, schedules and estimates."""

    currency: str = "USD"
    """The ISO 4217 currency of every amount in this concern."""
    summary: Markdown | None = None
    """The cost approach in a paragraph. Markdown."""
    budgets: list[Budget] = Field(default_factory=list)
    """Monthly budgets with alert thresholds."""
    strategies: list[Strategy] = Field(default_factory=list)
    """Cost optimisation strategies."""
    schedules: list[Schedule] = Field(default_factory=list)
    """Shutdown schedules for non-production environments (named by environments)."""
    estimates: list[Estimate] = Field(default_factory=list)
    """Monthly estimates per component and environment."""
    allocation_tags: list[str] = Field(default_factory=list)
    """Tags used for cost allocation."""

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        if not re.match(r"^[A-Z]{3}$", value):
            raise PydanticCustomError(
                "infraspec_currency", f"{value!r} is not an ISO 4217 currency code", {"value": value, "hint": "write three capitals: USD, EUR, GBP"}
            )
        return value
