"""Run every check on a spec folder: load, schema, index, references (and the rules)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, sort_diagnostics
from .index import SpecIndex, build_index
from .loader import load_spec
from .models import Spec
from .references import check_references


@dataclass
class Result:
    """Everything one run knows: the spec, its index and every finding, sorted."""

    spec: Spec
    index: SpecIndex
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error" and d.suppressed is None]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning" and d.suppressed is None]


def check(spec_dir: Path, *, base: Path | None = None, rules: Mapping[str, str] | None = None) -> Result:
    """Load ``spec_dir`` and check it; never raises for anything the user wrote.

    ``rules`` maps rule codes or names to a level (``error``, ``warning``, ``info``, ``off``),
    as set in mkdocs.yml or on the command line.
    """
    spec, diagnostics = load_spec(spec_dir, base=base)
    index, index_diagnostics = build_index(spec)
    diagnostics.extend(index_diagnostics)
    diagnostics.extend(check_references(spec, index))
    return Result(spec, index, sort_diagnostics(diagnostics))
