"""What the generated pages need from the site's Markdown setup, and what they can use."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

#: Extensions the generated Markdown relies on, with the options they get when added.
REQUIRED_EXTENSIONS: dict[str, dict[str, Any]] = {
    "admonition": {},
    "attr_list": {},
    "md_in_html": {},
    "tables": {},
    "pymdownx.details": {},
    "pymdownx.tabbed": {"alternate_style": True},
}


def ensure_extensions(config: MkDocsConfig) -> list[str]:
    """Add the required extensions mkdocs.yml lacks; the names added."""
    added = []
    enabled = set(config.markdown_extensions)
    for name, options in REQUIRED_EXTENSIONS.items():
        if name in enabled or f"markdown.extensions.{name}" in enabled:
            continue
        config.markdown_extensions.append(name)
        if options:
            config.mdx_configs[name] = dict(options)
        added.append(name)
    return added


def mermaid_needs_escaping(config: MkDocsConfig) -> bool:
    """Whether the site's ``mermaid`` fence writes its source into HTML unescaped (mermaid2's fences do).

    Superfences' own formatters escape the source; escaping it again would show entities.
    """
    superfences = config.mdx_configs.get("pymdownx.superfences") or {}
    for fence in superfences.get("custom_fences") or []:
        if isinstance(fence, dict) and fence.get("name") == "mermaid":
            formatter = fence.get("format")
            module = getattr(formatter, "__module__", "") or ""
            name = getattr(formatter, "__name__", "") or ""
            return module.startswith("mermaid2") or name.startswith("fence_mermaid")
    return False


def has_material_icons(config: MkDocsConfig) -> bool:
    """Whether ``:material-...:`` shortcodes render (pymdownx.emoji with Material's icon index)."""
    if "pymdownx.emoji" not in config.markdown_extensions:
        return False
    options = config.mdx_configs.get("pymdownx.emoji") or {}
    index = options.get("emoji_index")
    return "material" in (getattr(index, "__module__", "") or "")
