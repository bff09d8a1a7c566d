"""The spec health page's data: findings by severity and category, every suppression, coverage.

:func:`health` takes the result of :func:`mkdocs_infraspec.check.check` and returns plain
data for a template: nothing here renders, and nothing depends on MkDocs.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, Location, Severity
from ..models import CONCERNS
from ..models.base import Suppression, iter_models
from .coverage import Coverage, coverage
from .engine import lookup
from .rule import _REGISTRY, CATEGORIES
from .subjects import Subject, Subjects

if TYPE_CHECKING:
    from ..check import Result


@dataclass(frozen=True)
class SuppressionEntry:
    """One suppression as written in the spec, and what became of it.

    ``status`` is ``active`` (it silences ``findings``), ``expired`` (its date has passed),
    ``unused`` (it silences nothing) or ``unknown`` (it names no rule).
    """

    owner: str
    rule: str
    code: str | None
    name: str | None
    reason: str
    until: _dt.date | None
    location: Location
    status: str
    findings: tuple[Diagnostic, ...] = ()
    subject: Subject | None = None
    """The item the suppression is written on, for a link to it."""


#: Titles of the categories of the built-in checks, after the rules' own.
BUILTIN_CATEGORIES: dict[str, str] = {
    "yaml": "YAML",
    "files": "Spec files",
    "schema": "Schema",
    "references": "References",
    "vocabulary": "Vocabulary",
    "spec": "Spec",
}


def category_title(category: str) -> str:
    """A category as a heading (``disaster-recovery`` -> ``Disaster recovery``)."""
    return CATEGORIES.get(category) or BUILTIN_CATEGORIES.get(category) or category.replace("-", " ").capitalize()


@dataclass(frozen=True)
class Entry:
    """One finding as the health page lists it: with its rule's name and category, and its item."""

    diagnostic: Diagnostic
    category: str
    subject: Subject | None = None

    @property
    def name(self) -> str:
        """The readable name of the finding's rule or check (``backup-missing``)."""
        from .. import codes

        if self.diagnostic.name:
            return self.diagnostic.name
        known = _REGISTRY.get(self.diagnostic.code) or codes.BUILTIN.get(self.diagnostic.code)
        return known.name if known is not None else ""


@dataclass(frozen=True)
class Group:
    """The findings of one category at one severity."""

    category: str
    title: str
    entries: tuple[Entry, ...]


@dataclass
class Health:
    """Everything the health page shows."""

    findings: list[Diagnostic] = field(default_factory=list)
    """Active findings (not suppressed), most severe first, then by file and line."""
    suppressed: list[Diagnostic] = field(default_factory=list)
    """Findings silenced by a suppression (each carries its reason)."""
    suppressions: list[SuppressionEntry] = field(default_factory=list)
    """Every suppression written in the spec, with its status."""
    counts: dict[str, int] = field(default_factory=dict)
    """Active findings by severity (``error``, ``warning``, ``info``)."""
    by_category: dict[str, dict[str, int]] = field(default_factory=dict)
    """Active findings by rule category, then severity; built-in checks are under their own categories."""
    coverage: Coverage = field(default_factory=Coverage)
    """The component x concern coverage matrix."""
    rules_run: int = 0
    """How many rules are in force (not switched off)."""
    groups: dict[str, list[Group]] = field(default_factory=dict)
    """Active findings by severity (``error``, ``warning``, ``info``, only those with findings), then category."""

    @property
    def clean(self) -> bool:
        return not self.counts.get("error") and not self.counts.get("warning")

    @property
    def categories(self) -> list[tuple[str, dict[str, int]]]:
        """(category title, active findings by severity) for each category with findings, in code order."""
        order = [*BUILTIN_CATEGORIES, *CATEGORIES]
        names = sorted(self.by_category, key=lambda c: (order.index(c) if c in order else len(order), c))
        return [(category_title(name), self.by_category[name]) for name in names]


def _category(code: str, builtin: dict[str, Any]) -> str:
    if code in _REGISTRY:
        return _REGISTRY[code].category
    entry = builtin.get(code)
    return entry.category if entry is not None else "other"


def health(result: Result, *, today: _dt.date | None = None) -> Health:
    """The health data of a checked spec."""
    from .. import codes

    today = today or _dt.date.today()
    diagnostics = result.diagnostics
    active = [d for d in diagnostics if d.suppressed is None]
    active.sort(key=lambda d: (d.severity.rank, *d.sort_key()))
    counts = Counter(d.severity.value for d in active)
    by_category: dict[str, dict[str, int]] = {}
    for diagnostic in active:
        bucket = by_category.setdefault(_category(diagnostic.code, codes.BUILTIN), {s.value: 0 for s in Severity})
        bucket[diagnostic.severity.value] += 1
    suppressed = [d for d in diagnostics if d.suppressed is not None]
    order = list(CATEGORIES)
    subjects = Subjects(result.spec, result.index)
    return Health(
        findings=active,
        suppressed=suppressed,
        suppressions=_suppressions(result, suppressed, today, subjects),
        counts={s.value: counts.get(s.value, 0) for s in Severity},
        by_category=dict(sorted(by_category.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else -1, kv[0]))),
        coverage=coverage(result.spec),
        rules_run=sum(1 for code, rule in _REGISTRY.items() if rule.func is not None and (code not in result.levels or result.levels[code] is not None)),
        groups=_groups(active, subjects, codes.BUILTIN),
    )


def _groups(active: list[Diagnostic], subjects: Subjects, builtin: dict[str, Any]) -> dict[str, list[Group]]:
    """Findings by severity, then category in code order (the built-in checks' first: they block the rules)."""
    order = [*BUILTIN_CATEGORIES, *CATEGORIES]
    grouped: dict[str, dict[str, list[Entry]]] = {}
    for diagnostic in active:
        category = _category(diagnostic.code, builtin)
        entry = Entry(diagnostic, category, subjects.at(diagnostic.location))
        grouped.setdefault(diagnostic.severity.value, {}).setdefault(category, []).append(entry)
    result: dict[str, list[Group]] = {}
    for severity in Severity:
        categories = grouped.get(severity.value)
        if not categories:
            continue
        keys = sorted(categories, key=lambda c: (order.index(c) if c in order else len(order), c))
        result[severity.value] = [Group(c, category_title(c), tuple(categories[c])) for c in keys]
    return result


def _suppressions(result: Result, suppressed: list[Diagnostic], today: _dt.date, subjects: Subjects) -> list[SuppressionEntry]:
    by_location: dict[Location, list[Diagnostic]] = {}
    for diagnostic in suppressed:
        if diagnostic.suppressed is not None and diagnostic.suppressed.location is not None:
            by_location.setdefault(diagnostic.suppressed.location, []).append(diagnostic)
    entries: list[SuppressionEntry] = []
    for concern in CONCERNS:
        model = result.spec.get(concern.name)
        if model is None:
            continue
        for owner in iter_models(model):
            for suppression in getattr(owner, "suppress", None) or []:
                if isinstance(suppression, Suppression):
                    entries.append(_entry(owner, suppression, by_location, today, subjects.of(owner)))
    return entries


def _entry(
    owner: Any, suppression: Suppression, by_location: dict[Location, list[Diagnostic]], today: _dt.date, subject: Subject | None
) -> SuppressionEntry:
    rule = lookup(suppression.rule)
    where = suppression.loc("rule")
    # The engine marks findings with the position of the rule's value, other checks (the
    # vocabulary's) with that of the suppression itself: accept either.
    findings = tuple(dict.fromkeys([*by_location.get(where, ()), *by_location.get(suppression.loc(), ())]))
    if rule is None:
        status = "unknown" if not findings else "active"  # codes judged elsewhere (vocabulary) may still use it
    elif suppression.until is not None and suppression.until < today:
        status = "expired"
    else:
        status = "active" if findings else "unused"
    return SuppressionEntry(
        owner=owner.describe() or "",
        rule=suppression.rule,
        code=rule.code if rule else None,
        name=rule.name if rule else None,
        reason=suppression.reason,
        until=suppression.until,
        location=where,
        status=status,
        findings=findings,
        subject=subject,
    )
