"""The rule engine: the registry and its docs, levels, suppressions, and when rules hold back."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from mkdocs_infraspec.check import check
from mkdocs_infraspec.diagnostics import Location, Severity
from mkdocs_infraspec.rules import (
    CATEGORIES,
    RULES,
    lookup,
    parse_level,
    parse_levels,
    reference_markdown,
    registry,
    suggest_rule,
)
from mkdocs_infraspec.rules.engine import apply_levels

Edit = Callable[[Path, str, str], None]

#: Which codes each category may use: a code's hundreds (and tens) say what it is about.
CODE_RANGES = {
    "suppressions": r"IS40\d",
    "completeness": r"IS4[1-2]\d",
    "consistency": r"IS5\d\d",
    "disaster-recovery": r"IS6\d\d",
    "network": r"IS7\d\d",
    "security": r"IS8\d\d",
    "observability": r"IS90\d|IS91\d",
    "cost": r"IS9[23]\d",
    "naming": r"IS9[45]\d",
    "clarifications": r"IS9[6-9]\d",
}


def codes_of(spec: Path, **kwargs: object) -> list[tuple[str, str, int, int, str]]:
    result = check(spec, base=spec, **kwargs)  # type: ignore[arg-type]
    return [(d.code, d.file, d.line, d.column, d.severity.value) for d in result.diagnostics]


# --- the registry ---------------------------------------------------------------------------


def test_at_least_thirty_rules_with_stable_unique_codes_and_names() -> None:
    rules = registry()
    assert len([r for r in rules.values() if r.func is not None]) >= 30
    assert list(rules) == sorted(rules)
    assert len({r.name for r in rules.values()}) == len(rules)
    for code, rule in rules.items():
        assert rule.code == code
        assert re.fullmatch(CODE_RANGES[rule.category], code), f"{code} is outside the range of {rule.category}"
        assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", rule.name)
        assert lookup(code) is rule and lookup(rule.name) is rule and lookup(code.lower()) is rule


@pytest.mark.parametrize("rule", list(RULES.values()), ids=lambda r: f"{r.code}-{r.name}")
def test_each_rule_documents_its_purpose_with_a_failing_and_a_passing_yaml_example(rule: object) -> None:
    doc: str = rule.doc  # type: ignore[attr-defined]
    assert rule.summary.endswith("."), "the first line is one sentence"  # type: ignore[attr-defined]
    if rule.code == "IS400":  # type: ignore[attr-defined]
        return  # a bug in a rule, not something a spec can be written to show
    fail = doc.index("FAIL:\n```yaml\n")
    passing = doc.index("PASS:\n```yaml\n")
    assert fail < passing
    for block in re.findall(r"```yaml\n(.*?)```", doc, flags=re.S):
        yaml.safe_load(block)  # every example is valid YAML


def test_reference_markdown_has_every_rule_under_its_category() -> None:
    text = reference_markdown()
    for category, title in CATEGORIES.items():
        assert f"## {title}" in text, category
    for rule in RULES.values():
        assert f'<a id="{rule.code.lower()}"></a>' in text
        assert f"### {rule.code} `{rule.name}`" in text
        assert f"| [{rule.code}](#{rule.code.lower()}) | `{rule.name}` | {rule.severity.value} |" in text
    assert "FAIL:" not in text and "**Fails:**" in text


def test_suggestions_for_names_that_are_no_rule() -> None:
    assert suggest_rule("backup-mising") == "did you mean 'backup-missing' (IS601)?"
    assert suggest_rule("IS6O1") == "did you mean 'IS601' (backup-missing)?"
    assert "no rule has the code IS999" in suggest_rule("IS999")
    assert "built-in check (unknown-reference)" in suggest_rule("IS301")
    assert suggest_rule("owner") == "did you mean 'component-owner' (IS413)?"


@pytest.mark.parametrize(
    ("value", "level"),
    [(False, None), ("off", None), ("OFF", None), ("error", Severity.ERROR), ("warn", Severity.WARNING), ("info", Severity.INFO), (True, "on"), ("on", "on")],
)
def test_levels_as_yaml_writes_them(value: object, level: object) -> None:
    assert parse_level(value) == level


# --- levels -----------------------------------------------------------------------------------


def test_a_level_by_name_or_code_changes_the_severity_or_switches_the_rule_off(base_spec: Path, edit: Edit) -> None:
    edit(base_spec / "responsibilities.yaml", "    owner: platform\n", "")
    assert codes_of(base_spec) == [("IS413", "responsibilities.yaml", 2, 9, "warning")]
    assert codes_of(base_spec, rules={"component-owner": "error"})[0][4] == "error"
    assert codes_of(base_spec, rules={"is413": "info"})[0][4] == "info"
    assert codes_of(base_spec, rules={"IS413": False}) == []
    assert codes_of(base_spec, rules={"IS413": "off", "component-owner": "on"})[0][4] == "warning"  # the last entry wins


def test_an_info_finding_does_not_count(base_spec: Path, edit: Edit) -> None:
    edit(base_spec / "responsibilities.yaml", "    owner: platform\n", "")
    result = check(base_spec, rules={"IS413": "info"})
    assert [d.code for d in result.diagnostics] == ["IS413"]
    assert result.errors == [] and result.warnings == []


def test_unknown_rules_and_levels_are_located_in_mkdocs_yml(tmp_path: Path, base_spec: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - infraspec:\n      rules: {IS601: error, backup-mising: off}\n  - search\n")
    result = check(base_spec, base=tmp_path, rules={"IS601": "error", "backup-mising": False}, rules_file=config)
    (finding,) = result.diagnostics
    assert (finding.code, finding.file, finding.line, finding.column) == ("IS401", "mkdocs.yml", 4, 29)
    assert finding.hint == "did you mean 'backup-missing' (IS601)?"
    result = check(base_spec, rules={"IS601": "fatal"})
    assert [(d.code, d.file, d.line) for d in result.diagnostics] == [("IS402", "mkdocs.yml", 0)]
    assert result.diagnostics[0].hint == "use one of: error, warning, info, off"
    assert [d.code for d in check(base_spec, rules=["IS601"]).diagnostics] == ["IS402"]  # type: ignore[arg-type]


def test_configurable_built_in_codes_take_levels_too() -> None:
    from mkdocs_infraspec.codes import UNUSED_TERM

    diagnostic = UNUSED_TERM(Location("vocabulary.yaml", 2, 11), "term 'VPC' is used on no page")
    levels, problems = parse_levels({"unused-term": "warning"}, lambda key: Location("mkdocs.yml"))
    assert problems == [] and levels == {"IS353": Severity.WARNING}
    assert [d.severity for d in apply_levels([diagnostic], levels)] == [Severity.WARNING]
    assert apply_levels([diagnostic], {"IS353": None}) == []


# --- suppressions -----------------------------------------------------------------------------

SUPPRESS_OWNER = "    suppress:\n      - rule: {rule}\n        reason: The network team is being formed\n{until}"


def suppress_owner(spec: Path, edit: Edit, rule: str = "component-owner", until: str = "") -> None:
    text = SUPPRESS_OWNER.format(rule=rule, until=f"        until: {until}\n" if until else "")
    edit(spec / "responsibilities.yaml", "    owner: platform\n", text)


@pytest.mark.parametrize("rule", ["component-owner", "IS413", "is413"])
def test_a_suppression_silences_one_finding_with_its_reason(base_spec: Path, edit: Edit, rule: str) -> None:
    suppress_owner(base_spec, edit, rule)
    result = check(base_spec, base=base_spec)
    (finding,) = result.diagnostics
    assert finding.code == "IS413" and result.warnings == []
    assert finding.suppressed is not None
    assert finding.suppressed.reason == "The network team is being formed"
    assert (finding.suppressed.location.line, finding.suppressed.location.column) == (6, 15)  # type: ignore[union-attr]


def test_a_suppression_applies_until_its_date_and_then_is_itself_a_finding(base_spec: Path, edit: Edit) -> None:
    suppress_owner(base_spec, edit, until="2030-06-30")
    on_the_day = check(base_spec, base=base_spec, today=dt.date(2030, 6, 30))
    assert [(d.code, d.suppressed is not None) for d in on_the_day.diagnostics] == [("IS413", True)]
    after = check(base_spec, base=base_spec, today=dt.date(2030, 7, 1))
    assert [(d.code, d.line, d.column, d.suppressed) for d in after.diagnostics] == [("IS413", 2, 9, None), ("IS403", 8, 16, None)]
    assert "expired on 2030-06-30" in after.diagnostics[1].message
    assert check(base_spec, today=dt.date(2030, 7, 1), rules={"expired-suppression": "off"}).warnings[0].code == "IS413"


def test_unused_suppressions_are_reported_only_for_rules_that_ran(base_spec: Path, edit: Edit) -> None:
    edit(base_spec / "responsibilities.yaml", "    owner: platform\n", "    owner: platform\n" + SUPPRESS_OWNER.format(rule="IS413", until=""))
    assert codes_of(base_spec) == [("IS404", "responsibilities.yaml", 7, 15, "warning")]
    assert codes_of(base_spec, rules={"IS413": "off"}) == []


def test_a_suppression_of_a_built_in_check_is_refused(base_spec: Path, edit: Edit) -> None:
    suppress_owner(base_spec, edit, rule="IS301")
    found = check(base_spec, base=base_spec).diagnostics
    assert [(d.code, d.suppressed) for d in found] == [("IS413", None), ("IS401", None)]
    assert "built-in check" in (found[1].hint or "")


def test_a_flow_can_be_suppressed_and_a_pair_on_either_item(base_spec: Path, edit: Edit) -> None:
    edit(base_spec / "architecture.yaml", "      protocol: https\n      port: 443\n",
         "      protocol: http\n      port: 80\n      suppress:\n        - rule: unencrypted-flow\n          reason: Redirects to HTTPS only\n")
    (finding,) = check(base_spec).diagnostics
    assert finding.code == "IS811" and finding.suppressed is not None and finding.suppressed.reason == "Redirects to HTTPS only"


def test_an_overlap_is_suppressed_on_either_network(base_spec: Path, edit: Edit) -> None:
    edit(base_spec / "environments.yaml", "cidr: 10.0.0.0/16", "cidr: 10.0.0.0/15")
    edit(base_spec / "architecture.yaml", "      subnets:\n",
         "      suppress:\n        - rule: network-overlap\n          reason: Never routed to each other\n      subnets:\n")
    edit(base_spec / "architecture.yaml", "  externals:\n",
         "    - id: lab-vpc\n      name: Lab\n      environment: production\n      region: eu-west-1\n      cidr: 10.0.0.0/20\n"
         "      availability_zones: [eu-west-1a, eu-west-1b]\n  externals:\n")
    (finding,) = check(base_spec).diagnostics
    assert finding.code == "IS701" and finding.suppressed is not None


# --- when rules hold back ---------------------------------------------------------------------


def test_a_dangling_reference_holds_back_the_rules_that_read_its_concern(base_spec: Path, edit: Edit) -> None:
    edit(base_spec / "responsibilities.yaml", "      - component: db\n", "      - component: dbb\n")
    assert [d.code for d in check(base_spec).diagnostics] == ["IS301"]  # no IS510 for the flow web -> db


def test_a_concern_that_fails_to_load_holds_back_its_rules(base_spec: Path, edit: Edit) -> None:
    edit(base_spec / "disaster-recovery.yaml", "    rpo: 5m\n", "    rpo: 5 minutes\n")
    found = [d.code for d in check(base_spec).diagnostics]
    assert found == ["IS204"]  # neither backup-missing nor recovery-objective-missing for db


def test_a_missing_concern_holds_back_its_rules(base_spec: Path) -> None:
    (base_spec / "assertions.yaml").unlink()
    assert [d.code for d in check(base_spec).diagnostics] == ["IS109"]  # no component-untested x3


def test_rules_read_concern_folders_and_point_at_the_right_file(base_spec: Path) -> None:
    text = (base_spec / "responsibilities.yaml").read_text()
    (base_spec / "responsibilities.yaml").unlink()
    folder = base_spec / "responsibilities"
    folder.mkdir()
    head, tail = text.split("  - id: db\n")
    (folder / "a.yaml").write_text(head)
    (folder / "b.yaml").write_text("components:\n  - id: db\n" + tail.replace("    owner: shop\n", ""))
    assert codes_of(base_spec) == [("IS413", "responsibilities/b.yaml", 2, 9, "warning")]


# --- severities that depend on the spec --------------------------------------------------------


@pytest.mark.parametrize(("status", "severity"), [("draft", "warning"), ("review", "warning"), ("approved", "error")])
def test_an_open_question_is_an_error_once_the_spec_is_approved(base_spec: Path, edit: Edit, status: str, severity: str) -> None:
    edit(base_spec / "overview.yaml", "status: review\n", f"status: {status}\n")
    (base_spec / "clarifications.yaml").write_text("questions:\n  - id: residency\n    question: Must data stay in the EU?\n")
    assert codes_of(base_spec) == [("IS961", "clarifications.yaml", 2, 9, severity)]
    assert codes_of(base_spec, rules={"open-question": "warning"})[0][4] == "warning"  # a configured level wins


def test_log_retention_missing_is_a_warning_and_too_short_an_error(base_spec: Path, edit: Edit) -> None:
    edit(base_spec / "constraints.yaml", '  minimum_tls: "1.2"\n', '  minimum_tls: "1.2"\n  log_retention:\n    production: 90d\n')
    edit(base_spec / "observability.yaml", "    retention:\n      production: 90d\n", "")
    assert codes_of(base_spec) == [("IS903", "observability.yaml", 2, 9, "warning")]
    edit(base_spec / "observability.yaml", "    destination: CloudWatch Logs\n", "    destination: CloudWatch Logs\n    retention:\n      production: 2160h\n")
    assert codes_of(base_spec) == []  # 2160 hours are 90 days


def test_durations_are_compared_as_time_not_text(base_spec: Path, edit: Edit) -> None:
    edit(base_spec / "disaster-recovery.yaml", "    method: continuous\n", "    method: snapshot\n    frequency: PT5M\n")
    assert codes_of(base_spec) == []  # every 5 minutes meets an RPO of 5m
    edit(base_spec / "disaster-recovery.yaml", "    frequency: PT5M\n", "    frequency: 301s\n")
    assert codes_of(base_spec) == [("IS603", "disaster-recovery.yaml", 12, 16, "error")]


def test_ipv6_and_ipv4_blocks_never_overlap(base_spec: Path, edit: Edit) -> None:
    edit(base_spec / "environments.yaml", "    cidr: 10.0.0.0/16\n", "")
    edit(base_spec / "architecture.yaml", "  externals:\n",
         "    - id: v6-vpc\n      name: IPv6\n      environment: production\n      region: eu-west-1\n      cidr: 2001:db8::/56\n"
         "      availability_zones: [eu-west-1a, eu-west-1b]\n      subnets:\n        - id: v6-a\n          tier: private\n"
         "          zone: eu-west-1a\n          cidr: 10.0.0.0/24\n  externals:\n")
    assert codes_of(base_spec) == [("IS703", "architecture.yaml", 43, 17, "error")]  # a v4 subnet is not inside a v6 network


def test_a_rule_that_fails_is_reported_and_the_others_still_run(base_spec: Path, edit: Edit) -> None:
    from mkdocs_infraspec.rules.rule import _REGISTRY, rule

    def broken(spec: object, index: object, context: object) -> list[object]:
        raise KeyError("boom")

    edit(base_spec / "responsibilities.yaml", "    owner: platform\n", "")
    rule("IS999", "always-broken", "clarifications")(broken)
    try:
        found = check(base_spec, base=base_spec).diagnostics
    finally:
        _REGISTRY.pop("IS999")
        from mkdocs_infraspec.rules.rule import _BY_NAME

        _BY_NAME.pop("always-broken")
    assert [d.code for d in found] == ["IS400", "IS413"]
    assert found[0].message == "rule IS999 (always-broken) failed: KeyError: 'boom'"


def test_production_zones_not_stated_is_a_warning_and_too_few_an_error(base_spec: Path, edit: Edit) -> None:
    edit(base_spec / "environments.yaml", "    availability_zones: [eu-west-1a, eu-west-1b]\n", "")
    assert codes_of(base_spec) == [("IS705", "environments.yaml", 2, 9, "warning")]
    edit(base_spec / "environments.yaml", "    region: eu-west-1\n", "    region: eu-west-1\n    availability_zones: [eu-west-1a]\n")
    found = codes_of(base_spec)
    assert ("IS705", "environments.yaml", 6, 25, "error") in found
