"""The one finding type every part of mkdocs-infraspec reports: a located, coded diagnostic."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path


class Severity(enum.StrEnum):
    """How much a finding matters: errors fail every build, warnings fail strict builds."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; ``line`` and ``column`` count from 1 (0 means unknown)."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        if self.column <= 0:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Suppressed:
    """Why a finding was silenced, as the spec author wrote it."""

    reason: str
    until: str | None = None
    location: Location | None = None


@dataclass(frozen=True)
class Diagnostic:
    """One finding: what is wrong, where, how bad, and what to do about it.

    ``code`` is stable (``IS301``), ``name`` its readable twin (``unknown-reference``).
    ``related`` points at other places worth showing (the first of two duplicates).
    """

    code: str
    severity: Severity
    message: str
    file: str
    line: int = 0
    column: int = 0
    hint: str | None = None
    name: str = ""
    related: tuple[Location, ...] = ()
    suppressed: Suppressed | None = field(default=None, compare=False)

    @property
    def location(self) -> Location:
        return Location(self.file, self.line, self.column)

    @classmethod
    def at(
        cls,
        where: Location,
        code: str,
        severity: Severity,
        message: str,
        *,
        hint: str | None = None,
        name: str = "",
        related: Iterable[Location] = (),
    ) -> Diagnostic:
        return cls(
            code=code,
            severity=severity,
            message=message,
            file=where.file,
            line=where.line,
            column=where.column,
            hint=hint,
            name=name,
            related=tuple(related),
        )

    def with_severity(self, severity: Severity) -> Diagnostic:
        return replace(self, severity=severity)

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        return (self.file, self.line, self.column, self.severity.rank, self.code, self.message)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sort by file, line and column, dropping exact repeats."""
    seen: set[tuple[object, ...]] = set()
    unique: list[Diagnostic] = []
    for diagnostic in diagnostics:
        key = (diagnostic.code, diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.message)
        if key in seen:
            continue
        seen.add(key)
        unique.append(diagnostic)
    return sorted(unique, key=Diagnostic.sort_key)


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as users should read it: relative to ``base`` (default: the working directory)."""
    base = (base or Path.cwd()).resolve()
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def count(diagnostics: Iterable[Diagnostic]) -> dict[Severity, int]:
    """How many active (not suppressed) findings of each severity."""
    totals = {severity: 0 for severity in Severity}
    for diagnostic in diagnostics:
        if diagnostic.suppressed is None:
            totals[diagnostic.severity] += 1
    return totals
