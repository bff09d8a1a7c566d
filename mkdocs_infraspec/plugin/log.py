"""Diagnostics as MkDocs sees them: log records on ``mkdocs.plugins.infraspec``, or one PluginError."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from mkdocs.exceptions import PluginError

from ..diagnostics import Diagnostic, Severity
from ..report.text import SourceReader, format_diagnostic

#: The plugin's logger. Messages start with the file they are about, as MkDocs' own do.
log = logging.getLogger("mkdocs.plugins.infraspec")

_LEVELS = {Severity.ERROR: logging.ERROR, Severity.WARNING: logging.WARNING, Severity.INFO: logging.INFO}


def one_line(diagnostic: Diagnostic) -> str:
    """``file:line:col: warning[IS301] message (hint)`` on one line."""
    text = f"{diagnostic.location}: {diagnostic.severity.value}[{diagnostic.code}] {diagnostic.message}"
    if diagnostic.hint:
        text += f"; {diagnostic.hint}"
    return text


def report(diagnostics: Iterable[Diagnostic], *, errors: bool = True) -> None:
    """Log every active finding at its level (errors only when ``errors``: a build aborts on them anyway)."""
    for diagnostic in diagnostics:
        if diagnostic.suppressed is not None:
            continue
        if diagnostic.severity == Severity.ERROR and not errors:
            continue
        log.log(_LEVELS[diagnostic.severity], one_line(diagnostic))


def failure(diagnostics: Sequence[Diagnostic], spec_dir: str, reader: SourceReader) -> PluginError:
    """The error that stops the build: every error, located, with its source line and hint."""
    errors = [d for d in diagnostics if d.severity == Severity.ERROR and d.suppressed is None]
    count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
    blocks = [format_diagnostic(d, reader) for d in errors]
    return PluginError(f"infraspec: the spec in {spec_dir}/ has {count}:\n\n" + "\n\n".join(blocks) + "\n")
