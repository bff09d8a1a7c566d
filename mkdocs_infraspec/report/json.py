"""The machine format: a JSON document with every finding and its location."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..diagnostics import Diagnostic, Severity, count


def diagnostic_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "file": diagnostic.file,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "hint": diagnostic.hint,
        "related": [{"file": r.file, "line": r.line, "column": r.column} for r in diagnostic.related],
    }
    if diagnostic.suppressed is not None:
        data["suppressed"] = {"reason": diagnostic.suppressed.reason, "until": diagnostic.suppressed.until}
    return data


def render_json(diagnostics: Sequence[Diagnostic]) -> str:
    totals = count(diagnostics)
    document = {
        "version": 1,
        "summary": {
            "errors": totals[Severity.ERROR],
            "warnings": totals[Severity.WARNING],
            "suppressed": sum(1 for d in diagnostics if d.suppressed is not None),
        },
        "diagnostics": [diagnostic_dict(d) for d in diagnostics],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
