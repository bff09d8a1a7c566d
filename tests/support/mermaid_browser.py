"""Render Mermaid text in headless Chromium with the real mermaid.js, offline, for the tests.

A page is opened on ``about:blank`` with every network request aborted, the UMD build of
mermaid is injected from disk and ``mermaid.render()`` is called on each text: what comes
back is the SVG (and its visible text) or Mermaid's own error message. Screenshots of a
rendered diagram let a human look at the layout.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .browser import CHROMIUM_ARGS, chromium_path

ROOT = Path(__file__).resolve().parents[2]

#: Where mermaid's UMD build is looked for, first found wins (``MERMAID_JS`` overrides).
MERMAID_CANDIDATES = (
    ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js",
)


def mermaid_js() -> Path | None:
    """The mermaid.min.js to use, or ``None`` when there is none on this machine."""
    configured = os.environ.get("MERMAID_JS")
    if configured:
        path = Path(configured)
        return path if path.is_file() else None
    return next((path for path in MERMAID_CANDIDATES if path.is_file()), None)


def unavailable() -> str | None:
    """Why the browser tests cannot run here, or ``None`` when they can."""
    if chromium_path() is None:
        return "no chromium (apt-get install -y chromium)"
    if mermaid_js() is None:
        return "no mermaid.min.js (npm install mermaid@11, or set MERMAID_JS)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


@dataclass
class Rendered:
    """The outcome of one ``mermaid.render()``: the SVG and its text, or the error."""

    svg: str | None
    text: str
    error: str | None
    nodes: int = 0
    links: list[str] | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.svg is not None and "aria-roledescription=\"error\"" not in self.svg


_RENDER = """
async ([text, n]) => {
  const out = {svg: null, text: "", error: null, nodes: 0, links: []};
  try {
    await mermaid.parse(text);
    const {svg} = await mermaid.render("diagram" + n, text);
    out.svg = svg;
    const holder = document.createElement("div");
    holder.id = "holder" + n;
    holder.innerHTML = svg;
    document.body.appendChild(holder);
    const labels = holder.querySelectorAll(".nodeLabel, .edgeLabel, .cluster-label, text");
    out.text = Array.from(labels).map(e => e.textContent).join("\\n");
    out.nodes = holder.querySelectorAll("g.node").length;
    out.links = Array.from(holder.querySelectorAll("a")).map(a => a.getAttribute("href") || a.getAttribute("xlink:href"));
    holder.remove();
  } catch (e) {
    out.error = String(e && e.message || e);
  }
  return out;
}
"""


class MermaidPage:
    """A browser page with mermaid loaded: render texts, take screenshots."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.count = 0
        self.requests: list[str] = []

    def render(self, text: str) -> Rendered:
        self.count += 1
        result = self.page.evaluate(_RENDER, [text, self.count])
        return Rendered(result["svg"], result["text"], result["error"], result["nodes"], result["links"])

    def screenshot(self, text: str, path: Path, title: str = "") -> Rendered:
        """Render ``text`` into the page and save a PNG of it (for a human to look at)."""
        rendered = self.render(text)
        self.page.evaluate(
            """([svg, title]) => {
                document.body.innerHTML = "";
                const h = document.createElement("h3"); h.textContent = title; document.body.appendChild(h);
                const d = document.createElement("div"); d.id = "shot"; d.style.display = "inline-block";
                d.style.padding = "12px"; d.style.background = "white";
                d.innerHTML = svg || ""; document.body.appendChild(d);
                const s = d.querySelector("svg");
                if (s && s.viewBox && s.viewBox.baseVal) {
                    // Natural size: Mermaid's own max-width would shrink a wide diagram to the page.
                    s.style.maxWidth = "none";
                    s.setAttribute("width", s.viewBox.baseVal.width);
                    s.setAttribute("height", s.viewBox.baseVal.height);
                }
            }""",
            [rendered.svg, title],
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.locator("#shot").screenshot(path=str(path))
        return rendered


@contextmanager
def mermaid_page(config: dict[str, Any] | None = None, width: int = 1400) -> Iterator[MermaidPage]:
    """A page with mermaid initialised (``startOnLoad: false``) and no network at all."""
    from playwright.sync_api import sync_playwright

    script = mermaid_js()
    executable = chromium_path()
    assert script is not None and executable is not None, unavailable()
    settings = {"startOnLoad": False, "securityLevel": "strict", "maxTextSize": 50000, "maxEdges": 500}
    settings.update(config or {})
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            holder = MermaidPage(page)

            def block(route: Any) -> None:
                holder.requests.append(route.request.url)
                route.abort()

            page.route("**/*", block)
            page.set_content("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>")
            page.add_script_tag(content=script.read_text(encoding="utf-8"))
            page.evaluate("(settings) => mermaid.initialize(settings)", settings)
            yield holder
        finally:
            browser.close()
