"""The plugin's options: each documented, each validated the way users expect."""

from __future__ import annotations

import ast
import inspect

import pytest
from mkdocs.config.base import ValidationError

from mkdocs_infraspec.plugin import InfraSpecConfig, InfraSpecPlugin
from mkdocs_infraspec.plugin import config as config_module


def option_docstrings() -> dict[str, str]:
    """Each option of InfraSpecConfig with the docstring written under it."""
    tree = ast.parse(inspect.getsource(config_module))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "InfraSpecConfig")
    docs: dict[str, str] = {}
    for node, following in zip(cls.body, cls.body[1:], strict=False):
        if isinstance(node, ast.Assign) and isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
            docs[node.targets[0].id] = str(following.value.value)  # type: ignore[attr-defined]
    return docs


def test_every_option_has_a_docstring() -> None:
    options = set(dict(InfraSpecConfig._schema))
    docs = option_docstrings()
    assert options == set(docs), f"options without a docstring: {options - set(docs)}"
    assert all(len(doc.strip()) > 20 for doc in docs.values())


def test_the_options_users_expect_exist_with_their_defaults() -> None:
    config = InfraSpecConfig()
    config.load_dict({})
    failed, warned = config.validate()
    assert not failed and not warned
    assert config.enabled is True
    assert config.spec_dir == "infra-specs"
    assert config.prefix == "infra-specs/"
    assert config.nav == "auto"
    assert config.nav_title == "Specification"
    assert config.templates is None
    assert config.component_pages is True
    assert config.rules == {}
    assert config.edit_links is True
    assert config.xrefs is True


@pytest.mark.parametrize(("given", "expected"), [("spec", "spec/"), ("/docs/spec/", "docs/spec/"), ("a/b", "a/b/")])
def test_prefix_is_normalised(given: str, expected: str) -> None:
    config = InfraSpecConfig()
    config.load_dict({"prefix": given})
    failed, _ = config.validate()
    assert not failed
    assert config.prefix == expected


@pytest.mark.parametrize("given", ["/", "", "a/../b", "./x"])
def test_bad_prefixes_are_refused(given: str) -> None:
    config = InfraSpecConfig()
    config.load_dict({"prefix": given})
    failed, _ = config.validate()
    assert failed and isinstance(failed[0][1], ValidationError)


def test_nav_is_auto_or_off() -> None:
    config = InfraSpecConfig()
    config.load_dict({"nav": "somewhere"})
    failed, _ = config.validate()
    assert failed and failed[0][0] == "nav"


def test_the_entry_point_names_the_plugin() -> None:
    from importlib.metadata import entry_points

    (entry,) = [e for e in entry_points(group="mkdocs.plugins") if e.name == "infraspec"]
    assert entry.load() is InfraSpecPlugin
