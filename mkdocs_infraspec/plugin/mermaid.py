"""Checks at startup that the site can draw the generated Mermaid diagrams, and says what to add to mkdocs.yml.

Who draws a diagram depends on the fence that writes it and on the theme (seen with
mkdocs-material 9, mkdocs-mermaid2-plugin 1.2.3 and mermaid 11):

- A ``<pre class="mermaid">`` block (superfences' ``fence_code_format``, mermaid2's
  ``fence_mermaid_custom``) is drawn by Material's own loader, which uses a global
  ``mermaid`` if a script defined one (mermaid2's, or ``extra_javascript``) and otherwise
  fetches mermaid.js from unpkg.com. No other theme draws it.
- A ``<div class="mermaid">`` block (``fence_div_format``, mermaid2's ``fence_mermaid``, or
  a plain ```` ```mermaid ```` code block that mermaid2 rewrites when superfences is off) is
  drawn by mermaid.js itself once a script loads it: mermaid2 adds one on pages with such
  blocks, or ``extra_javascript`` lists it.
- mermaid2 only recognises its own fences (and plain code blocks): with ``fence_code_format``
  it adds nothing. Without ``javascript:`` it imports mermaid 10.4.0 from unpkg.com and
  requests that URL while building; a local ``javascript:`` that does not exist makes it
  raise a bare ``FileNotFoundError`` on the first page with a diagram.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..diagnostics import display_path
from .log import log

SUPERFENCES = "pymdownx.superfences"
#: Fences whose block is ``<pre class="mermaid">`` (Material's loader draws them).
PRE_FENCES = {"fence_code_format": f"{SUPERFENCES}.fence_code_format", "fence_mermaid_custom": "mermaid2.fence_mermaid_custom"}
#: Fences whose block is ``<div class="mermaid">`` (mermaid.js draws them when loaded).
DIV_FENCES = {"fence_div_format": f"{SUPERFENCES}.fence_div_format", "fence_mermaid": "mermaid2.fence_mermaid"}
#: Where the messages suggest putting mermaid.js, relative to docs_dir.
LOCAL_SCRIPT = "js/mermaid.min.js"
UMD_BUILD = "node_modules/mermaid/dist/mermaid.min.js"


@dataclass(frozen=True)
class Setup:
    """What mkdocs.yml says about drawing Mermaid, in the terms the advice needs."""

    material: bool
    superfences: bool
    fence: str | None  # the formatter's name (``fence_code_format``...); None: no ``mermaid`` custom fence
    fence_class: str | None
    mermaid2: bool
    javascript: str | None  # mermaid2's ``javascript:`` option
    libraries: tuple[str, ...]  # extra_javascript entries whose file name says mermaid
    docs_dir: Path
    docs_shown: str  # docs_dir as the user knows it (``docs``)
    config_shown: str  # mkdocs.yml as the user knows it

    @classmethod
    def of(cls, config: MkDocsConfig, project_dir: Path) -> Setup:
        fence, fence_class = None, None
        options = config.mdx_configs.get(SUPERFENCES) or {}
        for entry in options.get("custom_fences") or []:
            if isinstance(entry, dict) and entry.get("name") == "mermaid":
                fence = str(getattr(entry.get("format"), "__name__", "") or entry.get("format") or "")
                fence_class = str(entry.get("class") or "")
        plugin = config.plugins.get("mermaid2")
        javascript = None
        if plugin is not None:
            javascript = (getattr(plugin, "config", None) or {}).get("javascript") or None
        libraries = tuple(
            str(script) for script in config.extra_javascript
            if "mermaid" in PurePosixPath(str(script)).name.split(".")[0].lower()
        )
        docs_dir = Path(config.docs_dir)
        return cls(
            material=(config.theme.name or "") == "material",
            superfences=SUPERFENCES in config.markdown_extensions,
            fence=fence,
            fence_class=fence_class,
            mermaid2=plugin is not None,
            javascript=str(javascript) if javascript else None,
            libraries=libraries,
            docs_dir=docs_dir,
            docs_shown=display_path(docs_dir, project_dir),
            config_shown=display_path(Path(config.config_file_path or "mkdocs.yml"), project_dir),
        )

    def local(self, script: str) -> Path | None:
        """The file a script path names in docs_dir (None for a URL)."""
        if script.startswith(("http://", "https://", "//")):
            return None
        return self.docs_dir / script

    def shown(self, path: Path) -> str:
        return f"{self.docs_shown}/{path.relative_to(self.docs_dir).as_posix()}" if path.is_relative_to(self.docs_dir) else str(path)

    def vendor(self, script: str = LOCAL_SCRIPT) -> str:
        """The commands that put mermaid's UMD build at ``script`` in docs_dir."""
        target = f"{self.docs_shown}/{script}"
        folder = target.rpartition("/")[0]
        return f"npm install mermaid@11 && mkdir -p {folder} && cp {UMD_BUILD} {target}"


@dataclass(frozen=True)
class Advice:
    """One thing to tell the user: a logging level and the message."""

    level: int
    message: str


class MissingLibrary(Exception):
    """mermaid2's ``javascript:`` names a file that does not exist (the build would crash)."""


def _fence_yaml(formatter: str) -> str:
    return (
        "  markdown_extensions:\n"
        "    - pymdownx.superfences:\n"
        "        custom_fences:\n"
        "          - name: mermaid\n"
        "            class: mermaid\n"
        f"            format: !!python/name:{formatter}"
    )


def _mermaid2_yaml(script: str = LOCAL_SCRIPT) -> str:
    return f"  plugins:\n    - mermaid2:\n        javascript: {script}"


def _extra_yaml(script: str = LOCAL_SCRIPT) -> str:
    return f"  extra_javascript:\n    - {script}"


def advise(setup: Setup) -> list[Advice]:
    """What to tell the user about this setup (nothing when the diagrams will draw offline).

    Raises :class:`MissingLibrary` when mermaid2's local ``javascript:`` file is missing.
    """
    cfg = setup.config_shown
    theme = "Material" if setup.material else "this theme"
    if setup.fence is None or (setup.fence_class is not None and "mermaid" not in setup.fence_class.split()):
        if setup.fence is None and not setup.superfences and setup.mermaid2:
            return _library_via_mermaid2(setup)  # mermaid2 turns plain ```mermaid code blocks into diagrams
        if setup.fence is not None:
            what = f"the `mermaid` fence has `class: {setup.fence_class}`, not `class: mermaid`"
        else:
            what = "there is no `mermaid` fence in pymdownx.superfences' custom_fences"
        if setup.mermaid2:
            formatter = PRE_FENCES["fence_mermaid_custom"] if setup.material else DIV_FENCES["fence_mermaid"]
        else:
            formatter = PRE_FENCES["fence_code_format"] if setup.material else DIV_FENCES["fence_div_format"]
        extra = "" if setup.material or setup.mermaid2 or setup.libraries else f"\n{_extra_yaml()}\nwith mermaid.js there: {setup.vendor()}"
        return [Advice(logging.WARNING, (
            f"{cfg}: {what}, so the generated diagrams will show as Mermaid code, not as drawings. Add:\n"
            f"{_fence_yaml(formatter)}{extra}"
        ))]
    fence = setup.fence
    if fence in PRE_FENCES and not setup.material:
        formatter = DIV_FENCES["fence_mermaid"] if setup.mermaid2 else DIV_FENCES["fence_div_format"]
        extra = "" if setup.mermaid2 or setup.libraries else f"\n{_extra_yaml()}\nwith mermaid.js there: {setup.vendor()}"
        return [Advice(logging.WARNING, (
            f"{cfg}: the `mermaid` fence uses {PRE_FENCES[fence]}, whose blocks only Material's loader draws; "
            f"with this theme the diagrams will not draw. Use:\n{_fence_yaml(formatter)}{extra}"
        ))]
    if fence == "fence_mermaid_custom" and not setup.mermaid2:
        return [Advice(logging.WARNING, (
            f"{cfg}: the `mermaid` fence uses mermaid2.fence_mermaid_custom, but mermaid2 is not in plugins "
            "(that fence is made for it, and does not escape what it writes). Add:\n"
            f"{_mermaid2_yaml()}\nwith mermaid.js there: {setup.vendor()}\n"
            f"or, to draw with Material's loader alone, use format: !!python/name:{PRE_FENCES['fence_code_format']}"
        ))]
    if fence == "fence_code_format" and setup.mermaid2:
        return [Advice(logging.WARNING, (
            f"{cfg}: mermaid2 is in plugins, but the `mermaid` fence uses {PRE_FENCES[fence]}, which mermaid2 "
            "does not recognise: it adds no script, and Material fetches mermaid.js from unpkg.com instead. "
            f"Use mermaid2's fence (or remove mermaid2 from plugins):\n{_fence_yaml(PRE_FENCES['fence_mermaid_custom'])}"
        ))]
    if setup.mermaid2:
        return _library_via_mermaid2(setup)
    if fence in PRE_FENCES or fence in DIV_FENCES:
        return _library_via_extra(setup, draws_without=setup.material and fence in PRE_FENCES, theme=theme)
    return []  # a formatter of the user's own: they know how it draws


def _library_via_mermaid2(setup: Setup) -> list[Advice]:
    cfg = setup.config_shown
    if setup.libraries:
        return _missing_extra(setup)  # mermaid2 uses a mermaid library from extra_javascript as is
    script = setup.javascript
    if script is None:
        return [Advice(logging.WARNING, (
            f"{cfg}: mermaid2 has no `javascript:` option, so it imports mermaid 10.4.0 from unpkg.com, and requests "
            "that URL while building (with no internet, `mkdocs build --strict` fails on its warning). "
            f"Serve mermaid.js with the site:\n{_mermaid2_yaml()}\nwith mermaid.js there: {setup.vendor()}"
        ))]
    path = setup.local(script)
    esm = script.split("?")[0].endswith(".mjs")
    if path is not None and not path.is_file():
        fix = (
            f"Put mermaid.js there: {setup.vendor(script)}" if not esm
            else f"Use the UMD build, mermaid.min.js:\n{_mermaid2_yaml()}\nwith mermaid.js there: {setup.vendor()}"
        )
        raise MissingLibrary(
            f"{cfg}: mermaid2's `javascript: {script}` names {setup.shown(path)}, which does not exist "
            f"(mermaid2 would stop the build with a FileNotFoundError). {fix}"
        )
    if esm:
        loader = " so Material fetches another copy from unpkg.com, and" if setup.material else ""
        return [Advice(logging.WARNING, (
            f"{cfg}: mermaid2's `javascript: {script}` is mermaid's ES module build: it defines no global `mermaid`,"
            f"{loader} it loads further files from beside it. Use the UMD build, mermaid.min.js:\n"
            f"{_mermaid2_yaml()}\nwith mermaid.js there: {setup.vendor()}"
        ))]
    if path is None:
        return [Advice(logging.INFO, (
            f"{cfg}: the diagrams load mermaid.js from {script} when a page is read (and mermaid2 requests it "
            f"while building), so they need internet. To serve it with the site:\n{_mermaid2_yaml()}\n"
            f"with mermaid.js there: {setup.vendor()}"
        ))]
    return []


def _library_via_extra(setup: Setup, *, draws_without: bool, theme: str) -> list[Advice]:
    cfg = setup.config_shown
    if not setup.libraries:
        if draws_without:
            return [Advice(logging.INFO, (
                f"{cfg}: the diagrams are drawn by Material's loader, which fetches mermaid.js from unpkg.com when "
                "a page is read: the published site needs internet to show them. To serve mermaid.js with the "
                f"site:\n{_extra_yaml()}\nwith mermaid.js there: {setup.vendor()}"
            ))]
        return [Advice(logging.WARNING, (
            f"{cfg}: nothing loads mermaid.js ({theme} does not), so the generated diagrams will not draw. Add:\n"
            f"{_extra_yaml()}\nwith mermaid.js there: {setup.vendor()}"
        ))]
    return _missing_extra(setup)


def _missing_extra(setup: Setup) -> list[Advice]:
    advice = []
    for script in setup.libraries:
        path = setup.local(script)
        if path is not None and not path.is_file():
            fallback = "Material falls back to unpkg.com" if setup.material else "the diagrams will not draw"
            advice.append(Advice(logging.WARNING, (
                f"{setup.config_shown}: extra_javascript lists {script}, but {setup.shown(path)} does not exist "
                f"({fallback}). Put mermaid.js there: {setup.vendor(script)}"
            )))
    return advice


def check(config: MkDocsConfig, project_dir: Path) -> None:
    """Log what the site's Mermaid setup lacks; a PluginError when mermaid2's script file is missing."""
    try:
        advice = advise(Setup.of(config, project_dir))
    except MissingLibrary as error:
        raise PluginError(str(error)) from None
    for item in advice:
        log.log(item.level, item.message)


__all__ = ["Advice", "MissingLibrary", "Setup", "advise", "check"]
