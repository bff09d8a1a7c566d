"""Reading YAML with positions: what PyYAML accepts silently is refused here, with a location."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_infraspec.source import MAX_ALIAS_EXPANSION, WITH_LIBYAML, load_bytes, load_text


def codes_of(text: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in load_text("f.yaml", text).diagnostics]


def test_values_and_positions() -> None:
    doc = load_text("f.yaml", "a: 1\nb:\n  - x\n  - {c: yes}\nd: 2024-01-02\n")
    assert doc.data == {"a": 1, "b": ["x", {"c": True}], "d": dt.date(2024, 1, 2)}
    assert doc.source is not None
    assert doc.source.locate("b", 1, "c") .line == 4
    assert doc.source.locate("b", 1, "c").column == 9
    assert doc.source.locate("b", 1, "c", key=True).column == 6
    # The raw text of implicitly typed scalars is kept for "quote it" hints.
    assert doc.source.find(("b", 1, "c"))[0].raw == "yes"
    assert doc.source.find(("d",))[0].raw == "2024-01-02"
    assert doc.source.find(("b", 0))[0].raw is None


def test_nearest_parent_for_unknown_path() -> None:
    doc = load_text("f.yaml", "a:\n  b: 1\n")
    assert doc.source is not None
    node, matched = doc.source.find(("a", "missing", 3))
    assert matched == 1 and (node.location.line, node.location.column) == (2, 3)


def test_keys_are_text_as_written() -> None:
    doc = load_text("f.yaml", "on: 1\n1.10: x\nno: y\n")
    assert doc.data == {"on": 1, "1.10": "x", "no": "y"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: 2\na: 3\n", [("IS102", 3, 1)]),
        ("a: 1\n---\nb: 2\n", [("IS106", 3, 1)]),
        ("", [("IS105", 1, 1)]),
        ("# only a comment\n", [("IS105", 1, 1)]),
        ("---\n", [("IS105", 1, 1)]),
        ("a: &x [*x]\n", [("IS108", 1, 4)]),
        ("a: !!python/object:os.system x\n", [("IS114", 1, 4)]),
        ("a: !include other.yaml\n", [("IS114", 1, 4)]),
        ("a:\n\tb: 1\n", [("IS107", 2, 1)]),
        ("a: b: c\n", [("IS101", 1, 5)]),
        ("a: [1, 2\n", [("IS101", 2, 1)]),
        ("a: 'open\n", [("IS101", 2, 1)]),
        ("a: *nothing\n", [("IS101", 1, 4)]),
        ("? [a, b]\n: c\n", [("IS101", 1, 3)]),
        ("a: 2024-13-45\n", [("IS204", 1, 4)]),
    ],
)
def test_refused_input(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert codes_of(text) == expected


def test_duplicate_key_names_both_lines() -> None:
    (diagnostic,) = load_text("f.yaml", "x:\n  name: a\n  name: b\n").diagnostics
    assert "first defined at line 2" in diagnostic.message
    assert diagnostic.related[0].line == 2


def test_alias_bomb_is_bounded() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    doc = load_text("bomb.yaml", "\n".join(lines) + "\n")
    assert doc.data is None
    assert doc.diagnostics[0].code == "IS108"
    assert f"{MAX_ALIAS_EXPANSION:,}" in doc.diagnostics[0].message


def test_small_aliases_and_merge_keys_work() -> None:
    doc = load_text("f.yaml", "base: &b {tier: private, zone: a}\nsub:\n  <<: *b\n  zone: b\nlist: [*b, *b]\n")
    assert doc.diagnostics == []
    assert doc.data["sub"] == {"zone": "b", "tier": "private"}
    assert doc.data["list"] == [{"tier": "private", "zone": "a"}] * 2


def test_invalid_utf8_is_located() -> None:
    (diagnostic,) = load_bytes("f.yaml", b"a: 1\nb: caf\xe9 au lait\n").diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("IS104", 2, 7)


def test_utf16_and_bom() -> None:
    assert load_bytes("f.yaml", "a: 1\n".encode("utf-16")).diagnostics[0].code == "IS104"
    assert load_bytes("f.yaml", b"\xef\xbb\xbfa: 1\n").data == {"a": 1}


def test_unicode_content() -> None:
    assert load_text("f.yaml", "name: Zürich – 東京 ☁️\n").data == {"name": "Zürich – 東京 ☁️"}


def test_c_loader_is_used_when_available() -> None:
    import yaml

    assert WITH_LIBYAML == bool(getattr(yaml, "__with_libyaml__", False))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_no_bytes_raise(raw: bytes) -> None:
    doc = load_bytes("f.yaml", raw)
    assert doc.data is not None or doc.diagnostics


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!|>'\"#\n\t?,%@`")), max_size=80))
def test_no_yamlish_text_raises(text: str) -> None:
    doc = load_text("f.yaml", text)
    for diagnostic in doc.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1
