"""Where the generated pages go in the site's navigation (mkdocs.yml ``nav`` data, plain lists and dicts)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..render import PagePlan

COMPONENTS_TITLE = "Components"


def section(pages: Sequence[PagePlan]) -> list[Any]:
    """The generated section's children: summary and concerns in reading order, then the components.

    The components come last, grouped: a large system has dozens, which would otherwise push
    half the concerns out of sight.
    """
    children: list[Any] = [
        {page.title: page.src} for page in pages if not page.name.startswith("component:") and page.name != "components"
    ]
    components: list[Any] = [page.src for page in pages if page.name == "components"]
    components += [{page.title: page.src} for page in pages if page.name.startswith("component:")]
    if components:
        children.append({COMPONENTS_TITLE: components})
    return children


def _names_prefix(value: Any, prefix: str) -> bool:
    if not isinstance(value, str):
        return False
    base = prefix.strip("/")
    return value.strip("/") == base or value in (f"{base}/index.md", f"{base}/README.md")


def mentions(nav: Any, paths: Iterable[str]) -> bool:
    """Whether the user's nav already lists any of the generated pages by path."""
    wanted = set(paths)

    def visit(node: Any) -> bool:
        if isinstance(node, str):
            return node in wanted
        if isinstance(node, dict):
            return any(visit(v) for v in node.values())
        if isinstance(node, list):
            return any(visit(v) for v in node)
        return False

    return visit(nav)


def place(nav: list[Any] | None, prefix: str, children: list[Any], title: str) -> tuple[list[Any] | None, bool]:
    """Put the section where the user's nav names the prefix; report whether it was placed.

    ``- infra-specs/`` becomes ``- <title>: [...]``; ``- Spec: infra-specs/`` keeps its title.
    """
    if nav is None:
        return None, False
    placed = False

    def visit(node: Any) -> Any:
        nonlocal placed
        if isinstance(node, list):
            return [visit(item) for item in node]
        if _names_prefix(node, prefix):
            placed = True
            return {title: children}
        if isinstance(node, dict) and len(node) == 1:
            (key, value), = node.items()
            if _names_prefix(value, prefix):
                placed = True
                return {key: children}
            return {key: visit(value)}
        return node

    return visit(nav), placed


def remove(nav: list[Any] | None, prefix: str) -> list[Any] | None:
    """The user's nav without the entry naming the prefix (when the plugin is disabled)."""
    if nav is None:
        return None

    def visit(items: list[Any]) -> list[Any]:
        kept = []
        for node in items:
            if _names_prefix(node, prefix):
                continue
            if isinstance(node, dict) and len(node) == 1:
                (key, value), = node.items()
                if _names_prefix(value, prefix):
                    continue
                if isinstance(value, list):
                    node = {key: visit(value)}
            kept.append(node)
        return kept

    return visit(nav)
