"""The rules reference as Markdown, generated from each rule's docstring (so it cannot go stale)."""

from __future__ import annotations

import re

from .rule import _REGISTRY, CATEGORIES, Rule

_LABELS = {"FAIL:": "**Fails:**", "PASS:": "**Passes:**"}


def anchor(code: str) -> str:
    """The HTML id of a rule in the reference (``is601``)."""
    return code.lower()


def rule_markdown(rule: Rule, heading: str = "###") -> str:
    """One rule: heading with code and name, severity and category, then its docs."""
    lines = rule.doc.strip().splitlines()
    body = [_LABELS.get(line.strip(), line) for line in lines[1:]]
    text = "\n".join(body).strip()
    parts = [
        f'<a id="{anchor(rule.code)}"></a>',
        "",
        f"{heading} {rule.code} `{rule.name}`",
        "",
        f"*{rule.summary}*",
        "",
        f"Default severity: **{rule.severity.value}** · category: {CATEGORIES.get(rule.category, rule.category).lower()}",
    ]
    if text:
        parts += ["", text]
    return "\n".join(parts)


def _cell(text: str) -> str:
    return re.sub(r"\|", r"\\|", text)


def reference_markdown(heading_level: int = 2) -> str:
    """Every rule, grouped by category, after a summary table; ``heading_level`` is the category level."""
    rules = sorted(_REGISTRY.values(), key=lambda r: r.code)
    category_heading = "#" * heading_level
    rule_heading = "#" * (heading_level + 1)
    out = ["| Code | Name | Severity | Finds |", "| --- | --- | --- | --- |"]
    for rule in rules:
        out.append(f"| [{rule.code}](#{anchor(rule.code)}) | `{rule.name}` | {rule.severity.value} | {_cell(rule.summary)} |")
    for category, title in CATEGORIES.items():
        members = [r for r in rules if r.category == category]
        if not members:
            continue
        out += ["", f"{category_heading} {title}"]
        for rule in members:
            out += ["", rule_markdown(rule, rule_heading)]
    return "\n".join(out) + "\n"
