"""JUnit XML, for CI test reports: one test suite per category, one test case per finding or clean rule.

Each finding is a test case named after its code and location, failed for an error (and
for a warning when the check is strict), skipped when suppressed (the message gives the
reason). Each rule without findings is a passing test case, so a clean spec shows as a
full set of passed checks rather than as nothing; a rule switched off is skipped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from xml.etree import ElementTree as ET

from ..diagnostics import Diagnostic, Severity
from .catalogue import Entry, catalogue


def _case(diagnostic: Diagnostic, entry: Entry, strict: bool) -> ET.Element:
    case = ET.Element(
        "testcase",
        {
            "name": f"{diagnostic.code} {entry.name} at {diagnostic.location}",
            "classname": f"infraspec.{entry.category}.{diagnostic.code}",
            "file": diagnostic.file,
        },
    )
    if diagnostic.line > 0:
        case.set("line", str(diagnostic.line))
    text = f"{diagnostic.location}: {diagnostic.severity.value}[{diagnostic.code}] {diagnostic.message}"
    if diagnostic.hint:
        text += f"\nhint: {diagnostic.hint}"
    for related in diagnostic.related:
        text += f"\nsee: {related}"
    if diagnostic.suppressed is not None:
        until = f" until {diagnostic.suppressed.until}" if diagnostic.suppressed.until else ""
        ET.SubElement(case, "skipped", {"message": f"suppressed{until}: {diagnostic.suppressed.reason}"}).text = text
    elif diagnostic.severity == Severity.ERROR or (diagnostic.severity == Severity.WARNING and strict):
        failure = ET.SubElement(case, "failure", {"type": f"{diagnostic.severity.value}[{diagnostic.code}]", "message": diagnostic.message})
        failure.text = text
    else:
        ET.SubElement(case, "system-out").text = text
    return case


def render_junit(
    diagnostics: Sequence[Diagnostic], *, strict: bool = False, levels: Mapping[str, object] | None = None
) -> str:
    """The findings as a ``<testsuites>`` document; ``levels`` marks rules switched off (level ``None``)."""
    entries = catalogue(list(diagnostics))
    levels = levels or {}
    suites: dict[str, list[ET.Element]] = {}
    found = {d.code for d in diagnostics}
    for diagnostic in diagnostics:
        entry = entries[diagnostic.code]
        suites.setdefault(entry.category, []).append(_case(diagnostic, entry, strict))
    for entry in entries.values():
        if entry.code in found:
            continue
        case = ET.Element("testcase", {"name": f"{entry.code} {entry.name}", "classname": f"infraspec.{entry.category}.{entry.code}"})
        if entry.code in levels and levels[entry.code] is None:
            ET.SubElement(case, "skipped", {"message": "switched off in the rules option"})
        suites.setdefault(entry.category, []).append(case)

    root = ET.Element("testsuites", {"name": "infraspec"})
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    first_code: dict[str, str] = {}
    for entry in entries.values():  # in code order: suites follow the codes (yaml first, clarifications last)
        first_code.setdefault(entry.category, entry.code)
    for category, cases in sorted(suites.items(), key=lambda kv: first_code.get(kv[0], kv[0])):
        counts = {
            "tests": len(cases),
            "failures": sum(1 for c in cases if c.find("failure") is not None),
            "errors": 0,
            "skipped": sum(1 for c in cases if c.find("skipped") is not None),
        }
        suite = ET.SubElement(root, "testsuite", {"name": f"infraspec.{category}", **{k: str(v) for k, v in counts.items()}})
        suite.extend(cases)
        for key, value in counts.items():
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
