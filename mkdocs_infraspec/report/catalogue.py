"""Every finding code a report may name (built-in checks and rules), with what reports say about it."""

from __future__ import annotations

from dataclasses import dataclass

from .. import codes
from ..diagnostics import Diagnostic, Severity


@dataclass(frozen=True)
class Entry:
    """A finding code as reports describe it: code, name, default severity, category, docs."""

    code: str
    name: str
    severity: Severity
    category: str
    summary: str
    doc: str


def catalogue(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic] = ()) -> dict[str, Entry]:
    """Every code in code order: the built-in checks, the rules, and any other code found in ``diagnostics``."""
    from ..rules import RULES  # the rules import the core; imported late to keep this module light

    entries: dict[str, Entry] = {}
    for source in (codes.BUILTIN.values(), RULES.values()):
        for item in source:
            entries[item.code] = Entry(item.code, item.name, item.severity, item.category, item.summary, item.doc)
    for diagnostic in diagnostics:
        if diagnostic.code not in entries:
            entries[diagnostic.code] = Entry(
                diagnostic.code, diagnostic.name or diagnostic.code, diagnostic.severity, "other", diagnostic.name or diagnostic.code, ""
            )
    return dict(sorted(entries.items()))
