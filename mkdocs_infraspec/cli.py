"""The ``infraspec`` command: the plugin's checks without a build, and the rules' documentation.

Exit status of ``infraspec check``: 0 when nothing is wrong, 1 when there are errors, 2
when there are only warnings and ``--strict`` is given. ``infraspec rules`` lists every rule
(one per line, starting with its code) or shows the documentation of the rules named.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from . import __version__, codes
from .check import check
from .diagnostics import Diagnostic, Location, Severity, sort_diagnostics
from .project import ProjectError, find_project
from .report import FORMATS, ReportContext, SourceReader

EXIT_OK, EXIT_ERRORS, EXIT_WARNINGS = 0, 1, 2


def _use_color(choice: str, stream: object) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _at(where: Location, _key: str) -> Location:
    return where


def rule_overrides(values: Sequence[str]) -> tuple[dict[str, str], list[Diagnostic]]:
    """The ``--rule CODE=LEVEL`` options as a rules mapping; malformed or unknown ones as findings."""
    from .rules import parse_levels
    from .rules.meta import INVALID_RULE_LEVEL

    overrides: dict[str, str] = {}
    diagnostics: list[Diagnostic] = []
    for value in values:
        where = Location(f"--rule {value}")
        key, sep, level = value.partition("=")
        if not sep or not key.strip():
            diagnostics.append(INVALID_RULE_LEVEL(where, f"--rule {value!r} is not CODE=LEVEL", hint="e.g. --rule IS601=off or --rule open-question=error"))
            continue
        _, problems = parse_levels({key.strip(): level.strip()}, functools.partial(_at, where), where="--rule")
        if problems:
            diagnostics.extend(problems)
        else:
            overrides[key.strip()] = level.strip()
    return overrides, diagnostics


def _rules_option(options: Mapping[str, Any] | None, overrides: Mapping[str, str]) -> Any:
    """The plugin's ``rules:`` from mkdocs.yml with the command line's overrides on top."""
    configured = (options or {}).get("rules")
    if configured is None:
        return dict(overrides) or None
    if not isinstance(configured, Mapping):
        return configured  # reported by check() as it is written
    return {**configured, **overrides}


def run_check(args: argparse.Namespace) -> int:
    path = Path(args.path)
    try:
        project = find_project(path)
    except ProjectError as error:
        diagnostic = codes.UNREADABLE(Location(str(path)), str(error).split(": ", 1)[-1])
        context = ReportContext(color=_use_color(args.color, sys.stdout), strict=args.strict)
        sys.stdout.write(FORMATS[args.format]([diagnostic], context))
        return EXIT_ERRORS
    overrides, problems = rule_overrides(args.rule or [])
    result = check(project.spec_dir, rules=_rules_option(project.options, overrides), rules_file=project.config_file)
    files = sum(len(paths) for paths in result.spec.files.values())
    context = ReportContext(
        color=_use_color(args.color, sys.stdout),
        files_checked=files,
        items_checked=sum(1 for _ in result.index),
        reader=SourceReader(),
        base=Path.cwd(),
        strict=args.strict,
        levels=result.levels,
    )
    diagnostics = sort_diagnostics([*problems, *result.diagnostics])
    shown = [d for d in diagnostics if d.severity != "info"] if args.quiet else diagnostics
    sys.stdout.write(FORMATS[args.format](shown, context))
    active = [d for d in diagnostics if d.suppressed is None]
    if any(d.severity == Severity.ERROR for d in active):
        return EXIT_ERRORS
    if args.strict and any(d.severity == Severity.WARNING for d in active):
        return EXIT_WARNINGS
    return EXIT_OK


def _all_codes() -> dict[str, Any]:
    """Every code by code: the built-in checks (with the vocabulary's) and the rules."""
    from .rules import RULES

    return dict(sorted({**codes.BUILTIN, **RULES}.items()))


def run_rules(args: argparse.Namespace) -> int:
    from .rules import CATEGORIES, RULES, lookup, reference_markdown, suggest_rule

    if args.format == "markdown" and not args.names:
        sys.stdout.write(reference_markdown())
        return EXIT_OK
    every = _all_codes()
    if args.names:
        chosen = []
        for name in args.names:
            found = lookup(name) or every.get(name.strip().upper()) or next((c for c in every.values() if c.name == name.strip().lower()), None)
            if found is None:
                sys.stderr.write(f"infraspec: no rule {name!r}: {suggest_rule(name)}\n")
                return EXIT_ERRORS
            chosen.append(found)
    else:
        pool = every if args.all else RULES
        chosen = [entry for entry in pool.values() if not args.category or entry.category == args.category]
        if args.category and not chosen:
            sys.stderr.write(f"infraspec: no category {args.category!r}; categories: {', '.join(CATEGORIES)}\n")
            return EXIT_ERRORS
    if args.format == "json":
        document = [
            {"code": e.code, "name": e.name, "severity": e.severity.value, "category": e.category, "summary": e.summary, "doc": e.doc}
            for e in chosen
        ]
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    elif args.names:
        blocks = []
        for entry in chosen:
            category = CATEGORIES.get(entry.category, entry.category).lower()
            blocks.append(f"{entry.code} {entry.name}\ndefault severity: {entry.severity.value}; category: {category}\n\n{entry.doc}\n")
        sys.stdout.write("\n".join(blocks))
    else:
        width = max(len(e.name) for e in chosen)
        for entry in chosen:
            sys.stdout.write(f"{entry.code}  {entry.name:<{width}}  {entry.severity.value:<7}  {entry.summary}\n")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="infraspec",
        description="Check an infrastructure spec (YAML per concern) the way `mkdocs build` does, without building.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    check_parser = commands.add_parser(
        "check",
        help="validate a spec and report every finding",
        description="Validate a spec folder. PATH is the spec folder, a folder with an mkdocs.yml "
        "(the plugin's spec_dir is read from it) or the mkdocs.yml itself. Default: the current folder.",
    )
    check_parser.add_argument("path", nargs="?", default=".", metavar="PATH")
    check_parser.add_argument(
        "--format", "-f", choices=list(FORMATS), default="text",
        help="output format: text (default), json, sarif (code scanning), junit (CI test reports), github (workflow annotations)",
    )
    check_parser.add_argument("--strict", action="store_true", help="exit 2 when there are warnings (as mkdocs build --strict fails)")
    check_parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text output (default: auto)")
    check_parser.add_argument("--quiet", "-q", action="store_true", help="leave out informational findings")
    check_parser.add_argument(
        "--rule", "-r", action="append", metavar="CODE=LEVEL",
        help="set a rule's level (error, warning, info or off) by code or name, over mkdocs.yml's rules option; repeatable",
    )
    check_parser.set_defaults(func=run_check)

    rules_parser = commands.add_parser(
        "rules",
        help="list every rule, or show the documentation of the rules named",
        description="Without arguments, list every rule, one per line: code, name, default severity, what it finds. "
        "With codes or names (IS601, backup-missing), show each one's documentation with a failing and a passing example.",
    )
    rules_parser.add_argument("names", nargs="*", metavar="CODE", help="rule codes or names to document")
    rules_parser.add_argument("--category", "-c", help="list the rules of one category only (network, security...)")
    rules_parser.add_argument("--all", "-a", action="store_true", help="list the built-in checks (IS1xx-IS3xx) too")
    rules_parser.add_argument("--format", "-f", choices=("text", "json", "markdown"), default="text", help="output format (default: text)")
    rules_parser.set_defaults(func=run_rules)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:  # pragma: no cover - interactive
        return 130
    except BrokenPipeError:  # pragma: no cover - `infraspec check | head`
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
