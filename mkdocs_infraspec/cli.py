"""The ``infraspec`` command: the plugin's checks without a build.

Exit status of ``infraspec check``: 0 when nothing is wrong, 1 when there are errors, 2
when there are only warnings and ``--strict`` is given.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, codes
from .check import check
from .diagnostics import Location
from .project import ProjectError, find_project
from .report import FORMATS, ReportContext, SourceReader

EXIT_OK, EXIT_ERRORS, EXIT_WARNINGS = 0, 1, 2


def _use_color(choice: str, stream: object) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def run_check(args: argparse.Namespace) -> int:
    path = Path(args.path)
    try:
        project = find_project(path)
    except ProjectError as error:
        diagnostic = codes.UNREADABLE(Location(str(path)), str(error).split(": ", 1)[-1])
        context = ReportContext(color=_use_color(args.color, sys.stdout))
        sys.stdout.write(FORMATS[args.format]([diagnostic], context))
        return EXIT_ERRORS
    result = check(project.spec_dir)
    files = sum(len(paths) for paths in result.spec.files.values())
    context = ReportContext(
        color=_use_color(args.color, sys.stdout),
        files_checked=files,
        items_checked=sum(1 for _ in result.index),
        reader=SourceReader(),
    )
    diagnostics = result.diagnostics
    if args.quiet:
        diagnostics = [d for d in diagnostics if d.severity != "info"]
    sys.stdout.write(FORMATS[args.format](diagnostics, context))
    if result.errors:
        return EXIT_ERRORS
    if result.warnings and args.strict:
        return EXIT_WARNINGS
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
    check_parser.add_argument("--format", "-f", choices=sorted(FORMATS), default="text", help="output format (default: text)")
    check_parser.add_argument("--strict", action="store_true", help="exit 2 when there are warnings (as mkdocs build --strict fails)")
    check_parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text output (default: auto)")
    check_parser.add_argument("--quiet", "-q", action="store_true", help="leave out informational findings")
    check_parser.set_defaults(func=run_check)
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
