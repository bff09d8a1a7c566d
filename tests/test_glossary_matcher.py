"""glossary.matcher: finding terms in text (boundaries, case, plurals, longest match) and looking them up."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mkdocs_infraspec.glossary.matcher import Glossary
from mkdocs_infraspec.models.vocabulary import Term


def term(name: str, **fields: object) -> Term:
    return Term.model_validate({"term": name, "definition": f"Definition of {name}.", **fields})


GLOSSARY = Glossary(
    [
        term("VPC", expansion="Virtual Private Cloud"),
        term("Security Group"),
        term("Group"),
        term("Subnet"),
        term("Policy", aliases=["Policies of record"]),
        term("Zürich"),
        term("Straße"),
        term("Module", case_sensitive=True),
        term("EC2"),
        term("R&D"),
        term(".NET"),
    ]
)


def found(text: str, glossary: Glossary = GLOSSARY) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.term.id) for m in glossary.find(text)]


def test_longest_match_first_and_no_overlaps() -> None:
    assert found("A Security Group is a group.") == [("Security Group", "security-group"), ("group", "group")]
    assert found("security groups and Groups") == [("security groups", "security-group"), ("Groups", "group")]


def test_acronyms_match_exactly_and_words_in_any_case() -> None:
    assert found("VPC vpc Vpc VPCs vpcs virtual private cloud VIRTUAL PRIVATE CLOUDS") == [
        ("VPC", "vpc"), ("VPCs", "vpc"), ("virtual private cloud", "vpc"),
        ("VIRTUAL PRIVATE CLOUDS", "vpc"),
    ]
    assert found("SUBNET subnet Subnets") == [("SUBNET", "subnet"), ("subnet", "subnet"), ("Subnets", "subnet")]


def test_case_sensitive_override() -> None:
    assert found("module Module modules Modules") == [("Module", "module"), ("Modules", "module")]


def test_plurals_and_aliases() -> None:
    assert found("Policies, policy, the policies of record") == [
        ("Policies", "policy"), ("policy", "policy"), ("policies of record", "policy"),
    ]


def test_whole_words_only() -> None:
    assert found("subnetwork VPCé éVPC VPC\u0301 _VPC VPC_ VPC2 2VPC EC2s EC22") == [("EC2s", "ec2")]


def test_punctuation_and_text_edges_are_boundaries() -> None:
    text = "VPC,(VPC) VPC's “VPC” VPC- and subnet-level, VPC. VPC/ /VPC -VPC VPC"
    assert [t for t, _ in found(text)] == ["VPC"] * 10


IDENTIFIERS = Glossary(
    [term("Ledger"), term("Secret"), term("Multi-AZ"), term("AZ"), term("State"), term("VPC")]
)


@pytest.mark.parametrize(
    "text",
    ["ledger-worker", "rds-ledger", "secrets-manager", "the-secret-store", "ledger.entry.posted",
     "rds.ledger", "secret/prod", "kms/secret", "ledger\u2011worker", "state-of-the-art",
     "VPC-peering", "EC2/VPC", "per-AZ", "Multi-AZ-capable", "v2.Ledger", "ledger-2"],
)
def test_a_term_glued_into_an_identifier_or_compound_is_not_a_use(text: str) -> None:
    assert found(text, IDENTIFIERS) == []


def test_hyphenated_terms_and_prose_around_identifiers() -> None:
    assert found("Multi-AZ and multi-az, two Multi-AZs, an AZ.", IDENTIFIERS) == [
        ("Multi-AZ", "multi-az"), ("multi-az", "multi-az"), ("Multi-AZs", "multi-az"), ("AZ", "az"),
    ]
    # the identifier is left alone, the prose word next to it is a use
    text = "The ledger-worker writes the Ledger; rds-ledger holds it. Secrets live in secrets-manager."
    assert found(text, IDENTIFIERS) == [("Ledger", "ledger"), ("Secrets", "secret")]
    # a hyphen, dot or slash next to white space or punctuation ends a word as before
    assert found("Ledger- and Secret-based; the Ledger. (Ledger/) -Secret", IDENTIFIERS) == [
        ("Ledger", "ledger"), ("Ledger", "ledger"), ("Ledger", "ledger"), ("Secret", "secret"),
    ]


def test_forms_that_start_or_end_with_punctuation() -> None:
    assert found("R&D and .NET, not R&Dx or x.NET") == [("R&D", "r-d"), (".NET", "net"), (".NET", "net")]


def test_unicode_words() -> None:
    assert found("Zürich, ZÜRICH and zürich; not Zürichsee or Großzürich") == [
        ("Zürich", "z-rich"), ("ZÜRICH", "z-rich"), ("zürich", "z-rich"),
    ]


def test_offsets_stay_aligned_after_characters_whose_folding_expands() -> None:
    text = "Die große Straße, STRAẞE and İİİ VPC"
    assert found(text) == [("Straße", "stra-e"), ("STRAẞE", "stra-e"), ("VPC", "vpc")]
    # STRASSE is another spelling, not a case of Straße: an alias would cover it
    assert found("STRASSE") == []


def test_multi_word_terms_across_line_breaks_and_no_break_spaces() -> None:
    assert found("one Security\nGroup, one Security\u00a0Group") == [
        ("Security\nGroup", "security-group"), ("Security\u00a0Group", "security-group"),
    ]


def test_a_term_name_beats_another_terms_alias_then_file_order() -> None:
    glossary = Glossary([term("Load Balancer", aliases=["LB"]), term("LB"), term("ALB", aliases=["LB"])])
    assert found("an LB", glossary) == [("LB", "lb")]
    glossary = Glossary([term("Load Balancer", aliases=["Balancer"]), term("Scale", aliases=["balancer"])])
    assert found("a balancer", glossary) == [("balancer", "load-balancer")]


def test_exact_and_loose_forms_of_one_key() -> None:
    glossary = Glossary([term("POD", id="point-of-delivery"), term("Pod")])
    assert found("POD pod Pod PODs pods", glossary) == [
        ("POD", "point-of-delivery"), ("pod", "pod"), ("Pod", "pod"), ("PODs", "point-of-delivery"),
        ("pods", "pod"),
    ]


def test_empty_glossary_finds_nothing() -> None:
    glossary = Glossary([])
    assert not glossary
    assert glossary.find("VPC") == []
    assert glossary.lookup("VPC") is None


@pytest.mark.parametrize(
    ("written", "ident"),
    [("VPC", "vpc"), ("vpc", "vpc"), ("vpcs", "vpc"), ("Virtual private cloud", "vpc"),
     ("security-group", "security-group"), ("Security  groups", "security-group"),
     ("policies of record", "policy"), (" Zürich ", "z-rich")],
)
def test_lookup_by_id_form_or_plural_in_any_case(written: str, ident: str) -> None:
    found_term = GLOSSARY.lookup(written)
    assert found_term is not None and found_term.id == ident


def test_lookup_of_unknown_names_and_suggestions() -> None:
    assert GLOSSARY.lookup("VPN") is None
    assert GLOSSARY.lookup("") is None
    assert GLOSSARY.suggest("Securty Group") == "Security Group"
    assert GLOSSARY.suggest("subnett") == "Subnet"
    assert GLOSSARY.suggest("qqqqqq") is None


def test_duplicate_ids_keep_the_first_definition() -> None:
    glossary = Glossary([term("VPC", definition="first"), term("VPC", definition="second")])
    assert len(glossary) == 1
    assert glossary.by_id["vpc"].definition == "first"


def test_title_is_expansion_and_plain_definition() -> None:
    assert GLOSSARY.title(GLOSSARY.by_id["vpc"]) == "Virtual Private Cloud: Definition of VPC."


# --- the matcher against a brute-force oracle ---------------------------------------------------

ORACLE_TERMS = [
    term("VPC", expansion="Virtual Private Cloud"),
    term("Security Group", aliases=["SG"]),
    term("Group"),
    term("PCI DSS"),
    term("Multi-AZ"),
    term("AZ", id="az", aliases=["A-Z"]),
    term("R&D"),
    term(".NET"),
    term("C++"),
    term("Pod"),
    term("POD", id="point-of-delivery"),
    term("Straße"),
    term("Café"),
    term("Module", case_sensitive=True),
    term("Ledger"),
]
ORACLE = Glossary(ORACLE_TERMS)


def oracle(text: str) -> list[tuple[int, int, str]]:
    """What find() must return, the slow and obvious way: every form at every position."""
    from mkdocs_infraspec.glossary.forms import forms_of
    from mkdocs_infraspec.glossary.text import fold, is_word_char

    plain = "".join(" " if c.isspace() else c for c in text)
    folded = fold(text)
    ranked = []
    for order, t in enumerate(ORACLE.terms):
        for form in forms_of(t):
            rank = 2 if form.generated else (0 if form.text == t.term else 1)
            ranked.append((rank, order, form))
    ranked.sort(key=lambda entry: (entry[0], entry[1]))
    spans: dict[tuple[int, int], str] = {}
    for start in range(len(text)):
        for _, _, form in ranked:
            end = start + len(form.text)
            if end > len(text):
                continue
            if form.exact:
                if plain[start:end] != form.text:
                    continue
            elif folded[start:end] != fold(form.text):
                continue
            if is_word_char(form.text[0]) and start > 0 and is_word_char(text[start - 1]):
                continue
            if is_word_char(form.text[-1]) and end < len(text) and is_word_char(text[end]):
                continue
            # glued into an identifier: a joiner with a word character beyond it
            if is_word_char(form.text[0]) and start > 1 and text[start - 1] in "-./" and is_word_char(text[start - 2]):
                continue
            if is_word_char(form.text[-1]) and end + 1 < len(text) and text[end] in "-./" and is_word_char(text[end + 1]):
                continue
            spans.setdefault((start, end), form.term.id)
    chosen = []
    reached = 0
    for (start, end), ident in sorted(spans.items(), key=lambda item: (item[0][0], -item[0][1])):
        if start >= reached:
            chosen.append((start, end, ident))
            reached = end
    return chosen


PIECES = [
    "VPC", "vpc", "VPCs", "Virtual", "private", "Cloud", "clouds", "Security", "group", "Groups", "SG",
    "PCI", "DSS", "Multi", "AZ", "A", "Z", "R", "D", "&", ".", "NET", "net", "C", "+", "Pod", "POD",
    "pods", "PODs", "Straße", "STRAẞE", "ss", "Café", "cafe", "e\u0301", "Module", "module", "-", "'",
    "’", "“", "”", "(", ")", "_", "é", "x", "1", " ", " ", "\n", "/", "Ledger", "ledger", "\u00a0", "\u0301", "İ", "ß", "\x00",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
@example(["PCI", "\n", "DSS", " ", "PCI", "\u00a0", "DSS"])
@example(["Multi", "-", "AZ", " ", "A", "-", "Z", " ", "AZ"])
@example(["ledger", "-", "x", " ", "rds", "-", "Ledger", " ", "Ledger", ".", "x", " ", "Ledger", "/", " ", "AZ", "-", "1"])
@example(["R", "&", "D", " ", "R", "-", "D", "(", ".", "NET", ")", "x", ".", "NET", " ", "C", "+", "+"])
@example(["“", "VPC", "”", " ", "e\u0301", "VPC", " ", "VPC", "\u0301", " ", "VPC", "’", "s"])
@example(["Security", "\n", "group", " ", "Security", "\u00a0", "Groups", " ", "SG"])
@example(["Pod", " ", "POD", " ", "pods", " ", "PODs", " ", "Module", " ", "module"])
def test_find_agrees_with_the_oracle(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [(m.start, m.end, m.term.id) for m in ORACLE.find(text)] == oracle(text)
