"""overview.yaml: what the system is, for whom, at what scale, and how it will be delivered."""

from __future__ import annotations

import enum

from pydantic import Field

from .base import Item, SpecModel
from .types import Markdown, Percentage, ref


class Status(enum.StrEnum):
    """Where the spec stands in review."""

    DRAFT = "draft"
    REVIEW = "review"
    APPROVED = "approved"


class DeliveryType(enum.StrEnum):
    NEW = "new"
    MIGRATION = "migration"


class MigrationStrategy(enum.StrEnum):
    BIG_BANG = "big-bang"
    INCREMENTAL = "incremental"
    PARALLEL_RUN = "parallel-run"


class Person(SpecModel):
    """A person or team with a role in the system."""

    name: str
    """Who: a person or a team."""
    role: str | None = None
    """Their role (architect, service owner, security reviewer...)."""
    contact: str | None = None
    """How to reach them: an e-mail address, a chat channel."""


class Stakeholder(Person):
    """Someone with a stake in the system and what they care about."""

    interests: list[str] = Field(default_factory=list)
    """What they need from the infrastructure."""


class Scale(SpecModel):
    """The figures the architecture is sized for."""

    users: str | None = None
    """How many users, in words an architect would use (`2 million customers, 40k concurrent`)."""
    requests_per_second: int | None = Field(default=None, ge=0)
    """Sustained request rate at the busiest hour."""
    peak_requests_per_second: int | None = Field(default=None, ge=0)
    """Short peaks (sales, month end) the system must absorb."""
    data_volume: str | None = None
    """Data held, and how fast it grows (`6 TB, +150 GB a month`)."""
    growth: str | None = None
    """The expected growth over the planning horizon."""
    availability_target: Percentage | None = None
    """The availability the system promises (`99.95%`)."""


class Phase(Item):
    """One phase of a migration."""

    KIND = "phase"
    name: str
    """The phase's name."""
    description: Markdown | None = None
    """What moves in this phase. Markdown."""
    exit_criteria: list[str] = Field(default_factory=list)
    """What must be true before the next phase starts."""


class Delivery(SpecModel):
    """Whether this is a new system or a migration, and for a migration how it moves."""

    type: DeliveryType = DeliveryType.NEW
    """`new` or `migration`."""
    strategy: MigrationStrategy | None = None
    """For a migration: `big-bang`, `incremental` or `parallel-run`."""
    source: str | None = None
    """For a migration: what is migrated from."""
    phases: list[Phase] = Field(default_factory=list)
    """For a migration: its phases, in order."""
    rollback: Markdown | None = None
    """How to go back if the migration fails. Markdown."""


class Overview(SpecModel):
    """The system at a glance: the first page a reviewer reads."""

    name: str
    """The system's name."""
    summary: Markdown
    """One or two paragraphs on what the system is and does. Markdown."""
    status: Status = Status.DRAFT
    """`draft`, `review` or `approved`; open questions are errors once approved."""
    version: str | None = None
    """The spec's own version (quote it: `"1.10"`)."""
    owners: list[Person] = Field(default_factory=list)
    """Who owns this spec."""
    context: Markdown | None = None
    """The system context: users, neighbouring systems, what is out of scope. Markdown."""
    goals: list[str] = Field(default_factory=list)
    """What the infrastructure must achieve."""
    non_goals: list[str] = Field(default_factory=list)
    """What it deliberately does not try to do."""
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    """Who cares about the system and why."""
    scale: Scale | None = None
    """The figures the architecture is sized for."""
    compliance: list[ref("framework")] = Field(default_factory=list)  # type: ignore[valid-type]
    """Compliance frameworks in scope (ids from `security.yaml`)."""
    cloud: str | None = None
    """The cloud provider or platform (`AWS`, `Google Cloud`, `on-premises`)."""
    delivery: Delivery | None = None
    """New system or migration, and how it is delivered."""
