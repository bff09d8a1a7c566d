"""Run every check on a spec folder: load, schema, index, references, then the architecture rules."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, display_path, sort_diagnostics
from .glossary.checks import check_vocabulary
from .index import SpecIndex, build_index
from .loader import load_spec
from .models import Spec
from .references import check_references
from .rules import Level, parse_levels, run_rules
from .rules.engine import apply_levels, config_locator


@dataclass
class Result:
    """Everything one run knows: the spec, its index and every finding, sorted."""

    spec: Spec
    index: SpecIndex
    diagnostics: list[Diagnostic] = field(default_factory=list)
    levels: dict[str, Level] = field(default_factory=dict)
    """The rule levels in force, by code (``None``: switched off), for reports that list rules."""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error" and d.suppressed is None]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning" and d.suppressed is None]


def check(
    spec_dir: Path,
    *,
    base: Path | None = None,
    rules: Mapping[str, Any] | None = None,
    rules_file: Path | None = None,
    today: _dt.date | None = None,
) -> Result:
    """Load ``spec_dir`` and check it; never raises for anything the user wrote.

    ``rules`` maps rule codes or names to a level (``error``, ``warning``, ``info``, ``off``),
    as set in mkdocs.yml or on the command line; an unknown rule or level is itself a
    finding, located in ``rules_file`` (the mkdocs.yml) when given. ``today`` decides which
    suppressions have expired (default: the current date).
    """
    spec, diagnostics = load_spec(spec_dir, base=base)
    index, index_diagnostics = build_index(spec)
    diagnostics.extend(index_diagnostics)
    diagnostics.extend(check_references(spec, index))
    diagnostics.extend(check_vocabulary(spec, today=today))
    shown = display_path(rules_file, base) if rules_file is not None else "mkdocs.yml"
    levels, level_diagnostics = parse_levels(rules, config_locator(rules_file, shown))
    diagnostics.extend(level_diagnostics)
    diagnostics = apply_levels(diagnostics, levels)
    diagnostics.extend(run_rules(spec, index, levels=levels, today=today))
    return Result(spec, index, sort_diagnostics(diagnostics), levels)
