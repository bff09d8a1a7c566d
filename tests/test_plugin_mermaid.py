"""The Mermaid setup check: a tiny real project per case, built by MkDocs, and the exact advice it logs.

Each project is the base spec with a mkdocs.yml that sets up Mermaid one way; mermaid.js is a
stand-in file here (whether it exists is what counts). The builds run in this process (a
subprocess per case doubles the time); one case runs ``mkdocs build`` as a user would, to
show the terminal output. The browser tests show that the setups this check accepts really
draw (tests/test_diagrams_site.py).
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from tests.support.build import build

from .conftest import BASE_SPEC

pytestmark = pytest.mark.slow

MATERIAL = "theme:\n  name: material\n  font: false\n"
MKDOCS = "theme:\n  name: mkdocs\n  highlightjs: false\n"
WITH_MERMAID2 = "plugins:\n  - infraspec\n  - mermaid2:\n      javascript: js/mermaid.min.js\n"
INFRASPEC = "plugins:\n  - infraspec\n"
LOCAL_JS = "extra_javascript:\n  - js/mermaid.min.js\n"


def fence(formatter: str) -> str:
    return (
        "markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n"
        f"        - name: mermaid\n          class: mermaid\n          format: !!python/name:{formatter}\n"
    )


VENDOR = "npm install mermaid@11 && mkdir -p docs/js && cp node_modules/mermaid/dist/mermaid.min.js docs/js/mermaid.min.js"
MERMAID2_YAML = "  plugins:\n    - mermaid2:\n        javascript: js/mermaid.min.js"
EXTRA_YAML = "  extra_javascript:\n    - js/mermaid.min.js"


def fence_yaml(formatter: str) -> str:
    return (
        "  markdown_extensions:\n    - pymdownx.superfences:\n        custom_fences:\n"
        f"          - name: mermaid\n            class: mermaid\n            format: !!python/name:{formatter}"
    )


@dataclass
class Case:
    config: str
    level: str | None  # WARNING, INFO, ERROR, or None: nothing to say
    message: str = ""
    script: bool = True  # docs/js/mermaid.min.js exists
    other: str | None = None  # another file in docs/js/


CASES = {
    # a. no mermaid fence: the diagrams would show as code
    "no-fence-material": Case(MATERIAL + INFRASPEC, "WARNING",
        "mkdocs.yml: there is no `mermaid` fence in pymdownx.superfences' custom_fences, so the generated diagrams "
        "will show as Mermaid code, not as drawings. Add:\n" + fence_yaml("pymdownx.superfences.fence_code_format")),
    "no-fence-mermaid2": Case(MATERIAL + WITH_MERMAID2 + "markdown_extensions:\n  - pymdownx.superfences\n", "WARNING",
        "mkdocs.yml: there is no `mermaid` fence in pymdownx.superfences' custom_fences, so the generated diagrams "
        "will show as Mermaid code, not as drawings. Add:\n" + fence_yaml("mermaid2.fence_mermaid_custom")),
    "no-fence-mkdocs-theme": Case(MKDOCS + INFRASPEC, "WARNING",
        "mkdocs.yml: there is no `mermaid` fence in pymdownx.superfences' custom_fences, so the generated diagrams "
        "will show as Mermaid code, not as drawings. Add:\n" + fence_yaml("pymdownx.superfences.fence_div_format")
        + "\n" + EXTRA_YAML + "\nwith mermaid.js there: " + VENDOR),
    # b. mermaid2 with Material's native fence: mermaid2 adds nothing
    "mermaid2-native-fence": Case(MATERIAL + WITH_MERMAID2 + fence("pymdownx.superfences.fence_code_format"), "WARNING",
        "mkdocs.yml: mermaid2 is in plugins, but the `mermaid` fence uses pymdownx.superfences.fence_code_format, "
        "which mermaid2 does not recognise: it adds no script, and Material fetches mermaid.js from unpkg.com instead. "
        "Use mermaid2's fence (or remove mermaid2 from plugins):\n" + fence_yaml("mermaid2.fence_mermaid_custom")),
    # c. mermaid2's fence without mermaid2
    "mermaid2-fence-alone": Case(MATERIAL + INFRASPEC + fence("mermaid2.fence_mermaid_custom"), "WARNING",
        "mkdocs.yml: the `mermaid` fence uses mermaid2.fence_mermaid_custom, but mermaid2 is not in plugins "
        "(that fence is made for it, and does not escape what it writes). Add:\n" + MERMAID2_YAML
        + "\nwith mermaid.js there: " + VENDOR
        + "\nor, to draw with Material's loader alone, use format: !!python/name:pymdownx.superfences.fence_code_format"),
    # d. mermaid2 without javascript: mermaid 10.4 from unpkg, requested while building
    "mermaid2-default-script": Case(MATERIAL + "plugins:\n  - infraspec\n  - mermaid2\n" + fence("mermaid2.fence_mermaid_custom"), "WARNING",
        "mkdocs.yml: mermaid2 has no `javascript:` option, so it imports mermaid 10.4.0 from unpkg.com, and requests "
        "that URL while building (with no internet, `mkdocs build --strict` fails on its warning). Serve mermaid.js "
        "with the site:\n" + MERMAID2_YAML + "\nwith mermaid.js there: " + VENDOR),
    # e. the ES module build
    "mermaid2-esm-script": Case(MATERIAL + "plugins:\n  - infraspec\n  - mermaid2:\n      javascript: js/mermaid.esm.min.mjs\n"
        + fence("mermaid2.fence_mermaid_custom"), "WARNING",
        "mkdocs.yml: mermaid2's `javascript: js/mermaid.esm.min.mjs` is mermaid's ES module build: it defines no "
        "global `mermaid`, so Material fetches another copy from unpkg.com, and it loads further files from beside it. "
        "Use the UMD build, mermaid.min.js:\n" + MERMAID2_YAML + "\nwith mermaid.js there: " + VENDOR,
        other="mermaid.esm.min.mjs"),
    # f. mermaid2's local script missing: a clear error instead of mermaid2's FileNotFoundError
    "mermaid2-script-missing": Case(MATERIAL + WITH_MERMAID2 + fence("mermaid2.fence_mermaid_custom"), "ERROR",
        "mkdocs.yml: mermaid2's `javascript: js/mermaid.min.js` names docs/js/mermaid.min.js, which does not exist "
        "(mermaid2 would stop the build with a FileNotFoundError). Put mermaid.js there: " + VENDOR, script=False),
    # g. Material's native fence with no local mermaid.js: fine, but needs the CDN
    "native-fence-cdn": Case(MATERIAL + INFRASPEC + fence("pymdownx.superfences.fence_code_format"), "INFO",
        "mkdocs.yml: the diagrams are drawn by Material's loader, which fetches mermaid.js from unpkg.com when a page "
        "is read: the published site needs internet to show them. To serve mermaid.js with the site:\n" + EXTRA_YAML
        + "\nwith mermaid.js there: " + VENDOR),
    "native-fence-script-missing": Case(MATERIAL + INFRASPEC + LOCAL_JS + fence("pymdownx.superfences.fence_code_format"), "WARNING",
        "mkdocs.yml: extra_javascript lists js/mermaid.min.js, but docs/js/mermaid.min.js does not exist (Material falls "
        "back to unpkg.com). Put mermaid.js there: " + VENDOR, script=False),
    # Other themes draw only <div class="mermaid"> blocks, with mermaid.js loaded by a script.
    "pre-fence-mkdocs-theme": Case(MKDOCS + WITH_MERMAID2 + fence("mermaid2.fence_mermaid_custom"), "WARNING",
        "mkdocs.yml: the `mermaid` fence uses mermaid2.fence_mermaid_custom, whose blocks only Material's loader draws; "
        "with this theme the diagrams will not draw. Use:\n" + fence_yaml("mermaid2.fence_mermaid")),
    "div-fence-no-script": Case(MKDOCS + INFRASPEC + fence("pymdownx.superfences.fence_div_format"), "WARNING",
        "mkdocs.yml: nothing loads mermaid.js (this theme does not), so the generated diagrams will not draw. Add:\n"
        + EXTRA_YAML + "\nwith mermaid.js there: " + VENDOR),
    # Setups that draw offline: nothing to say.
    "mermaid2-offline": Case(MATERIAL + WITH_MERMAID2 + fence("mermaid2.fence_mermaid_custom"), None),
    "native-fence-offline": Case(MATERIAL + INFRASPEC + LOCAL_JS + fence("pymdownx.superfences.fence_code_format"), None),
    "mermaid2-plain-code-blocks": Case(MATERIAL + WITH_MERMAID2, None),
    "mkdocs-theme-mermaid2": Case(MKDOCS + WITH_MERMAID2 + fence("mermaid2.fence_mermaid"), None),
    "mkdocs-theme-div-fence": Case(MKDOCS + INFRASPEC + LOCAL_JS + fence("pymdownx.superfences.fence_div_format"), None),
}

class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def run(root: Path, *, strict: bool = True) -> tuple[bool, list[tuple[str, str]]]:
    """Build the project; whether it succeeded, and the (level, message) of each record about mkdocs.yml."""
    handler = Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)  # as the mkdocs command sets it; INFO records are advice too
    ok = True
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), strict=strict, site_dir=str(root / "site"))
        mkdocs_build(config)
    except PluginError as error:
        ok = False
        handler.records.append(logging.makeLogRecord({"levelno": logging.ERROR, "levelname": "ERROR", "msg": str(error)}))
    except Abort:
        ok = False
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    said = [(r.levelname, r.getMessage()) for r in handler.records if r.getMessage().startswith("mkdocs.yml:")]
    return ok, said


def project(root: Path, case: Case) -> Path:
    shutil.copytree(BASE_SPEC, root / "infra-specs")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    if case.script:
        (root / "docs" / "js").mkdir()
        # A stand-in: the check looks at whether the file is there, the browser tests at what it does.
        (root / "docs" / "js" / "mermaid.min.js").write_text("window.mermaid = {};\n", encoding="utf-8")
        if case.other:
            (root / "docs" / "js" / case.other).write_text("export default {};\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Setup\n" + case.config, encoding="utf-8")
    return root


@pytest.mark.parametrize("name", list(CASES))
def test_the_setup_check_says_exactly_what_to_add(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    ok, said = run(project(tmp_path, case))
    if case.level is None:
        assert said == [] and ok, said
        return
    assert said == [(case.level, case.message)]
    # Warnings and errors stop a strict build; the CDN note does not.
    assert ok == (case.level == "INFO")


def test_a_missing_script_stops_the_build_without_a_traceback(tmp_path: Path) -> None:
    case = CASES["mermaid2-script-missing"]
    done = build(project(tmp_path, case))
    assert not done.ok
    assert f"ERROR   -  {case.message}\n" in done.output and "Aborted with a BuildError!" in done.output
    assert "Traceback" not in done.output and "FileNotFoundError:" not in done.output


def test_mermaid2_with_a_remote_script_is_told_it_needs_internet(tmp_path: Path) -> None:
    url = "https://cdn.example.invalid/mermaid@11/dist/mermaid.min.js"
    case = Case(MATERIAL + f"plugins:\n  - infraspec\n  - mermaid2:\n      javascript: {url}\n" + fence("mermaid2.fence_mermaid_custom"), "INFO")
    _, said = run(project(tmp_path, case), strict=False)
    assert said == [("INFO", (
        f"mkdocs.yml: the diagrams load mermaid.js from {url} when a page is read (and mermaid2 requests it while "
        "building), so they need internet. To serve it with the site:\n" + MERMAID2_YAML + "\nwith mermaid.js there: " + VENDOR
    ))]


def test_a_disabled_plugin_checks_nothing(tmp_path: Path) -> None:
    ok, said = run(project(tmp_path, Case(MATERIAL + "plugins:\n  - infraspec:\n      enabled: false\n", None)))
    assert ok and said == []


def test_paths_follow_docs_dir(tmp_path: Path) -> None:
    case = CASES["mermaid2-script-missing"]
    root = project(tmp_path, case)
    (root / "docs").rename(root / "pages")
    (root / "mkdocs.yml").write_text("site_name: Setup\ndocs_dir: pages\n" + case.config, encoding="utf-8")
    _, said = run(root)
    assert said == [("ERROR", case.message.replace("docs/", "pages/"))]
