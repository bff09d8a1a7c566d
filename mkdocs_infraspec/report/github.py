"""GitHub Actions workflow commands: each finding an annotation on its file and line.

``::error file=F,line=L,col=C,title=T::message`` (``warning`` and ``notice`` alike), escaped as
the Actions runner expects: ``%``, CR and LF in the message; ``%``, CR, LF, ``:`` and ``,``
in property values. A suppressed finding becomes a notice that gives its reason. Paths are
as the check printed them: run it from the repository root so that they resolve.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..diagnostics import Diagnostic, Severity, count

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a message (the part after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=``...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic) -> str:
    command = _COMMANDS[diagnostic.severity]
    title = f"{diagnostic.code} {diagnostic.name}".strip()
    message = diagnostic.message
    if diagnostic.suppressed is not None:
        command = "notice"
        until = f" until {diagnostic.suppressed.until}" if diagnostic.suppressed.until else ""
        title += " (suppressed)"
        message = f"suppressed{until}: {diagnostic.suppressed.reason}\n{diagnostic.severity.value}: {message}"
    if diagnostic.hint:
        message += f"\nhint: {diagnostic.hint}"
    properties = [f"file={escape_property(diagnostic.file)}"]
    if diagnostic.line > 0:
        properties.append(f"line={diagnostic.line}")
        if diagnostic.column > 0:
            properties.append(f"col={diagnostic.column}")
    properties.append(f"title={escape_property(title)}")
    return f"::{command} {','.join(properties)}::{escape_data(message)}"


def render_github(diagnostics: Sequence[Diagnostic]) -> str:
    """One annotation per finding, then a summary line for the job log."""
    lines = [annotation(d) for d in diagnostics]
    totals = count(diagnostics)
    suppressed = sum(1 for d in diagnostics if d.suppressed is not None)
    lines.append(
        f"infraspec: {totals[Severity.ERROR]} error(s), {totals[Severity.WARNING]} warning(s), "
        f"{totals[Severity.INFO]} note(s), {suppressed} suppressed"
    )
    return "\n".join(lines) + "\n"
