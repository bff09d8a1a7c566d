"""Open a built site in headless Chromium, offline: a local HTTP server and a guarded browser page.

The site is served from a thread on 127.0.0.1; every request to any other host is aborted,
which keeps the tests offline and proves the site needs no CDN. Each opened page records its
page errors (uncaught exceptions), console errors and blocked requests.

    with serve_directory(site_dir) as base_url, chromium_browser() as browser:
        visit = open_page(browser, base_url + "infra-specs/")
        assert not visit.problems
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: Makes closed shadow roots open, so that tests can look inside Material's Mermaid SVGs.
OPEN_SHADOW_ROOTS = """
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, Object.assign({}, init, { mode: "open" }));
  };
})();
"""


def chromium_path() -> str | None:
    """Debian's Chromium (``CHROMIUM`` overrides), or ``None`` when this machine has none."""
    configured = os.environ.get("CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or ""):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def skip_reason() -> str | None:
    """Why browser tests cannot run here, or ``None``."""
    if chromium_path() is None:
        return "no Chromium at /usr/bin/chromium (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright (Python) is not installed"
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 (a free port) from a thread; yields the base URL ending in ``/``."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def chromium_browser() -> Iterator[Any]:
    """A headless Chromium driven by Playwright's sync API; closed on exit."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError(skip_reason() or "no chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Visit:
    """One page as the browser saw it, with everything that went wrong."""

    url: str
    page: Any
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return (
            [f"page error: {e}" for e in self.page_errors]
            + [f"console error: {e}" for e in self.console_errors]
            + [f"blocked request to another host: {u}" for u in self.blocked]
            + [f"failed request: {u}" for u in self.failed]
        )


def new_context(browser: Any, *, open_shadow_roots: bool = False, **options: Any) -> Any:
    """A browser context that aborts every request leaving 127.0.0.1."""
    context = browser.new_context(**options)
    if open_shadow_roots:
        context.add_init_script(OPEN_SHADOW_ROOTS)
    return context


def open_page(
    context_or_browser: Any,
    url: str,
    *,
    wait_for: str | None = None,
    settle_ms: int = 300,
    open_shadow_roots: bool = False,
    viewport: dict[str, int] | None = None,
) -> Visit:
    """Open ``url`` in a new page, offline; wait for load (and ``wait_for``, a selector) and settle."""
    context = context_or_browser
    if hasattr(context_or_browser, "new_context"):
        context = new_context(context_or_browser, open_shadow_roots=open_shadow_roots,
                              viewport=viewport or {"width": 1280, "height": 900})
    page = context.new_page()
    visit = Visit(url, page)

    def route(request_route: Any) -> None:
        host = urlsplit(request_route.request.url).hostname
        if host in ("127.0.0.1", None) or request_route.request.url.startswith(("data:", "blob:")):
            request_route.continue_()
        else:
            visit.blocked.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda error: visit.page_errors.append(str(error)))
    page.on("console", lambda message: visit.console_errors.append(message.text) if message.type == "error" else None)
    page.on("requestfailed", lambda request: visit.failed.append(request.url) if urlsplit(request.url).hostname == "127.0.0.1" else None)
    response = page.goto(url, wait_until="load", timeout=30_000)
    if response is not None and response.status >= 400:
        visit.failed.append(f"{url} (HTTP {response.status})")
    if wait_for:
        page.wait_for_selector(wait_for, timeout=15_000)
    if settle_ms:
        page.wait_for_timeout(settle_ms)
    return visit


class Tab:
    """One browser page reused for many addresses (faster than a page each), offline and watched.

        tab = Tab(browser, open_shadow_roots=True)
        visit = tab.go(base_url + "infra-specs/")
    """

    def __init__(self, browser: Any, *, open_shadow_roots: bool = False, viewport: dict[str, int] | None = None) -> None:
        self.context = new_context(browser, open_shadow_roots=open_shadow_roots, viewport=viewport or {"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.visit = Visit("", self.page)
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda error: self.visit.page_errors.append(str(error)))
        self.page.on("console", lambda message: self.visit.console_errors.append(message.text) if message.type == "error" else None)
        self.page.on("requestfailed", self._failed)

    def _failed(self, request: Any) -> None:
        # A request cut short by the next navigation (a late favicon) is not the site's fault.
        if urlsplit(request.url).hostname == "127.0.0.1" and "ERR_ABORTED" not in (request.failure or ""):
            self.visit.failed.append(f"{request.url} ({request.failure})")

    def _route(self, request_route: Any) -> None:
        url = request_route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            request_route.continue_()
        else:
            self.visit.blocked.append(url)
            request_route.abort()

    def go(self, url: str, *, settle_ms: int = 100) -> Visit:
        """Open ``url``; the returned Visit collects what goes wrong until the next ``go``."""
        self.visit = Visit(url, self.page)
        response = self.page.goto(url, wait_until="load", timeout=30_000)
        if response is not None and response.status >= 400:
            self.visit.failed.append(f"{url} (HTTP {response.status})")
        if settle_ms:
            self.page.wait_for_timeout(settle_ms)
        return self.visit

    def close(self) -> None:
        self.context.close()


def wait_for_diagrams(page: Any, expected: int, timeout_ms: int = 20_000) -> int:
    """Wait until ``expected`` Mermaid diagrams have drawn (or the timeout); how many did."""
    if expected:
        # A timeout is no error here: the count below says how many drew.
        with suppress(Exception):
            page.wait_for_function(
                """(n) => [...document.querySelectorAll('.mermaid')]
                    .filter(el => (el.shadowRoot && el.shadowRoot.querySelector('svg')) || el.querySelector('svg')).length >= n""",
                arg=expected, timeout=timeout_ms,
            )
    return count_mermaid_svgs(page)


def count_mermaid_svgs(page: Any) -> int:
    """How many Mermaid diagrams drew an SVG (needs ``open_shadow_roots=True``)."""
    return int(page.evaluate(
        """() => [...document.querySelectorAll('.mermaid')]
            .filter(el => (el.shadowRoot && el.shadowRoot.querySelector('svg')) || el.querySelector('svg')).length"""
    ))
