"""Shared fixtures: the fixture spec trees, the example project, a scratch copy of either."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

# Material prints an end-of-life banner on every build; it is noise in test output.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASE_SPEC = FIXTURES / "base"
EXAMPLE_PROJECT = ROOT / "example-project"
EXAMPLE_SPEC = EXAMPLE_PROJECT / "infra-specs"


@pytest.fixture
def base_spec(tmp_path: Path) -> Path:
    """A writable copy of the small, clean base spec (tests/fixtures/base)."""
    target = tmp_path / "infra-specs"
    shutil.copytree(BASE_SPEC, target)
    return target


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A writable copy of the whole example project (mkdocs.yml, docs/, infra-specs/)."""
    target = tmp_path / "example-project"
    shutil.copytree(EXAMPLE_PROJECT, target, ignore=shutil.ignore_patterns("site", "__pycache__"))
    return target


@pytest.fixture
def edit() -> Callable[[Path, str, str], None]:
    """Replace exactly one occurrence of ``old`` with ``new`` in a file (fails loudly otherwise)."""

    def replace(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert text.count(old) >= 1, f"{old!r} not found in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return replace
