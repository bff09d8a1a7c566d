"""Find a spec folder from a path: the folder itself, or a project whose mkdocs.yml names it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DEFAULT_SPEC_DIR = "infra-specs"
MKDOCS_FILES = ("mkdocs.yml", "mkdocs.yaml")


class ProjectError(Exception):
    """The path given does not lead to a spec folder."""


@dataclass(frozen=True)
class Project:
    """Where the spec is, and the mkdocs.yml it came from, if any."""

    spec_dir: Path
    config_file: Path | None = None
    options: dict[str, Any] | None = None


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its tags (``!!python/name:``, ``!ENV``)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def plugin_options(config_file: Path) -> dict[str, Any] | None:
    """The ``infraspec`` plugin's options in an mkdocs.yml (``{}`` if listed bare, None if absent)."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ProjectError(f"{config_file}: cannot read it: {error}") from None
    plugins = (config or {}).get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    for entry in plugins:
        if entry == "infraspec":
            return {}
        if isinstance(entry, dict) and "infraspec" in entry:
            return dict(entry["infraspec"] or {})
    return None


def find_project(path: Path) -> Project:
    """Resolve PATH as the CLI takes it: a spec folder, a project folder, or an mkdocs.yml."""
    config_file: Path | None
    if path.is_file() and path.name in MKDOCS_FILES:
        config_file = path
    elif path.is_dir():
        config_file = next((path / name for name in MKDOCS_FILES if (path / name).is_file()), None)
        if config_file is None:
            nested = path / DEFAULT_SPEC_DIR
            looks_like_spec = any(path.glob("overview.y*ml")) or (path / "overview").is_dir()
            if nested.is_dir() and not looks_like_spec:
                return Project(spec_dir=nested)
            return Project(spec_dir=path)
    elif not path.exists():
        raise ProjectError(f"{path}: no such file or folder")
    else:
        raise ProjectError(f"{path}: give a spec folder, a folder with an mkdocs.yml, or an mkdocs.yml")
    options = plugin_options(config_file)
    spec_dir = (options or {}).get("spec_dir", DEFAULT_SPEC_DIR)
    return Project(spec_dir=config_file.parent / str(spec_dir), config_file=config_file, options=options)
