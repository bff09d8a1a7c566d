"""The reference docs are generated from the code and must not go stale."""

from __future__ import annotations

from mkdocs_infraspec import codes
from mkdocs_infraspec.models import CONCERNS
from mkdocs_infraspec.models.types import CIDR, ComponentRef, Duration
from mkdocs_infraspec.reference import (
    REFERENCE_DIR,
    codes_reference,
    describe_type,
    format_reference,
    generate,
)


def test_committed_reference_is_current() -> None:
    for name, text in generate().items():
        path = REFERENCE_DIR / name
        assert path.exists(), f"docs/reference/{name} is missing: run python -m mkdocs_infraspec.reference --write"
        assert path.read_text(encoding="utf-8") == text, (
            f"docs/reference/{name} is stale: run python -m mkdocs_infraspec.reference --write"
        )


def test_every_concern_and_field_is_documented() -> None:
    text = format_reference()
    for concern in CONCERNS:
        assert f"## {concern.name}.yaml" in text
        for name, field in concern.model.model_fields.items():
            assert f"| `{field.alias or name}` |" in text
            assert field.description, f"{concern.model.__name__}.{name} has no docstring"


def test_every_code_is_documented() -> None:
    text = codes_reference()
    for code in codes.BUILTIN.values():
        assert f"## {code.code}" in text
        assert code.doc, code.code


def test_type_words() -> None:
    assert describe_type(list[ComponentRef]) == "list of component ids"
    assert describe_type(CIDR) == "CIDR block (`10.0.0.0/16`)"
    assert describe_type(Duration | None).startswith("duration")


def test_every_plugin_option_is_documented() -> None:
    from mkdocs_infraspec.plugin.config import InfraSpecConfig
    from mkdocs_infraspec.reference import _attribute_docs, options_reference

    docs = _attribute_docs(InfraSpecConfig)
    for name, _ in InfraSpecConfig._schema:
        assert docs.get(name), f"option {name!r} has no docstring"
    assert "## `spec_dir`" in (options_reference() or "")
