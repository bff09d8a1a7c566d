"""glossary.forms: acronyms, regular plurals, and the forms and case rules of a term."""

from __future__ import annotations

import pytest

from mkdocs_infraspec.glossary.forms import forms_of, is_acronym, plural
from mkdocs_infraspec.models.vocabulary import Term


@pytest.mark.parametrize(
    ("form", "expected"),
    [("VPC", True), ("AZ", True), ("EC2", True), ("RDS Proxy", False), ("IPv4", False),
     ("S3", False), ("Subnet", False), ("A", False)],
)
def test_is_acronym(form: str, expected: bool) -> None:
    assert is_acronym(form) is expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("VPC", "VPCs"),
        ("Subnet", "Subnets"),
        ("Security Group", "Security Groups"),
        ("Policy", "Policies"),
        ("Gateway", "Gateways"),
        ("Cache", "Caches"),
        ("Mesh", "Meshes"),
        ("Branch", "Branches"),
        ("Bus", "Buses"),
        ("Box", "Boxes"),
        ("Café", "Cafés"),
        ("EC2", "EC2s"),
        ("IPv4", None),
        ("C++", None),
        ("S3", None),
        # the last word decides, after a space or a hyphen; capitals take a plain s
        ("Multi-AZ", "Multi-AZs"),
        ("Customer-Managed Key", "Customer-Managed Keys"),
        ("Point-in-time recovery", "Point-in-time recoveries"),
        ("Plan-B", "Plan-Bs"),
        ("CACHE", "CACHEs"),
        ("Dead-letter queue", "Dead-letter queues"),
    ],
)
def test_plural(form: str, expected: str | None) -> None:
    assert plural(form) == expected


def test_forms_and_their_case_rules() -> None:
    term = Term(term="VPC", expansion="Virtual Private Cloud", aliases=["Virtual  Network"], definition="x")
    forms = [(form.text, form.exact, form.generated) for form in forms_of(term)]
    assert forms == [
        ("VPC", True, False),
        ("Virtual Private Cloud", False, False),
        ("Virtual Network", False, False),
        ("VPCs", True, True),
        ("Virtual Private Clouds", False, True),
    ]


def test_case_sensitive_overrides_every_form() -> None:
    term = Term(term="Module", aliases=["MOD"], case_sensitive=True, definition="x")
    assert {form.text: form.exact for form in forms_of(term)} == {
        "Module": True, "MOD": True, "Modules": True,
    }
    loose = Term(term="VPC", case_sensitive=False, definition="x")
    assert [form.exact for form in forms_of(loose)] == [False, False]


def test_aliases_are_matched_as_written_and_spell_irregular_plurals() -> None:
    term = Term(term="Index", aliases=["Indices", "Indexes"], definition="x")
    assert [form.text for form in forms_of(term)] == ["Index", "Indices", "Indexes"]
    person = Term(term="Person", aliases=["People"], definition="x")
    assert [form.text for form in forms_of(person)] == ["Person", "People", "Persons"]
