"""glossary.checks: duplicate terms (IS350), alias collisions (IS351), unused terms (IS353), located exactly."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from mkdocs_infraspec import codes
from mkdocs_infraspec.check import check
from mkdocs_infraspec.diagnostics import Location, Severity
from mkdocs_infraspec.glossary import VOCABULARY_CODES, Use, check_vocabulary, unused_terms
from mkdocs_infraspec.models import Spec
from mkdocs_infraspec.rules import parse_levels

VOCABULARY = """\
terms:
  - term: VPC
    expansion: Virtual Private Cloud
    definition: An isolated network.
  - term: Load Balancer
    aliases: [LB, Balancer]
    definition: Spreads requests.
  - term: LB
    id: log-bucket
    expansion: Log bucket
    definition: Receives access logs.
  - term: vpc
    id: vpc-two
    definition: The same word again.
  - term: Cache
    aliases: [virtual private cloud, cache]
    definition: Keeps answers.
  - term: Bastion
    definition: A jump host.
    suppress:
      - rule: unused-term
        reason: used by the implementers only
"""


def load(base_spec: Path, text: str = VOCABULARY) -> Spec:
    (base_spec / "vocabulary.yaml").write_text(text, encoding="utf-8")
    result = check(base_spec, base=base_spec.parent)
    assert not [d for d in result.errors if d.code != "IS350"], result.errors
    return result.spec


def test_duplicate_terms_and_alias_collisions(base_spec: Path) -> None:
    found = [
        (d.code, d.name, d.severity, d.file, d.line, d.column, d.message, d.related)
        for d in check_vocabulary(load(base_spec))
    ]
    file = "infra-specs/vocabulary.yaml"
    assert [row[:6] for row in found] == [
        ("IS350", "duplicate-term", Severity.ERROR, file, 12, 11),
        ("IS351", "alias-collision", Severity.WARNING, file, 6, 15),
        ("IS351", "alias-collision", Severity.WARNING, file, 16, 15),
    ]
    assert found[0][6] == "term 'vpc' ('vpc-two') is already defined as 'VPC' ('vpc')"
    assert found[0][7][0].line == 2
    assert found[1][6] == "alias 'LB' of term 'load-balancer' is also the term of term 'log-bucket'; it links to 'log-bucket'"
    assert found[2][6] == (
        "alias 'virtual private cloud' of term 'cache' is also the expansion of term 'vpc'; it links to 'vpc'"
    )


def test_a_clean_vocabulary_has_no_findings(base_spec: Path) -> None:
    spec = load(base_spec, "terms:\n  - term: VPC\n    aliases: [vpc, VPCs]\n    definition: x\n  - term: Subnet\n    definition: y\n")
    assert check_vocabulary(spec) == []


def test_suppressed_duplicates_are_marked(base_spec: Path) -> None:
    spec = load(
        base_spec,
        "terms:\n  - term: Pod\n    definition: x\n  - term: POD\n    id: point-of-delivery\n    definition: y\n"
        "    suppress:\n      - rule: IS350\n        reason: both are in use\n",
    )
    [diagnostic] = check_vocabulary(spec)
    assert diagnostic.code == "IS350"
    assert diagnostic.suppressed is not None and diagnostic.suppressed.reason == "both are in use"


def test_unused_terms(base_spec: Path) -> None:
    spec = load(base_spec)
    uses = [Use("vpc", "a.md", None, None), Use("load-balancer", "b.md", "x", "X", 3)]
    found = unused_terms(spec.vocabulary.terms, uses)
    assert [(d.code, d.severity, d.line, d.column, d.suppressed is not None) for d in found] == [
        ("IS353", Severity.INFO, 8, 11, False),
        ("IS353", Severity.INFO, 12, 11, False),
        ("IS353", Severity.INFO, 15, 11, False),
        ("IS353", Severity.INFO, 18, 11, True),
    ]
    assert found[0].message == "term 'LB' ('log-bucket') is defined but used on no page"
    assert found[0].hint == "use it in prose or reference it as [[term:log-bucket]], or remove it"
    raised = unused_terms(spec.vocabulary.terms, uses, severity=Severity.WARNING)
    assert {d.severity for d in raised} == {Severity.WARNING}


def test_codes_are_built_in_and_documented() -> None:
    assert [code.code for code in VOCABULARY_CODES] == ["IS350", "IS351", "IS353"]
    for code in VOCABULARY_CODES:
        assert "FAIL" in code.doc and "PASS" in code.doc, code.code
        assert codes.BUILTIN[code.code] is code and code.category == "vocabulary"
    assert [code.configurable for code in VOCABULARY_CODES] == [False, False, True]


def test_codes_are_known_without_importing_the_glossary() -> None:
    script = (
        "import sys; from mkdocs_infraspec import codes; "
        "assert {'IS350', 'IS351', 'IS353'} <= set(codes.BUILTIN); "
        "assert 'mkdocs_infraspec.glossary' not in sys.modules; print('ok')"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.stdout == "ok\n", done.stderr


def test_check_reports_the_vocabulary_findings(base_spec: Path) -> None:
    (base_spec / "vocabulary.yaml").write_text(VOCABULARY, encoding="utf-8")
    result = check(base_spec, base=base_spec.parent)
    assert [(d.code, d.line, d.column) for d in result.diagnostics if d.code.startswith("IS35")] == [
        ("IS351", 6, 15), ("IS350", 12, 11), ("IS351", 16, 15),
    ]


def test_infraspec_check_reports_duplicates_and_collisions(base_spec: Path) -> None:
    (base_spec / "vocabulary.yaml").write_text(VOCABULARY, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_infraspec.cli", "check", ".", "--color", "never"],
        capture_output=True, text=True, cwd=base_spec, timeout=60, check=False,
    )
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert "vocabulary.yaml:12:11: error[IS350] term 'vpc' ('vpc-two') is already defined as 'VPC' ('vpc')" in lines
    assert "vocabulary.yaml:6:15: warning[IS351] alias 'LB' of term 'load-balancer' is also the term of term 'log-bucket'; it links to 'log-bucket'" in lines
    assert lines[-1] == "Found 1 error and 2 warnings in 12 files."


SUPPRESSED = """\
terms:
  - term: Pod
    definition: x
  - term: POD
    id: point-of-delivery
    definition: y
    suppress:
      - rule: duplicate-term
        reason: {reason}
        until: {until}
      - rule: unused-term
        reason: kept for the implementers
      - rule: IS999
        reason: a typo
"""


def test_the_rule_engine_accepts_vocabulary_suppressions_on_terms(base_spec: Path) -> None:
    (base_spec / "vocabulary.yaml").write_text(SUPPRESSED.format(reason="both in use", until="2030-01-31"), encoding="utf-8")
    result = check(base_spec, base=base_spec.parent, today=dt.date(2030, 1, 31))
    found = [(d.code, d.line, d.column, d.suppressed is not None) for d in result.diagnostics]
    # IS353 and IS350 are accepted; only the code no check has is unknown.
    assert found == [("IS350", 4, 11, True), ("IS401", 13, 15, False)]
    suppressed = result.diagnostics[0].suppressed
    assert suppressed is not None and suppressed.reason == "both in use" and suppressed.until == "2030-01-31"
    assert (suppressed.location.line, suppressed.location.column) == (8, 15)  # type: ignore[union-attr]
    assert "IS999" in result.diagnostics[1].message


def test_expired_or_unexplained_vocabulary_suppressions_silence_nothing(base_spec: Path) -> None:
    (base_spec / "vocabulary.yaml").write_text(SUPPRESSED.format(reason="both in use", until="2030-01-31"), encoding="utf-8")
    expired = check(base_spec, base=base_spec.parent, today=dt.date(2030, 2, 1))
    assert [(d.code, d.line, d.suppressed is not None) for d in expired.diagnostics] == [
        ("IS350", 4, False), ("IS403", 10, False), ("IS401", 13, False),
    ]
    assert expired.diagnostics[1].message == (
        "the suppression of IS350 (duplicate-term) on term 'point-of-delivery' expired on 2030-01-31"
    )
    (base_spec / "vocabulary.yaml").write_text(SUPPRESSED.format(reason="''", until="2030-01-31"), encoding="utf-8")
    unexplained = check(base_spec, base=base_spec.parent, today=dt.date(2030, 1, 1))
    assert [(d.code, d.line, d.suppressed is not None) for d in unexplained.diagnostics] == [
        ("IS350", 4, False), ("IS405", 9, False), ("IS401", 13, False),
    ]


def test_unused_term_level_is_set_like_a_rule() -> None:
    levels, problems = parse_levels({"unused-term": "warning"}, lambda key: Location("mkdocs.yml"))
    assert problems == [] and levels == {"IS353": Severity.WARNING}
    levels, problems = parse_levels({"IS353": "off", "duplicate-term": "off"}, lambda key: Location("mkdocs.yml"))
    assert levels == {"IS353": None}
    assert [(d.code, d.hint) for d in problems] == [
        ("IS401", "IS350 (duplicate-term) cannot be switched off; suppress it on the term, with a reason"),
    ]
