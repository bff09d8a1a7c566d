"""``mkdocs serve``: saving a YAML file rebuilds; a broken spec shows an error page; the next good save recovers."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.build import EXAMPLE, copy_project, env, mermaid_missing_reason

pytestmark = pytest.mark.slow

#: The longest a rebuild may take before the test gives up (a build of the example takes a few seconds).
WAIT = 90.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def heading(page: str) -> str | None:
    """The text of a page's first heading."""
    match = re.search(r"<h1[^>]*>([^<]*)<", page)
    return match.group(1) if match else None


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, condition: Callable[[str], bool], what: str, server: subprocess.Popen[str]) -> str:
    """Poll ``url`` until its page satisfies ``condition``; fail with ``what`` after WAIT seconds."""
    deadline = time.monotonic() + WAIT
    page = None
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve stopped"
        page = fetch(url)
        if page is not None and condition(page):
            return page
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what} at {url}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    """``mkdocs serve`` on a copy of the example, on a free port; always stopped afterwards."""
    if reason := mermaid_missing_reason():
        pytest.skip(reason)
    project = copy_project(EXAMPLE, tmp_path / "example")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env(), stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        yield project, f"http://127.0.0.1:{port}/", server
    finally:
        # The server runs in its own session: stop it and anything it started, by its id.
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=15)
        log.close()


def test_edit_break_and_recover(served: tuple[Path, str, subprocess.Popen[str]]) -> None:
    project, base, server = served
    component = base + "infra-specs/components/rds-ledger/"
    summary = base + "infra-specs/"
    responsibilities = project / "infra-specs" / "responsibilities.yaml"
    original = responsibilities.read_text(encoding="utf-8")

    wait_for(component, lambda page: heading(page) == "Ledger database", "the first build", server)

    # Saving a YAML file rebuilds the pages that show it.
    responsibilities.write_text(original.replace("name: Ledger database\n", "name: Journal database\n", 1), encoding="utf-8")
    wait_for(component, lambda page: heading(page) == "Journal database", "the renamed component", server)

    # A broken spec: the error page, in the site's look, at the generated pages' addresses.
    broken = original.replace("  - id: rds-ledger\n", "  - id: rds-ledger\n    techonlogy: PostgreSQL\n", 1)
    responsibilities.write_text(broken, encoding="utf-8")
    page = wait_for(summary, lambda page: "The spec does not load" in page, "the error page", server)
    assert "infra-specs/responsibilities.yaml:" in page
    assert "IS201" in page and "techonlogy" in page
    assert "did you mean" in page
    assert 'class="md-header' in page  # the theme's header: the site's look
    for address in (base + "infra-specs/security/", component):
        assert "The spec does not load" in (fetch(address) or ""), address

    # The next good save brings the site back.
    responsibilities.write_text(original, encoding="utf-8")
    wait_for(component, lambda page: heading(page) == "Ledger database", "recovery", server)
    assert "The spec does not load" not in (fetch(summary) or "")
    assert server.poll() is None
