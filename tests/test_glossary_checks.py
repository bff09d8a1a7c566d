"""glossary.checks: duplicate terms (IS350), alias collisions (IS351), unused terms (IS353), located exactly."""

from __future__ import annotations

from pathlib import Path

from mkdocs_infraspec import codes
from mkdocs_infraspec.check import check
from mkdocs_infraspec.diagnostics import Severity
from mkdocs_infraspec.glossary import (
    VOCABULARY_CODES,
    Use,
    check_vocabulary,
    register_codes,
    unused_terms,
)
from mkdocs_infraspec.models import Spec

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
    # The rule engine does not know the IS35x codes yet, so it calls their suppressions
    # unknown (IS401); the vocabulary checks honour them all the same.
    assert not [d for d in result.errors if d.code != "IS401"], result.errors
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


def test_codes_are_documented_and_registered_on_request() -> None:
    assert [code.code for code in VOCABULARY_CODES] == ["IS350", "IS351", "IS353"]
    for code in VOCABULARY_CODES:
        assert "FAIL" in code.doc and "PASS" in code.doc, code.code
    assert VOCABULARY_CODES[2].configurable
    registry = dict(codes.BUILTIN)
    register_codes(registry)
    register_codes(registry)
    assert [key for key in registry if key.startswith("IS35")] == ["IS350", "IS351", "IS353"]
