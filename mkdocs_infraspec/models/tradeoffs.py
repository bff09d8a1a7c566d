"""tradeoffs.yaml: decisions, the options weighed, and why one was taken."""

from __future__ import annotations

import datetime as _dt
import enum

from pydantic import Field

from .base import Item, SpecModel
from .types import Markdown, ref


class DecisionStatus(enum.StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    SUPERSEDED = "superseded"
    DEPRECATED = "deprecated"


class Option(SpecModel):
    """One alternative that was weighed."""

    name: str
    """The option (`RDS PostgreSQL`)."""
    description: Markdown | None = None
    """What it would mean. Markdown."""
    pros: list[str] = Field(default_factory=list)
    """What speaks for it."""
    cons: list[str] = Field(default_factory=list)
    """What speaks against it."""
    chosen: bool = False
    """This option was taken (several may be, for a split decision)."""
    cost: str | None = None
    """Its cost implication, in words (`~$1,900/month in production`)."""


class Decision(Item):
    """An architecture decision: its context, the options, the choice and its consequences."""

    KIND = "decision"
    title: str
    """The question decided (`Database choice: RDS vs DynamoDB`)."""
    status: DecisionStatus = DecisionStatus.PROPOSED
    """`proposed`, `accepted`, `rejected`, `superseded` or `deprecated`."""
    date: _dt.date | None = None
    """When it was decided."""
    deciders: list[str] = Field(default_factory=list)
    """Who decided."""
    context: Markdown | None = None
    """The forces at play. Markdown."""
    options: list[Option] = Field(default_factory=list)
    """The alternatives weighed, at least two."""
    decision: Markdown | None = None
    """What was decided. Markdown."""
    rationale: Markdown | None = None
    """Why. Markdown."""
    consequences: list[str] = Field(default_factory=list)
    """What follows from it, good and bad."""
    affects: list[ref("component", "layer", "module", "environment", "network")] = Field(default_factory=list)  # type: ignore[valid-type]
    """The items it affects (component, layer, module, environment or network ids)."""
    superseded_by: ref("decision") | None = None  # type: ignore[valid-type]
    """The decision that replaces this one (id), when superseded."""
    key: bool = False
    """A key decision, listed in the hand-off summary."""

    @property
    def chosen(self) -> list[Option]:
        return [option for option in self.options if option.chosen]


class Tradeoffs(SpecModel):
    """The decisions of the architecture."""

    decisions: list[Decision] = Field(default_factory=list)
    """Every decision, with options, pros and cons."""
