"""clarifications.yaml: open and answered questions, and what each affects."""

from __future__ import annotations

import datetime as _dt
import enum

from pydantic import Field

from .base import Item, SpecModel
from .types import AnyRef, Markdown


class QuestionStatus(enum.StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    DEFERRED = "deferred"


class Question(Item):
    """A question for stakeholders, and its answer once given."""

    KIND = "question"
    question: str
    """The question, one at a time."""
    status: QuestionStatus = QuestionStatus.OPEN
    """`open`, `answered` or `deferred`."""
    context: Markdown | None = None
    """Why it matters. Markdown."""
    asked_by: str | None = None
    """Who asked."""
    asked: _dt.date | None = None
    """When."""
    owner: str | None = None
    """Who must answer."""
    answer: Markdown | None = None
    """The answer. Markdown."""
    answered: _dt.date | None = None
    """When it was answered."""
    affects: list[AnyRef] = Field(default_factory=list)
    """The items it affects (ids of any kind)."""


class Clarifications(SpecModel):
    """Questions raised while writing the spec."""

    questions: list[Question] = Field(default_factory=list)
    """Open and answered questions."""
