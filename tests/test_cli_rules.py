"""`infraspec rules` and the rule options of `infraspec check`, as users run them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_infraspec import cli
from mkdocs_infraspec.rules import RULES


def infraspec(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs_infraspec.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=60, check=False)


def main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_rules_lists_every_rule_one_per_line_starting_with_its_code() -> None:
    result = infraspec("rules")
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == len(RULES) >= 30
    for line, rule in zip(lines, RULES.values(), strict=True):
        assert re.match(rf"^{rule.code}  {re.escape(rule.name)} +{rule.severity.value} +{re.escape(rule.summary)}$", line), line


def test_rules_with_a_code_or_name_shows_its_documentation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = main(capsys, "rules", "IS603")
    assert code == 0
    assert out.startswith("IS603 rpo-backup-interval\ndefault severity: error; category: disaster recovery\n\n")
    assert "FAIL:\n```yaml\n" in out and "PASS:\n```yaml\n" in out
    assert main(capsys, "rules", "rpo-backup-interval")[1] == out
    code, out, _ = main(capsys, "rules", "IS301", "unused-term")
    assert code == 0 and out.startswith("IS301 unknown-reference\n") and "\nIS353 unused-term\n" in out


def test_rules_filters_lists_all_codes_and_speaks_json_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = main(capsys, "rules", "--category", "network")
    assert [line[:5] for line in out.splitlines()] == [c for c, r in RULES.items() if r.category == "network"]
    _, out, _ = main(capsys, "rules", "--all")
    assert out.splitlines()[0].startswith("IS101  yaml-syntax") and len(out.splitlines()) > len(RULES)
    _, out, _ = main(capsys, "rules", "--format", "json")
    document = json.loads(out)
    assert [entry["code"] for entry in document] == list(RULES)
    assert set(document[0]) == {"code", "name", "severity", "category", "summary", "doc"}
    _, out, _ = main(capsys, "rules", "--format", "markdown")
    assert "### IS603 `rpo-backup-interval`" in out


def test_rules_with_an_unknown_name_says_what_was_meant(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = main(capsys, "rules", "backup-mising")
    assert code == cli.EXIT_ERRORS and out == ""
    assert err == "infraspec: no rule 'backup-mising': did you mean 'backup-missing' (IS601)?\n"
    code, _, err = main(capsys, "rules", "--category", "nope")
    assert code == cli.EXIT_ERRORS and "categories: suppressions, completeness" in err


def test_check_reads_rule_levels_from_mkdocs_yml_and_the_command_line(
    base_spec: Path, edit: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = base_spec.parent
    edit(base_spec / "responsibilities.yaml", "    owner: platform\n", "")  # type: ignore[operator]
    monkeypatch.chdir(project)
    assert main(capsys, "check", ".", "--strict")[0] == cli.EXIT_WARNINGS
    (project / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - infraspec:\n      rules:\n        component-owner: off\n")
    code, out, _ = main(capsys, "check", ".", "--strict")
    assert code == cli.EXIT_OK, out
    code, out, _ = main(capsys, "check", ".", "--rule", "IS413=error")
    assert code == cli.EXIT_ERRORS and "infra-specs/responsibilities.yaml:2:9: error[IS413]" in out
    code, out, _ = main(capsys, "check", "mkdocs.yml", "-r", "component-owner=info", "--strict")
    assert code == cli.EXIT_OK and "info[IS413]" in out
    assert "info[IS413]" not in main(capsys, "check", ".", "-r", "IS413=info", "--quiet")[1]


def test_check_reports_bad_rule_options_where_they_are_written(
    base_spec: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = base_spec.parent
    (project / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - infraspec:\n      rules:\n        IS601: fatal\n        backup-mising: off\n")
    monkeypatch.chdir(project)
    code, out, _ = main(capsys, "check", ".", "--rule", "IS6O1=off", "--rule", "IS413", "--color", "never")
    assert code == cli.EXIT_ERRORS
    heads = [line for line in out.splitlines() if "[IS40" in line]
    assert heads == [
        "--rule IS413: error[IS402] --rule 'IS413' is not CODE=LEVEL",
        "--rule IS6O1=off: error[IS401] unknown rule 'IS6O1' in --rule",
        "mkdocs.yml:5:9: error[IS402] invalid level 'fatal' for rule IS601 (backup-missing)",
        "mkdocs.yml:6:9: error[IS401] unknown rule 'backup-mising' in the rules option",
    ]
    assert "  hint: did you mean 'IS601' (backup-missing)?" in out


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github"])
def test_every_format_is_offered_by_check(base_spec: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = main(capsys, "check", str(base_spec), "--format", fmt)
    assert code == cli.EXIT_OK and out.strip()
