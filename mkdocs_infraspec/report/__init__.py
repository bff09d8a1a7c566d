"""Output formats for findings: each a plain function from diagnostics to text."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from ..diagnostics import Diagnostic
from .github import render_github
from .json import render_json
from .junit import render_junit
from .sarif import render_sarif
from .text import SourceReader, render_text

Formatter = Callable[[Sequence[Diagnostic], "ReportContext"], str]


class ReportContext:
    """What formats may need besides the findings: file reading, colour, where paths start, strictness.

    ``base`` is the folder paths are relative to (SARIF's ``%SRCROOT%``); ``strict`` makes
    warnings failures in JUnit; ``levels`` (code -> level, ``None`` for off) lets JUnit
    show switched-off rules as skipped.
    """

    def __init__(
        self,
        *,
        color: bool = False,
        files_checked: int = 0,
        items_checked: int = 0,
        reader: SourceReader | None = None,
        base: Path | None = None,
        strict: bool = False,
        levels: Mapping[str, object] | None = None,
    ) -> None:
        self.color = color
        self.files_checked = files_checked
        self.items_checked = items_checked
        self.reader = reader or SourceReader()
        self.base = base
        self.strict = strict
        self.levels = dict(levels or {})


def _text(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    return render_text(diagnostics, reader=context.reader, color=context.color,
                       files_checked=context.files_checked, items_checked=context.items_checked)


def _json(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    return render_json(diagnostics)


def _sarif(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    return render_sarif(diagnostics, base=context.base)


def _junit(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    return render_junit(diagnostics, strict=context.strict, levels=context.levels)


def _github(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    return render_github(diagnostics)


FORMATS: dict[str, Formatter] = {"text": _text, "json": _json, "sarif": _sarif, "junit": _junit, "github": _github}

__all__ = [
    "FORMATS",
    "Formatter",
    "ReportContext",
    "SourceReader",
    "render_github",
    "render_json",
    "render_junit",
    "render_sarif",
    "render_text",
]
