"""SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.

Every result is located: a file always, a line and column when known. Paths are written
relative to ``%SRCROOT%`` (the folder the check ran in, normally the repository root), and
suppressed findings carry an ``inSource`` suppression with the author's reason.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..diagnostics import Diagnostic, Location, Severity
from .catalogue import Entry, catalogue

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/mkdocs-infraspec/"
ROOT_ID = "%SRCROOT%"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    return quote(Path(path).as_posix(), safe="/")


def _physical(location: Location) -> dict[str, Any]:
    path = Path(location.file)
    # Paths outside the folder the check ran in are shown absolute: give them as file URIs.
    artifact = {"uri": path.as_uri()} if path.is_absolute() else {"uri": _uri(location.file), "uriBaseId": ROOT_ID}
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if location.line > 0:
        region: dict[str, Any] = {"startLine": location.line}
        if location.column > 0:
            region["startColumn"] = location.column
        physical["region"] = region
    return physical


def _rule(entry: Entry) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": entry.code,
        "name": entry.name,
        "shortDescription": {"text": entry.summary},
        "defaultConfiguration": {"level": _LEVELS[entry.severity]},
        "properties": {"category": entry.category, "tags": ["infrastructure", entry.category]},
    }
    if entry.doc:
        descriptor["fullDescription"] = {"text": entry.doc.split("\n\n", 1)[0].replace("\n", " ")}
        descriptor["help"] = {"text": entry.doc, "markdown": entry.doc}
    return descriptor


def _result(diagnostic: Diagnostic, rule_index: int) -> dict[str, Any]:
    text = diagnostic.message + (f"\nhint: {diagnostic.hint}" if diagnostic.hint else "")
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[diagnostic.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": _physical(diagnostic.location)}],
    }
    if diagnostic.related:
        result["relatedLocations"] = [
            {"id": position, "physicalLocation": _physical(related), "message": {"text": "related"}}
            for position, related in enumerate(diagnostic.related, start=1)
        ]
    if diagnostic.hint:
        result["properties"] = {"hint": diagnostic.hint}
    if diagnostic.suppressed is not None:
        justification = diagnostic.suppressed.reason
        if diagnostic.suppressed.until:
            justification += f" (until {diagnostic.suppressed.until})"
        suppression: dict[str, Any] = {"kind": "inSource", "status": "accepted", "justification": justification}
        if diagnostic.suppressed.location is not None:
            suppression["location"] = {"physicalLocation": _physical(diagnostic.suppressed.location)}
        result["suppressions"] = [suppression]
    return result


def render_sarif(diagnostics: Sequence[Diagnostic], *, base: Path | None = None) -> str:
    """One SARIF log with one run: the tool with every rule it knows, and every finding."""
    entries = catalogue(list(diagnostics))
    order = {code: position for position, code in enumerate(entries)}
    root = (base or Path.cwd()).resolve().as_uri().rstrip("/") + "/"
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "infraspec",
                        "fullName": "mkdocs-infraspec",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(entry) for entry in entries.values()],
                    }
                },
                "originalUriBaseIds": {ROOT_ID: {"uri": root}},
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, order[d.code]) for d in diagnostics],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
