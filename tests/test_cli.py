"""`infraspec check` as users run it: real processes, real files, exit codes and output."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import EXAMPLE_PROJECT


def infraspec(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_infraspec.cli", *args],
        capture_output=True, text=True, cwd=cwd, timeout=60, check=False,
    )


def test_clean_spec_exits_zero(base_spec: Path) -> None:
    result = infraspec("check", str(base_spec))
    assert result.returncode == 0, result.stdout
    assert "No problems found in 12 files" in result.stdout
    assert result.stderr == ""


def test_errors_exit_one_with_snippet_and_hint(base_spec: Path, edit: Callable[..., None]) -> None:
    edit(base_spec / "responsibilities.yaml", "      - component: db\n", "      - component: dbb\n")
    result = infraspec("check", ".", "--color", "never", cwd=base_spec)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "responsibilities.yaml:22:20: error[IS301] unknown component 'dbb' (field 'component' of component 'web')"
    assert lines[1] == " 22 |       - component: dbb"
    assert lines[2] == "    |                    ^~~"
    assert lines[3] == "  hint: did you mean 'db'?"
    assert lines[-1] == "Found 1 error and 0 warnings in 12 files."


def test_warnings_exit_two_only_with_strict(base_spec: Path) -> None:
    (base_spec / "notes.yaml").write_text("x: 1\n")
    assert infraspec("check", str(base_spec)).returncode == 0
    strict = infraspec("check", str(base_spec), "--strict")
    assert strict.returncode == 2
    assert "warning[IS112]" in strict.stdout


def test_json_format(base_spec: Path, edit: Callable[..., None]) -> None:
    edit(base_spec / "overview.yaml", 'version: "1.0"', "version: 1.10")
    result = infraspec("check", str(base_spec), "--format", "json")
    document = json.loads(result.stdout)
    assert result.returncode == 1
    assert document["summary"]["errors"] == 1
    (finding,) = document["diagnostics"]
    assert (finding["code"], finding["line"], finding["column"]) == ("IS103", 4, 10)
    assert finding["hint"] == 'quote it: "1.10"'


def test_project_folder_reads_spec_dir_from_mkdocs_yml(tmp_path: Path, base_spec: Path) -> None:
    project = base_spec.parent
    (project / "specs").mkdir()
    base_spec.rename(project / "specs" / "infra")
    (project / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - search\n  - infraspec:\n      spec_dir: specs/infra\n"
        "markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n        - name: mermaid\n"
        "          class: mermaid\n          format: !!python/name:pymdownx.superfences.fence_code_format\n"
    )
    assert infraspec("check", str(project)).returncode == 0
    assert infraspec("check", str(project / "mkdocs.yml")).returncode == 0


def test_missing_path_is_a_finding_not_a_traceback(tmp_path: Path) -> None:
    result = infraspec("check", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "no such file or folder" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00garbage", b"components:\n  - id: [\n", b"components: !!python/object/apply:os.system [ls]\n", b"\t\t\n", b"- 1\n- 2\n"],
)
def test_hostile_files_never_trace(base_spec: Path, content: bytes) -> None:
    (base_spec / "responsibilities.yaml").write_bytes(content)
    result = infraspec("check", str(base_spec))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "responsibilities.yaml:" in result.stdout


def test_example_project_is_clean() -> None:
    result = infraspec("check", str(EXAMPLE_PROJECT), "--strict")
    assert result.returncode == 0, result.stdout
