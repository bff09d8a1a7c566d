"""glossary.linker: the exact HTML written for each tricky case, and the uses recorded for backlinks."""

from __future__ import annotations

import html as _html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_infraspec.glossary import Glossary, LinkMode, Use, link_html
from mkdocs_infraspec.links import Links
from mkdocs_infraspec.models.vocabulary import Term

TERMS = [
    {"term": "VPC", "expansion": "Virtual Private Cloud", "definition": "An isolated network of one environment."},
    {"term": "Security Group", "definition": "A stateful firewall."},
    {"term": "Group", "definition": "A set of things."},
    {"term": "Subnet", "definition": "A range of a [[term:vpc]]'s addresses."},
    {"term": "Policy", "definition": "An access rule."},
    {"term": "Zürich", "id": "zurich", "definition": "The eu-central-2 region."},
    {"term": "R&D", "id": "research", "definition": 'Research & "<b>development</b>".'},
    {"term": "Cluster", "link": False, "definition": "Machines run as one."},
]
GLOSSARY = Glossary(Term.model_validate(data) for data in TERMS)
LINKS = Links()
PAGE = "guide.md"


def a(ident: str, text: str, url: str = "../infra-specs/vocabulary/") -> str:
    """The exact link the linker writes for a term, from ``guide.md`` by default."""
    term = GLOSSARY.by_id[ident]
    title = _html.escape(GLOSSARY.title(term), quote=True)
    return f'<a class="infraspec-term" href="{url}#term-{ident}" title="{title}">{text}</a>'


def link(html: str, mode: LinkMode = "all", page: str = PAGE, links: Links = LINKS) -> str:
    return link_html(html, page, GLOSSARY, links, mode=mode).html


def test_the_link_markup() -> None:
    assert link("<p>One VPC.</p>") == (
        '<p>One <a class="infraspec-term" href="../infra-specs/vocabulary/#term-vpc" '
        'title="Virtual Private Cloud: An isolated network of one environment.">VPC</a>.</p>'
    )


def test_the_title_is_escaped_plain_text() -> None:
    assert link("<p>R&amp;D</p>") == (
        '<p><a class="infraspec-term" href="../infra-specs/vocabulary/#term-research" '
        'title="Research &amp; &quot;development&quot;.">R&amp;D</a></p>'
    )


def test_urls_are_relative_to_the_page() -> None:
    assert link("<p>VPC</p>", page="infra-specs/vocabulary.md") == f"<p>{a('vpc', 'VPC', '')}</p>"
    assert link("<p>VPC</p>", page="infra-specs/components/api.md") == f"<p>{a('vpc', 'VPC', '../../vocabulary/')}</p>"
    assert link("<p>VPC</p>", page="index.md") == f"<p>{a('vpc', 'VPC', 'infra-specs/vocabulary/')}</p>"
    flat = Links(use_directory_urls=False)
    assert link("<p>VPC</p>", page="a/b.md", links=flat) == f"<p>{a('vpc', 'VPC', '../infra-specs/vocabulary.html')}</p>"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # inside code, kbd, samp: never; after it: yes
        ("<p>The <code>VPC</code> id of the VPC</p>", f"<p>The <code>VPC</code> id of the {a('vpc', 'VPC')}</p>"),
        ("<p><kbd>VPC</kbd> <samp>VPC</samp></p>", "<p><kbd>VPC</kbd> <samp>VPC</samp></p>"),
        ('<pre><code class="language-hcl">resource "VPC" {}</code></pre>', '<pre><code class="language-hcl">resource "VPC" {}</code></pre>'),
        # inside an existing link: never
        ('<p><a href="x/">the VPC</a> and VPC</p>', f'<p><a href="x/">the VPC</a> and {a("vpc", "VPC")}</p>'),
        ('<p><a href="x/">a <em>VPC</em></a></p>', '<p><a href="x/">a <em>VPC</em></a></p>'),
        ('<p><autoref identifier="x">VPC</autoref></p>', '<p><autoref identifier="x">VPC</autoref></p>'),
        # in a heading: never, permalink or not
        ('<h2 id="vpc">VPC <a class="headerlink" href="#vpc">¶</a></h2><p>VPC</p>',
         f'<h2 id="vpc">VPC <a class="headerlink" href="#vpc">¶</a></h2><p>{a("vpc", "VPC")}</p>'),
        ("<h4>Subnet</h4>", "<h4>Subnet</h4>"),
        # titles of admonitions, collapsible blocks and tabs: headings in all but name
        ('<div class="admonition note"><p class="admonition-title">VPC</p><p>VPC</p></div>',
         f'<div class="admonition note"><p class="admonition-title">VPC</p><p>{a("vpc", "VPC")}</p></div>'),
        ("<details><summary>VPC</summary><p>VPC</p></details>",
         f"<details><summary>VPC</summary><p>{a('vpc', 'VPC')}</p></details>"),
        ('<label for="__tabbed_1_1">Subnet</label><div><p>Subnet</p></div>',
         f'<label for="__tabbed_1_1">Subnet</label><div><p>{a("subnet", "Subnet")}</p></div>'),
        # identifiers are not uses: a term glued to a word by a hyphen, dot or slash
        ("<p>prod-vpc, vpc-1, Subnet-a, a.Subnet, VPC/EC2; the Subnet- and VPC-level rules</p>",
         f"<p>prod-vpc, vpc-1, Subnet-a, a.Subnet, VPC/EC2; the {a('subnet', 'Subnet')}- and VPC-level rules</p>"),
        # overlapping terms: the longest wins, the rest of the text still links
        ("<p>Each Security Group is a group.</p>",
         f"<p>Each {a('security-group', 'Security Group')} is a {a('group', 'group')}.</p>"),
        ("<p>security groups</p>", f"<p>{a('security-group', 'security groups')}</p>"),
        # plurals
        ("<p>Two VPCs, three Policies, four subnets.</p>",
         f"<p>Two {a('vpc', 'VPCs')}, three {a('policy', 'Policies')}, four {a('subnet', 'subnets')}.</p>"),
        # acronyms match exactly, their expansions in any case
        ("<p>vpc, Vpc and a virtual private cloud</p>", f"<p>vpc, Vpc and a {a('vpc', 'virtual private cloud')}</p>"),
        # at the start and the end of a paragraph, and a paragraph that is only the term
        ("<p>VPC first</p><p>last Subnet</p><p>Group</p>",
         f"<p>{a('vpc', 'VPC')} first</p><p>last {a('subnet', 'Subnet')}</p><p>{a('group', 'Group')}</p>"),
        # next to punctuation
        ("<p>(VPC), VPC's; “Subnet”! Group?</p>",
         f"<p>({a('vpc', 'VPC')}), {a('vpc', 'VPC')}'s; “{a('subnet', 'Subnet')}”! {a('group', 'Group')}?</p>"),
        # Unicode word boundaries
        ("<p>VPCé éVPC Zürichsee, Zürich.</p>", f"<p>VPCé éVPC Zürichsee, {a('zurich', 'Zürich')}.</p>"),
        ("<p>Große Straße im ZÜRICH</p>", f"<p>Große Straße im {a('zurich', 'ZÜRICH')}</p>"),
        # attributes, comments, scripts, styles, SVG: untouched
        ('<p title="VPC"><img alt="VPC" src="VPC.png"> <!-- VPC --></p>', '<p title="VPC"><img alt="VPC" src="VPC.png"> <!-- VPC --></p>'),
        ('<script>var s = "<p>VPC</p>";</script><style>.VPC{}</style>', '<script>var s = "<p>VPC</p>";</script><style>.VPC{}</style>'),
        ("<svg><text>VPC</text><svg><text>VPC</text></svg>VPC</svg>", "<svg><text>VPC</text><svg><text>VPC</text></svg>VPC</svg>"),
        # Mermaid blocks, whatever renders them
        ('<pre class="mermaid"><code>graph LR; VPC --> Subnet</code></pre>', '<pre class="mermaid"><code>graph LR; VPC --> Subnet</code></pre>'),
        ('<div class="mermaid">graph LR; VPC --> Subnet</div><p>VPC</p>',
         f'<div class="mermaid">graph LR; VPC --> Subnet</div><p>{a("vpc", "VPC")}</p>'),
        # an author's opt-out
        ('<div class="note infraspec-nolink"><p>VPC</p><div>VPC</div></div><p>VPC</p>',
         f'<div class="note infraspec-nolink"><p>VPC</p><div>VPC</div></div><p>{a("vpc", "VPC")}</p>'),
        # character references: matched on the decoded text, markup kept as written
        ("<p>R&amp;D in a Security&nbsp;Group&#x2e;</p>",
         f"<p>{a('research', 'R&amp;D')} in a {a('security-group', 'Security&nbsp;Group')}&#x2e;</p>"),
        ("<p>VPC&eacute; &lt;VPC&gt;</p>", f"<p>VPC&eacute; &lt;{a('vpc', 'VPC')}&gt;</p>"),
        # inline formatting keeps words whole; a use split by markup is not linked
        ("<p><em>VPC</em> <strong>Subnet</strong>s</p>", f"<p><em>{a('vpc', 'VPC')}</em> <strong>Subnet</strong>s</p>"),
        ("<p><em>Security</em> Group</p>", "<p><em>Security</em> Group</p>"),
        # block boundaries end a multi-word term
        ("<p>Security</p><p>Group</p>", f"<p>Security</p><p>{a('group', 'Group')}</p>"),
        ("<li>Security</li>\n<li>Group</li>", f"<li>Security</li>\n<li>{a('group', 'Group')}</li>"),
        ("<em>Security</em>\n<em>Group</em>", "<em>Security</em>\n<em>Group</em>"),
        # terms with link: false are never linked
        ("<p>Cluster</p>", "<p>Cluster</p>"),
        # text that is not HTML: a bare < is text
        ("<p>a < b VPC</p>", f"<p>a < b {a('vpc', 'VPC')}</p>"),
    ],
)
def test_tricky_cases(html: str, expected: str) -> None:
    assert link(html) == expected


def test_first_section_and_all_modes() -> None:
    html = '<p>VPC VPC</p><h2 id="a">A</h2><p>VPC</p><h3 id="b">B</h3><p>VPC</p><h2 id="c">C</h2><p>VPC</p>'
    first, section, every = (link(html, mode) for mode in ("first", "section", "all"))
    assert first == html.replace("<p>VPC VPC", f"<p>{a('vpc', 'VPC')} VPC", 1)
    assert section == (
        f'<p>{a("vpc", "VPC")} VPC</p><h2 id="a">A</h2><p>{a("vpc", "VPC")}</p><h3 id="b">B</h3>'
        f'<p>VPC</p><h2 id="c">C</h2><p>{a("vpc", "VPC")}</p>'
    )
    assert every.count('href="../infra-specs/vocabulary/#term-vpc"') == 5
    assert link(html, "none") == html


def test_first_mode_links_the_first_linkable_use() -> None:
    html = "<h1>VPC</h1><p><code>VPC</code> then VPC and VPC</p>"
    assert link(html, "first") == f"<h1>VPC</h1><p><code>VPC</code> then {a('vpc', 'VPC')} and VPC</p>"


def test_an_explicit_reference_counts_as_the_first_link_and_a_use() -> None:
    html = '<p><a class="infraspec-term" data-term="vpc" href="#term-x">the network</a> of the VPC</p>'
    result = link_html(html, PAGE, GLOSSARY, LINKS, mode="first")
    assert result.html == html
    assert result.uses == [Use("vpc", PAGE, None, None, 2)]
    by_fragment = '<p><a class="infraspec-term" href="../v/#term-subnet">Subnet</a> a Subnet</p>'
    result = link_html(by_fragment, PAGE, GLOSSARY, LINKS, mode="first")
    assert result.html == by_fragment
    assert result.uses == [Use("subnet", PAGE, None, None, 2)]
    # a plain Markdown link to the entry ([[term:...]] as rendered, or written by hand)
    markdown_link = '<p><a href="infra-specs/vocabulary.md#term-group" title="x">groups</a> a Group</p>'
    result = link_html(markdown_link, PAGE, GLOSSARY, LINKS, mode="first")
    assert result.html == markdown_link
    assert result.uses == [Use("group", PAGE, None, None, 2)]
    # the vocabulary page's index and see-also links are navigation, not uses
    index = '<p><a href="#term-vpc">VPC</a> · <a href="#term-group">Group</a></p>'
    assert link_html(index, "infra-specs/vocabulary.md", GLOSSARY, LINKS).uses == []


def test_a_term_is_not_linked_in_its_own_entry() -> None:
    html = (
        '<div class="infraspec-term-entry" id="term-vpc"><p>A VPC holds a Subnet.</p>'
        '<div class="facts"><p>VPC</p></div></div><p>VPC</p>'
        '<dl><dt class="infraspec-term-entry" data-term="subnet">Subnet</dt><dd>Subnet of a VPC</dd></dl>'
    )
    result = link_html(html, "infra-specs/vocabulary.md", GLOSSARY, LINKS, mode="all")
    here = ""
    assert result.html == (
        f'<div class="infraspec-term-entry" id="term-vpc"><p>A VPC holds a {a("subnet", "Subnet", here)}.</p>'
        f'<div class="facts"><p>VPC</p></div></div><p>{a("vpc", "VPC", here)}</p>'
        f'<dl><dt class="infraspec-term-entry" data-term="subnet">Subnet</dt>'
        f'<dd>{a("subnet", "Subnet", here)} of a {a("vpc", "VPC", here)}</dd></dl>'
    )
    assert {(use.term, use.occurrences) for use in result.uses} == {("subnet", 2), ("vpc", 2)}


def test_uses_record_the_section_of_each_use() -> None:
    html = (
        "<p>VPC</p>"
        '<h2 id="net">Network &amp; <code>VPC</code> <a class="headerlink" href="#net">¶</a></h2>'
        "<p>Subnet, VPC, VPC</p><h3>Untitled id</h3><p>Cluster <code>Group</code></p>"
        "<p><em>Security</em> Group</p>"
    )
    result = link_html(html, PAGE, GLOSSARY, LINKS)
    assert result.uses == [
        Use("vpc", PAGE, None, None, 1),
        Use("subnet", PAGE, "net", "Network & VPC", 1),
        Use("vpc", PAGE, "net", "Network & VPC", 2),
        Use("cluster", PAGE, None, "Untitled id", 1),
        Use("security-group", PAGE, None, "Untitled id", 1),
    ]
    assert result.linked == 2


def test_linking_twice_changes_nothing() -> None:
    html = "<p>VPC in a Subnet of a Security Group</p>"
    once = link(html)
    assert link(once) == once


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown link mode 'every'"):
        link_html("<p>VPC</p>", PAGE, GLOSSARY, LINKS, mode="every")  # type: ignore[arg-type]


def test_no_terms_returns_the_html_as_is() -> None:
    assert link_html("<p>VPC</p>", PAGE, Glossary([]), LINKS).html == "<p>VPC</p>"


_ADDED = re.compile(r'<a class="infraspec-term" href="[^"]*" title="[^"]*">|</a>')


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["VPC", "vpc", "Security", " ", "Group", "s", "é", "&amp;", "&nbsp;", "R&amp;D", "<p>", "</p>",
             "<em>", "</em>", "<code>", "</code>", '<a href="x">', "</a>", "<h2>", "</h2>", "<!--", "-->",
             "<", ">", '"', "<br>", '<img alt="VPC">', "ß", "İ", "\n", "Zürich", "<script>", "</script>"]
        ),
        max_size=40,
    )
)
def test_only_links_are_added(parts: list[str]) -> None:
    html = "".join(parts)
    out = link(html)
    removed = _ADDED.sub("", out)
    # every </a> that was in the input is still there, so compare with the input's own </a> removed
    assert removed == html.replace("</a>", "")
