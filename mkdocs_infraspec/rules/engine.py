"""Run the rules on a spec: apply configured levels, then the suppressions written in the YAML."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from .. import codes
from ..diagnostics import Diagnostic, Location, Severity, Suppressed
from ..index import SpecIndex
from ..models import CONCERNS, Spec
from ..models.base import Suppression, iter_models
from ..models.vocabulary import Term
from ..schema import closest
from . import meta
from .context import RuleContext
from .rule import _BY_NAME, _REGISTRY, Finding, Rule

#: A configured level: a severity, or ``None`` for a rule switched off.
Level = Severity | None

LEVEL_WORDS = ("error", "warning", "info", "off")


def lookup(key: str) -> Rule | None:
    """The rule a code (``IS601``, any case) or a name (``backup-missing``) stands for."""
    text = key.strip()
    return _REGISTRY.get(text.upper()) or _BY_NAME.get(text.lower())


def suggest_rule(key: str) -> str:
    """A hint for a name that is no rule: the rule meant, or how to list them.

    Codes are not spelt, so a mistyped code gets no "closest code" (IS999 is not IS962);
    only letters typed for digits (``IS6O1``) are corrected. Names get the closest name.
    """
    text = key.strip()
    vocabulary = codes.suppressible(text)
    if vocabulary is not None:  # IS35x: findings about one term
        if vocabulary.configurable:
            return f"{vocabulary.code} ({vocabulary.name}) is suppressed on the term it is about, with a reason"
        return f"{vocabulary.code} ({vocabulary.name}) cannot be switched off; suppress it on the term, with a reason"
    code = text.upper()
    if re.match(r"^IS[0-9OIL]{3}$", code):
        code = code[:2] + code[2:].replace("O", "0").replace("I", "1").replace("L", "1")
        if code in codes.BUILTIN:
            return f"{code} is a built-in check ({codes.BUILTIN[code].name}): it cannot be switched off or suppressed; fix the spec instead"
        if code in _REGISTRY:
            return f"did you mean {code!r} ({_REGISTRY[code].name})?"
        return f"no rule has the code {code}; `infraspec rules` lists every rule"
    match = closest(text, list(_BY_NAME), cutoff=0.6)
    if match is not None:
        return f"did you mean {match!r} ({_BY_NAME[match].code})?"
    partial = [name for name in _BY_NAME if text.lower() in name] if len(text) >= 3 else []
    if len(partial) == 1:
        return f"did you mean {partial[0]!r} ({_BY_NAME[partial[0]].code})?"
    if partial:
        return "rules with a similar name: " + ", ".join(partial[:5])
    return "`infraspec rules` lists every rule"


def configurable_code(key: str) -> codes.Code | None:
    """A built-in code whose level may be set like a rule's (``configurable``), by code or name."""
    text = key.strip()
    entry = codes.BUILTIN.get(text.upper()) or next((c for c in codes.BUILTIN.values() if c.name == text.lower()), None)
    return entry if entry is not None and entry.configurable else None


def apply_levels(diagnostics: Iterable[Diagnostic], levels: Mapping[str, Level]) -> list[Diagnostic]:
    """Findings of configurable built-in codes at their configured level (dropped when off).

    Rules get their level while they run; this is for codes raised elsewhere (such as the
    vocabulary's ``unused-term``), so that one ``rules:`` mapping sets every level.
    """
    adjusted: list[Diagnostic] = []
    for diagnostic in diagnostics:
        if diagnostic.code in levels and diagnostic.code not in _REGISTRY:
            level = levels[diagnostic.code]
            if level is None:
                continue
            diagnostic = diagnostic.with_severity(level)
        adjusted.append(diagnostic)
    return adjusted


def parse_level(value: Any) -> Level | str:
    """A configured level as a severity, ``None`` for off, or the original text if invalid.

    YAML 1.1 reads an unquoted ``off`` as ``False`` and ``on`` as ``True``: both are
    accepted (``on`` keeps the default, reported as the string ``"on"``).
    """
    if value is False:
        return None
    if value is True:
        return "on"
    if isinstance(value, str):
        word = value.strip().lower()
        if word in ("off", "false", "no", "disable", "disabled"):
            return None
        if word in ("on", "true", "yes", "default"):
            return "on"
        if word in ("error", "warning", "info"):
            return Severity(word)
        if word == "warn":
            return Severity.WARNING
    return f"{value!r}"


def parse_levels(
    config: Mapping[str, Any] | None, locate: Callable[[str], Location], *, where: str = "the rules option"
) -> tuple[dict[str, Level], list[Diagnostic]]:
    """Turn a ``rules:`` mapping (code or name -> level) into levels by code, reporting bad entries.

    ``locate`` gives the position of a key (``""``: of the mapping); ``where`` names the
    option in messages.
    """
    levels: dict[str, Level] = {}
    diagnostics: list[Diagnostic] = []
    if config is None:
        return levels, diagnostics
    if not isinstance(config, Mapping):
        diagnostics.append(
            meta.INVALID_RULE_LEVEL(
                locate(""),
                f"{where} must map rule codes or names to levels, got {type(config).__name__}",
                hint="write it as a mapping, e.g. rules: {IS601: error, open-question: off}",
            )
        )
        return levels, diagnostics
    for key, value in config.items():
        found: Rule | codes.Code | None = lookup(str(key)) or configurable_code(str(key))
        if found is None:
            diagnostics.append(meta.UNKNOWN_RULE(locate(str(key)), f"unknown rule {str(key)!r} in {where}", hint=suggest_rule(str(key))))
            continue
        level = parse_level(value)
        if level is None or isinstance(level, Severity):
            levels[found.code] = level
        elif level == "on":
            levels.pop(found.code, None)
        else:
            diagnostics.append(
                meta.INVALID_RULE_LEVEL(
                    locate(str(key)),
                    f"invalid level {level} for rule {found.code} ({found.name})",
                    hint="use one of: " + ", ".join(LEVEL_WORDS),
                )
            )
    return levels, diagnostics


def config_locator(config_file: Path | None, display: str) -> Callable[[str], Location]:
    """Find where a key of the ``rules:`` option is written in mkdocs.yml (line and column).

    mkdocs.yml may use tags that safe loading refuses (``!!python/name``), so the key is
    found by scanning lines below ``rules:`` rather than by parsing.
    """
    lines: list[str] = []
    if config_file is not None:
        try:
            lines = config_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s*rules\s*:", line)), None)

    def locate(key: str) -> Location:
        if start is None:
            return Location(display)
        if not key:
            return Location(display, start + 1, lines[start].index("rules") + 1)
        pattern = re.compile(r"""^(\s*(?:-\s*)?)(["']?)""" + re.escape(key) + r"""\2\s*:""")
        for number in range(start, len(lines)):
            match = pattern.match(lines[number]) if number > start else None
            if match:
                return Location(display, number + 1, len(match.group(1)) + 1)
            inline = re.search(r"""[{,]\s*(["']?)(""" + re.escape(key) + r""")\1\s*:""", lines[number])
            if inline:
                return Location(display, number + 1, inline.start(2) + 1 - len(inline.group(1)))
        return Location(display, start + 1, lines[start].index("rules") + 1)

    return locate


def unreliable_concerns(spec: Spec, index: SpecIndex) -> set[str]:
    """Concerns a rule cannot trust: those that failed to load, and those with unknown references.

    A dangling reference (a renamed component) would make rules report its consequences
    (a flow with no matching dependency, an uncovered component) as if they were separate
    problems; such rules wait until the references are fixed.
    """
    unreliable = set(spec.invalid)
    for reference in index.references:
        if reference.concern not in unreliable and index.resolve(reference.target, reference.kinds) is None:
            unreliable.add(reference.concern)
    return unreliable


def _can_run(rule: Rule, spec: Spec, unreliable: set[str]) -> bool:
    """A rule runs only when every concern it reads was loaded (or is optional and absent) and is consistent."""
    for name in rule.needs:
        if name in unreliable:
            return False
        if spec.get(name) is None and any(c.name == name and c.required for c in CONCERNS):
            return False
    return True


def _suppressions(model: Any) -> list[Suppression]:
    value = getattr(model, "suppress", None)
    return value if isinstance(value, list) else []


def _active(suppression: Suppression, today: _dt.date) -> bool:
    return suppression.until is None or suppression.until >= today


def run_rules(
    spec: Spec,
    index: SpecIndex,
    *,
    levels: Mapping[str, Level] | None = None,
    today: _dt.date | None = None,
) -> list[Diagnostic]:
    """Every rule's findings at their level, suppressed ones marked, and suppression problems."""
    levels = levels or {}
    context = RuleContext(spec, index, today or _dt.date.today())
    diagnostics: list[Diagnostic] = []
    used: set[int] = set()
    ran: set[str] = set()
    unreliable = unreliable_concerns(spec, index)
    for rule in sorted(_REGISTRY.values(), key=lambda r: r.code):
        if rule.func is None:
            continue
        configured = rule.code in levels
        level = levels.get(rule.code)
        if configured and level is None:
            continue
        if not _can_run(rule, spec, unreliable):
            continue
        ran.add(rule.code)
        try:
            findings = list(rule.findings(spec, index, context))
        except Exception as error:  # a bug in one rule must not hide the other rules' findings
            diagnostics.append(meta.RULE_FAILURE(
                Location(str(spec.root)),
                f"rule {rule.code} ({rule.name}) failed: {type(error).__name__}: {error}",
                hint=f"this is a bug in mkdocs-infraspec; switch the rule off with rules: {{{rule.code}: off}} to build meanwhile",
            ))
            continue
        for item in findings:
            diagnostic = rule.diagnostic(item, level if configured else None)
            suppression = next(
                (
                    s
                    for model in item.on
                    for s in _suppressions(model)
                    if lookup(s.rule) is rule and _active(s, context.today) and s.reason.strip()
                ),
                None,
            )
            if suppression is not None:
                used.add(id(suppression))
                diagnostic = replace(
                    diagnostic,
                    suppressed=Suppressed(
                        suppression.reason.strip(),
                        suppression.until.isoformat() if suppression.until else None,
                        suppression.loc("rule"),
                    ),
                )
            diagnostics.append(diagnostic)
    diagnostics.extend(_suppression_problems(spec, context.today, used, ran, levels))
    return diagnostics


def _owners(spec: Spec) -> Iterator[Any]:
    for concern in CONCERNS:
        model = spec.get(concern.name)
        if model is not None:
            yield from iter_models(model)


def _suppression_problems(
    spec: Spec, today: _dt.date, used: set[int], ran: set[str], levels: Mapping[str, Level]
) -> Iterator[Diagnostic]:
    def emit(rule: Rule, where: Location, message: str, hint: str | None = None) -> Iterator[Diagnostic]:
        if rule.code in levels and levels[rule.code] is None:
            return
        yield rule.diagnostic(Finding(where, message, (), hint), levels.get(rule.code))

    for owner in _owners(spec):
        for suppression in _suppressions(owner):
            what = owner.describe() or "this item"
            target = lookup(suppression.rule)
            # The vocabulary's codes (IS35x) may be suppressed on terms; the glossary applies them.
            vocabulary = codes.suppressible(suppression.rule) if isinstance(owner, Term) else None
            if not suppression.reason.strip():
                yield from emit(meta.SUPPRESSION_WITHOUT_REASON, suppression.loc("reason"),
                                f"the suppression of {suppression.rule!r} on {what} gives no reason",
                                "say why the finding does not apply here; the reason is shown in every report")
            if (target is None or target.func is None) and vocabulary is None:
                yield from emit(meta.UNKNOWN_RULE, suppression.loc("rule"),
                                f"unknown rule {suppression.rule!r} in a suppression on {what}",
                                suggest_rule(suppression.rule))
                continue
            named = vocabulary or target
            assert named is not None
            if not _active(suppression, today):
                assert suppression.until is not None
                yield from emit(meta.EXPIRED_SUPPRESSION, suppression.loc("until"),
                                f"the suppression of {named.code} ({named.name}) on {what} expired on {suppression.until.isoformat()}",
                                "fix the finding, or renew the suppression with a new date and an up-to-date reason")
                continue
            if target is None or vocabulary is not None:
                continue  # whether a vocabulary suppression silences anything is known only after a build
            if target.code in ran and id(suppression) not in used and suppression.reason.strip():
                yield from emit(meta.UNUSED_SUPPRESSION, suppression.loc("rule"),
                                f"the suppression of {target.code} ({target.name}) on {what} silences nothing",
                                "remove it: the rule finds nothing on this item")
