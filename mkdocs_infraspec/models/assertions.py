"""assertions.yaml: testable Given/When/Then statements about how the infrastructure behaves."""

from __future__ import annotations

import enum

from pydantic import Field

from .base import Item, SpecModel
from .types import ComponentRef, Duration, EnvironmentRef, Markdown


class AssertionCategory(enum.StrEnum):
    AVAILABILITY = "availability"
    SECURITY = "security"
    DISASTER_RECOVERY = "disaster-recovery"
    SECRETS = "secrets"
    COST = "cost"
    PERFORMANCE = "performance"
    COMPLIANCE = "compliance"
    OPERATIONS = "operations"
    NETWORK = "network"


class VerificationMethod(enum.StrEnum):
    AUTOMATED_TEST = "automated-test"
    CHAOS_EXPERIMENT = "chaos-experiment"
    POLICY_CHECK = "policy-check"
    MONITORING = "monitoring"
    RESTORE_DRILL = "restore-drill"
    MANUAL_REVIEW = "manual-review"


class Verification(SpecModel):
    """How the assertion is shown to hold."""

    method: VerificationMethod
    """`automated-test`, `chaos-experiment`, `policy-check`, `monitoring`, `restore-drill` or `manual-review`."""
    description: str | None = None
    """What is done."""
    frequency: Duration | None = None
    """How often (`30d`)."""


class Targets(SpecModel):
    """Figures the assertion promises, so that rules can check them against the rest of the spec."""

    disruption: Duration | None = None
    """The longest service disruption (`5s`)."""
    recovery: Duration | None = None
    """Time until full capacity is back (`5m`)."""
    rto: Duration | None = None
    """Recovery time promised."""
    rpo: Duration | None = None
    """Data loss window promised."""
    restore_window: Duration | None = None
    """How far back a restore can go (`7d`); backups must be kept at least this long."""
    rotation: Duration | None = None
    """How often credentials rotate."""
    saving: str | None = None
    """Expected saving (`>60%`)."""


class Assertion(Item):
    """A testable statement: Given a situation, When something happens, Then an outcome."""

    KIND = "assertion"
    title: str
    """What the assertion is about (`High availability`)."""
    category: AssertionCategory | None = None
    """Its concern."""
    given: str | None = None
    """The situation."""
    when: str | None = None
    """The event."""
    then: str | None = None
    """The expected outcome."""
    and_: list[str] = Field(default_factory=list, alias="and")
    """Further outcomes."""
    components: list[ComponentRef] = Field(default_factory=list)
    """The components it covers (ids)."""
    environments: list[EnvironmentRef] = Field(default_factory=list)
    """The environments it holds in (ids); empty means all."""
    targets: Targets | None = None
    """Measurable figures it promises."""
    verification: Verification | None = None
    """How it is verified."""
    notes: Markdown | None = None
    """Anything else. Markdown."""


class Assertions(SpecModel):
    """The behavioural assertions."""

    assertions: list[Assertion] = Field(default_factory=list)
    """Each a Given/When/Then with its components."""
