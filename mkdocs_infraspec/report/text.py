"""The human format: ``file:line:col: severity[CODE] message``, the source line, a caret, the hint."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..diagnostics import Diagnostic, Severity, count

_COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;34m", "hint": "\033[36m", "dim": "\033[2m", "bold": "\033[1m"}
_RESET = "\033[0m"
_TOKEN = re.compile(r"[^\s,\]\}#]+")


class SourceReader:
    """Reads source lines for snippets, once per file."""

    def __init__(self, base: Path | None = None) -> None:
        self.base = base or Path.cwd()
        self._cache: dict[str, list[str] | None] = {}

    def line(self, file: str, line: int) -> str | None:
        if file not in self._cache:
            try:
                self._cache[file] = (self.base / file).read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                self._cache[file] = None
        lines = self._cache[file]
        if lines is None or not 1 <= line <= len(lines):
            return None
        return lines[line - 1]


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_COLORS[style]}{text}{_RESET}" if color else text


def format_diagnostic(diagnostic: Diagnostic, reader: SourceReader | None = None, *, color: bool = False) -> str:
    """One finding, with its source line and caret when the file can be read."""
    severity = diagnostic.severity.value
    head = f"{diagnostic.location}: {_paint(severity, severity, color)}[{diagnostic.code}] {diagnostic.message}"
    lines = [_paint(head, "bold", color) if not color else head]
    source = reader.line(diagnostic.file, diagnostic.line) if reader and diagnostic.line > 0 else None
    if source is not None:
        gutter = str(diagnostic.line)
        expanded = source.replace("\t", " ")
        lines.append(f" {gutter} | {expanded}")
        if diagnostic.column > 0:
            start = diagnostic.column - 1
            token = _TOKEN.match(expanded, start) if start < len(expanded) else None
            width = max(1, min(len(token.group(0)) if token else 1, 60))
            marker = "^" + "~" * (width - 1)
            lines.append(f" {' ' * len(gutter)} | {' ' * start}{_paint(marker, severity, color)}")
    if diagnostic.hint:
        lines.append(f"  {_paint('hint', 'hint', color)}: {diagnostic.hint}")
    for related in diagnostic.related:
        lines.append(f"  {_paint('see', 'dim', color)}: {related}")
    if diagnostic.suppressed is not None:
        until = f" until {diagnostic.suppressed.until}" if diagnostic.suppressed.until else ""
        lines.append(f"  suppressed{until}: {diagnostic.suppressed.reason}")
    return "\n".join(lines)


def summary(diagnostics: Sequence[Diagnostic], *, files_checked: int = 0, items_checked: int = 0) -> str:
    totals = count(diagnostics)
    suppressed = sum(1 for d in diagnostics if d.suppressed is not None)
    scope = f" in {files_checked} file{'s' if files_checked != 1 else ''}" if files_checked else ""
    if not totals[Severity.ERROR] and not totals[Severity.WARNING]:
        checked = f" ({items_checked} items checked)" if items_checked else ""
        tail = f", {suppressed} suppressed" if suppressed else ""
        return f"No problems found{scope}{checked}{tail}."

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'s' if n != 1 else ''}"

    parts = [plural(totals[Severity.ERROR], "error"), plural(totals[Severity.WARNING], "warning")]
    tail = f" ({suppressed} suppressed)" if suppressed else ""
    return f"Found {' and '.join(parts)}{scope}{tail}."


def render_text(
    diagnostics: Sequence[Diagnostic],
    *,
    reader: SourceReader | None = None,
    color: bool = False,
    files_checked: int = 0,
    items_checked: int = 0,
) -> str:
    blocks = [format_diagnostic(d, reader, color=color) for d in diagnostics]
    blocks.append(summary(diagnostics, files_checked=files_checked, items_checked=items_checked))
    return "\n\n".join(blocks) + "\n"
