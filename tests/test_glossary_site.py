"""The vocabulary across the built example site: every term in prose linked, tooltips, backlinks, a browser.

The example is built once (``mkdocs build --strict``). Which terms a page's prose uses is
worked out here independently of the linker: the page's text is read with the standard
library's HTML parser (leaving out code, headings, titles, links other than term links,
Mermaid blocks, opted-out blocks and each term's own entry) and searched with one plain
regular expression per term, built from the term's forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mkdocs_infraspec.check import check
from mkdocs_infraspec.glossary import Glossary
from mkdocs_infraspec.glossary.forms import forms_of
from mkdocs_infraspec.models.vocabulary import Term
from tests.support import browser
from tests.support.build import (
    EXAMPLE,
    Build,
    build,
    copy_project,
    main_content,
    mermaid_missing_reason,
)

pytestmark = pytest.mark.slow

SKIP_TAGS = {"a", "code", "pre", "kbd", "samp", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style",
             "svg", "button", "select", "textarea", "summary", "label"}
SKIP_CLASSES = {"mermaid", "infraspec-nolink", "admonition-title", "headerlink"}
INLINE = {"em", "strong", "span", "b", "i", "sup", "sub", "abbr", "mark", "small", "s", "del", "ins"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}


class Prose(HTMLParser):
    """A page's linkable text (by the term whose entry it is in, ``""`` outside entries) and its links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, str]] = []  # (tag, skipped, term entry)
        self.texts: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        classes = set(found.get("class", "").split())
        if tag == "a":
            self.links.append(found)
        if tag in VOID:
            return
        skipped = bool(self.stack and self.stack[-1][1])
        # A term link's text is the use that was linked: a word of its own, not searched again
        # (``Environment`` in ``Cardholder Data Environment`` is no use of ``Environment``).
        skip = skipped or tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        entry = found.get("data-term", "") if "infraspec-term-entry" in classes else (self.stack[-1][2] if self.stack else "")
        self.stack.append((tag, skip, entry))
        if tag not in INLINE:
            self.texts.setdefault(entry, []).append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        while self.stack:
            opened, _, _ = self.stack.pop()
            if opened == tag:
                break
        if tag not in INLINE:
            self.texts.setdefault(self.stack[-1][2] if self.stack else "", []).append("\n\n")

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1][1]):
            self.texts.setdefault(self.stack[-1][2] if self.stack else "", []).append(data)


def pattern(term: Term) -> re.Pattern[str]:
    """The term's forms as a regular expression: whole words, not glued into an identifier."""
    forms = []
    for form in forms_of(term):
        text = re.escape(form.text).replace(r"\ ", r"[^\S\n]+")
        forms.append(text if form.exact else f"(?i:{text})")
    return re.compile(r"(?<![\w])(?<!\w[-./])(?:" + "|".join(forms) + r")(?![\w])(?![-./]\w)")


def pages(site: Path) -> Iterator[tuple[str, str]]:
    for file in sorted(site.rglob("index.html")):
        if file.parent.name in ("search", "404"):
            continue
        yield file.parent.relative_to(site).as_posix(), main_content(file.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, list[Term]]:
    if reason := mermaid_missing_reason():
        pytest.skip(reason)
    project = copy_project(EXAMPLE, tmp_path_factory.mktemp("glossary-site") / "example")
    done = build(project, strict=True)
    assert done.ok, done.output
    result = check(project / "infra-specs", base=project)
    return done, result.spec.vocabulary.terms


def term_of(href: str) -> str | None:
    match = re.search(r"#term-([a-z0-9][a-z0-9-]*)$", href)
    return match.group(1) if match else None


def test_every_term_in_prose_is_linked_on_each_page_that_uses_it(example: tuple[Build, list[Term]]) -> None:
    done, terms = example
    patterns = {term.id: pattern(term) for term in terms if term.link}
    unlinked: list[tuple[str, str, str]] = []
    used: set[str] = set()
    linked: set[str] = set()
    for path, html in pages(done.site):
        prose = Prose()
        prose.feed(html)
        on_page = {term_of(link.get("href", "")) for link in prose.links}
        auto = {term_of(link["href"]) or "" for link in prose.links if "infraspec-term" in link.get("class", "").split()}
        linked |= auto
        used |= auto
        for ident, regex in patterns.items():
            for entry, texts in prose.texts.items():
                if entry == ident:
                    continue  # a term's own definition is not a use
                match = regex.search("".join(texts))
                if match:
                    used.add(ident)
                    if ident not in on_page:
                        unlinked.append((path, ident, match.group()))
                    break
    assert not unlinked, unlinked
    assert len(used) >= 25, sorted(used)  # the example uses nearly every term it defines
    assert used <= linked, sorted(used - linked)  # each one auto-linked somewhere, not only referenced


def test_tooltips_are_the_definitions(example: tuple[Build, list[Term]]) -> None:
    done, terms = example
    glossary = Glossary(terms)
    seen = 0
    for path, html in pages(done.site):
        prose = Prose()
        prose.feed(html)
        for link in prose.links:
            if "infraspec-term" not in link.get("class", "").split():
                continue
            ident = term_of(link["href"])
            assert ident in glossary.by_id, (path, link)
            assert link["title"] == glossary.title(glossary.by_id[ident]), (path, link)
            seen += 1
    assert seen >= 300
    vpc = glossary.title(glossary.by_id["vpc"])
    assert vpc.startswith("Virtual Private Cloud: An isolated network segment in AWS.")


def test_the_vocabulary_lists_where_each_term_is_used(example: tuple[Build, list[Term]]) -> None:
    done, terms = example
    vocabulary = main_content(done.page("infra-specs/vocabulary/"))
    assert "infraspec-backlinks" in vocabulary and "<!-- infraspec-backlinks" not in vocabulary
    for term in terms:
        entry = vocabulary[vocabulary.index(f'data-term="{term.id}"'):]
        entry = entry[: entry.index('<div class="infraspec-term-entry"') if '<div class="infraspec-term-entry"' in entry else len(entry)]
        backlinks = re.search(r'<ul class="infraspec-backlinks infraspec-nolink">(.*?)</ul>', entry)
        assert backlinks, term.id  # every term of the example is used somewhere
        for href in re.findall(r'href="([^"]+)"', backlinks.group(1)):
            page, _, anchor = href.partition("#")
            target = (done.site / "infra-specs" / "vocabulary" / page).resolve() / "index.html"
            assert target.is_file(), (term.id, href)
            if anchor:
                assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), (term.id, href)
    ledger = vocabulary[vocabulary.index('data-term="ledger"'):]
    ledger = ledger[ledger.index('class="infraspec-backlinks infraspec-nolink"'):]
    assert re.match(r'class="infraspec-backlinks infraspec-nolink"><li><a href="\.\./\.\./?">Home</a>: ', ledger)
    assert "IS353" not in done.output


@pytest.mark.browser
def test_a_term_link_shows_its_definition_and_opens_its_entry(example: tuple[Build, list[Term]]) -> None:
    if reason := browser.skip_reason():
        pytest.skip(reason)
    done, terms = example
    glossary = Glossary(terms)
    with browser.serve_directory(done.site) as base, browser.chromium_browser() as chromium:
        tab = browser.Tab(chromium)
        try:
            visit = tab.go(base + "infra-specs/architecture/")
            link = tab.page.locator('article a.infraspec-term[href$="#term-vpc"]').first
            assert link.get_attribute("title") == glossary.title(glossary.by_id["vpc"])
            link.hover()
            # Material's content.tooltips shows the title in its own tooltip on hover
            tooltip = tab.page.locator(".md-tooltip2--active, .md-tooltip--active").first
            tooltip.wait_for(state="visible", timeout=5_000)
            assert "Virtual Private Cloud" in tooltip.inner_text()
            link.click()
            tab.page.wait_for_url(re.compile(r"/infra-specs/vocabulary/#term-vpc$"), timeout=10_000)
            entry = tab.page.locator("#term-vpc")
            assert entry.inner_text().strip().startswith("VPC")
            assert entry.is_visible()
            top = entry.evaluate("element => element.getBoundingClientRect().top")
            assert 0 <= top < 400  # scrolled to the entry
            assert not visit.problems, visit.problems
        finally:
            tab.close()
