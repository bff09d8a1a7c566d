"""What a rule is: a stable code, a readable name, a default severity, its docs, and a check.

A rule's check is a generator of :class:`Finding` (where, what, which item it is about);
the engine stamps the rule's code and level on each finding, applies the suppressions of
the items it names and turns it into a :class:`~mkdocs_infraspec.diagnostics.Diagnostic`.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, Location, Severity

if TYPE_CHECKING:
    from ..index import SpecIndex
    from ..models import Spec
    from .context import RuleContext

#: The categories, in the order of their codes (and of the reference docs).
CATEGORIES: dict[str, str] = {
    "suppressions": "Rule levels and suppressions",
    "completeness": "Completeness",
    "consistency": "Consistency",
    "disaster-recovery": "Disaster recovery",
    "network": "Network",
    "security": "Security",
    "observability": "Observability",
    "cost": "Cost",
    "naming": "Naming",
    "clarifications": "Clarifications",
}

CODE_PATTERN = re.compile(r"^IS[4-9]\d\d$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Finding:
    """One problem a rule found, before the engine gives it a code, a level and suppressions.

    ``on`` lists the models whose ``suppress:`` list may silence it (usually the item the
    finding is about, sometimes both items of a pair, as for two overlapping networks).
    ``severity`` overrides the rule's default (an open question is an error once the spec
    is approved); a level configured by the user still wins.
    """

    where: Location
    message: str
    on: tuple[Any, ...] = ()
    hint: str | None = None
    related: tuple[Location, ...] = ()
    severity: Severity | None = None


def finding(
    where: Location,
    message: str,
    *on: Any,
    hint: str | None = None,
    related: Iterable[Location] = (),
    severity: Severity | None = None,
) -> Finding:
    """Shorthand for :class:`Finding` with the suppressible models as positional arguments."""
    return Finding(where, message, tuple(o for o in on if o is not None), hint, tuple(related), severity)


CheckFunction = Callable[["Spec", "SpecIndex", "RuleContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """An architecture rule: one home for its code, name, severity, category, docs and check.

    ``needs`` names the concerns the rule reads; it is skipped when one of them is missing
    or failed to load (its absence is already reported, and a half-read spec would only
    produce noise). Rules without a check (the ``IS40x`` codes) are raised by the engine.
    """

    code: str
    name: str
    severity: Severity
    category: str
    doc: str
    func: CheckFunction | None = field(default=None, compare=False, repr=False)
    needs: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """The first line of the docs: what the rule finds, in one sentence."""
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name

    def findings(self, spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
        if self.func is not None:
            yield from self.func(spec, index, context)

    def diagnostic(self, item: Finding, severity: Severity | None = None) -> Diagnostic:
        """The finding as a diagnostic of this rule, at ``severity`` (default: its own)."""
        return Diagnostic.at(
            item.where,
            self.code,
            severity or item.severity or self.severity,
            item.message,
            hint=item.hint,
            name=self.name,
            related=item.related,
        )

    def check(self, spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Diagnostic]:
        """The rule's findings as diagnostics at their default severity, unsuppressed."""
        for item in self.findings(spec, index, context):
            yield self.diagnostic(item)

    def __call__(self, where: Location, message: str, *, hint: str | None = None, related: tuple[Location, ...] = (), severity: Severity | None = None) -> Diagnostic:
        """A diagnostic of this rule made directly (for the findings the engine raises)."""
        return self.diagnostic(Finding(where, message, (), hint, related), severity)


_REGISTRY: dict[str, Rule] = {}
_BY_NAME: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    category: str,
    severity: Severity | str = Severity.WARNING,
    *,
    needs: Iterable[str] = (),
) -> Callable[[CheckFunction], Rule]:
    """Register the decorated check as a rule; its docstring is the rule's documentation."""
    if not CODE_PATTERN.match(code):
        raise ValueError(f"rule code {code!r} is not IS400-IS999")
    if not NAME_PATTERN.match(name):
        raise ValueError(f"rule name {name!r} is not kebab-case")
    if category not in CATEGORIES:
        raise ValueError(f"rule {code}: unknown category {category!r}")

    def register(func: CheckFunction) -> Rule:
        if code in _REGISTRY or name in _BY_NAME:
            raise ValueError(f"rule {code} {name} is registered twice")
        entry = Rule(code, name, Severity(severity), category, inspect.cleandoc(func.__doc__ or ""), func, tuple(needs))
        _REGISTRY[code] = entry
        _BY_NAME[name] = entry
        return entry

    return register


def engine_rule(code: str, name: str, severity: Severity) -> Callable[[Callable[[], None]], Rule]:
    """Register a code the engine itself raises (configuration and suppression problems)."""

    def register(func: Callable[[], None]) -> Rule:
        entry = Rule(code, name, Severity(severity), "suppressions", inspect.cleandoc(func.__doc__ or ""), None)
        _REGISTRY[code] = entry
        _BY_NAME[name] = entry
        return entry

    return register
