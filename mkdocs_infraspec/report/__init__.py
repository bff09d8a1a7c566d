"""Output formats for findings: each a plain function from diagnostics to text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..diagnostics import Diagnostic
from .json import render_json
from .text import SourceReader, render_text

Formatter = Callable[[Sequence[Diagnostic], "ReportContext"], str]


class ReportContext:
    """What formats may need besides the findings: the tool version, file reading, colour."""

    def __init__(self, *, color: bool = False, files_checked: int = 0, items_checked: int = 0, reader: SourceReader | None = None) -> None:
        self.color = color
        self.files_checked = files_checked
        self.items_checked = items_checked
        self.reader = reader or SourceReader()


def _text(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    return render_text(diagnostics, reader=context.reader, color=context.color,
                       files_checked=context.files_checked, items_checked=context.items_checked)


def _json(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    return render_json(diagnostics)


FORMATS: dict[str, Formatter] = {"text": _text, "json": _json}

__all__ = ["FORMATS", "Formatter", "ReportContext", "SourceReader", "render_json", "render_text"]
