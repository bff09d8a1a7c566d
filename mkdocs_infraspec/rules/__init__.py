"""The architecture rules: one home per rule (code, name, severity, category, docs, check) and a registry.

Codes are stable and grouped by category: ``IS40x`` rule levels and suppressions,
``IS41x``-``IS42x`` completeness, ``IS5xx`` consistency, ``IS6xx`` disaster recovery,
``IS7xx`` network, ``IS8xx`` security, ``IS90x`` observability, ``IS92x`` cost,
``IS94x`` naming, ``IS96x`` clarifications. A code never changes meaning once released.
"""

from __future__ import annotations

from . import (  # noqa: F401 - importing a category module registers its rules
    clarifications,
    completeness,
    consistency,
    cost,
    meta,
    naming,
    network,
    observability,
    recovery,
    security,
)
from .context import RuleContext
from .engine import Level, lookup, parse_level, parse_levels, run_rules, suggest_rule
from .reference import reference_markdown
from .rule import _REGISTRY, CATEGORIES, Finding, Rule, finding

#: Every rule by code, in code order.
RULES: dict[str, Rule] = dict(sorted(_REGISTRY.items()))


def registry() -> dict[str, Rule]:
    """Every rule by code, in code order (a copy: the registry itself is not changed)."""
    return dict(RULES)


__all__ = [
    "CATEGORIES",
    "RULES",
    "Finding",
    "Level",
    "Rule",
    "RuleContext",
    "finding",
    "lookup",
    "parse_level",
    "parse_levels",
    "reference_markdown",
    "registry",
    "run_rules",
    "suggest_rule",
]
