"""plugin.glossary: terms linked by the real plugin in real builds, backlinks, unused terms, link modes.

The site fixture with one hand-written page added, ``terms.md``, and one term no page uses.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.support.build import SITE_FIXTURE, Build, build, copy_project, main_content

pytestmark = pytest.mark.slow

TERMS_PAGE = """\
# Terms in prose

Every VPC has Subnets; a second VPC is not linked again. The vpc-endpoint-id and
prod-subnet are identifiers, not uses.

## Moorings { #moorings }

A Mooring is booked through the API. The `VPC` in code stays as it is.

<div class="infraspec-nolink" markdown>
A Mooring inside a nolink block is not linked.
</div>

```python
vpc = "VPC"  # a Subnet in code
```

```mermaid
graph LR
  VPC --> Subnet
```

!!! note "RPO"
    Admonitions are prose: the RPO.
"""

BASTION = """\
  - term: Bastion
    category: Core concepts
    definition: A jump host nobody mentions.
"""


def make_project(tmp_path: Path, name: str, options: str = "") -> Path:
    """The site fixture, plus terms.md in the nav, a term no page uses, and ``options`` for infraspec."""
    project = copy_project(SITE_FIXTURE, tmp_path / name)
    (project / "docs" / "terms.md").write_text(TERMS_PAGE, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - Guide: guide.md\n", "  - Guide: guide.md\n  - Terms: terms.md\n", 1)
    config.write_text(text.replace("  - infraspec:\n", "  - infraspec:\n" + options, 1), encoding="utf-8")
    vocabulary = project / "infra-specs" / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + BASTION, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project built once with the default options and --strict."""
    done = build(make_project(tmp_path_factory.mktemp("glossary-plugin"), "default"), strict=True)
    assert done.ok, done.output
    return done


def link(href: str, title: str, text: str) -> str:
    return f'<a class="infraspec-term" href="{href}" title="{title}">{text}</a>'


VPC_TITLE = "Virtual Private Cloud: An isolated network of one environment. See the Subnet."


def test_a_hand_written_page_is_linked_first_use_only(site: Build) -> None:
    html = main_content(site.page("terms/"))
    vpc = link("../infra-specs/vocabulary/#term-vpc", VPC_TITLE, "VPC")
    subnets = link("../infra-specs/vocabulary/#term-subnet", "A range of a VPC&#x27;s addresses in one availability zone.", "Subnets")
    assert f"<p>Every {vpc} has {subnets}; a second VPC is not linked again. The vpc-endpoint-id and\nprod-subnet are identifiers, not uses.</p>" in html
    mooring = link("../infra-specs/vocabulary/#term-mooring", "A place where a boat is tied up; what Harbour books.", "Mooring")
    assert f"<p>A {mooring} is booked through the API. The <code>VPC</code> in code stays as it is.</p>" in html
    assert '<h2 id="moorings">Moorings<a class="headerlink"' in html
    assert "<p>A Mooring inside a nolink block is not linked.</p>" in html
    assert '<pre class="mermaid"><code>graph LR\n  VPC --&gt; Subnet</code></pre>' in html
    assert re.search(r'<code>.*vpc.*VPC.*a Subnet in code.*</code>', html, re.S)
    rpo = link("../infra-specs/vocabulary/#term-rpo", "Recovery Point Objective: The most data that may be lost, as a duration.", "RPO")
    assert f'<p class="admonition-title">RPO</p>\n<p>Admonitions are prose: the {rpo}.</p>' in html
    assert html.count('class="infraspec-term"') == 4


def test_generated_pages_are_linked_and_the_search_index_is_not(site: Build) -> None:
    architecture = main_content(site.page("infra-specs/architecture/"))
    assert re.search(r'<a class="infraspec-term" href="\.\./vocabulary/#term-vpc" title="[^"]+">VPC</a>', architecture)
    assert main_content(site.page("infra-specs/components/api/")).count('class="infraspec-term"') >= 1
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(entry["text"] for entry in index["docs"])
    assert "infraspec-term" not in texts  # the search plugin read each page before its links went in
    assert "Every VPC has Subnets" in texts


def test_the_vocabulary_lists_backlinks_by_page_and_section(site: Build) -> None:
    vocabulary = main_content(site.page("infra-specs/vocabulary/"))
    entry = vocabulary[vocabulary.index('data-term="mooring"'):]
    entry = entry[: entry.index("</div>")]
    assert (
        '<p class="infraspec-backlinks-title"><strong>Used in</strong></p>'
        '<ul class="infraspec-backlinks infraspec-nolink">'
        '<li><a href="../../terms/">Terms</a>: <a href="../../terms/#moorings">Moorings</a></li>'
        '<li><a href="../">Summary</a>: <a href="../#harbour-booking-co">Harbour &lt;Booking&gt; &amp; Co</a></li>'
        '<li><a href="../overview/">Overview</a></li>'
        '<li><a href="../architecture/">Architecture</a>: <a href="../architecture/#externals">Outside the system</a></li></ul>'
    ) in entry  # in the navigation's order: Home, Guide, Terms, then the spec
    bastion = vocabulary[vocabulary.index('data-term="bastion"'):]
    assert bastion[: bastion.index("</div>")].count("Not used on any page yet.") == 1
    assert "<!-- infraspec-backlinks" not in vocabulary


def test_an_unused_term_is_an_info_located_at_its_definition(site: Build) -> None:
    lines = [line for line in site.output.splitlines() if "IS353" in line]
    assert lines == [
        "INFO    -  infra-specs/vocabulary.yaml:21:11: info[IS353] term 'Bastion' ('bastion') is defined but "
        "used on no page; use it in prose or reference it as [[term:bastion]], or remove it"
    ]


def test_link_all_and_unused_terms_as_warnings_fail_strict(tmp_path: Path) -> None:
    project = make_project(tmp_path, "all", "      glossary:\n        link: all\n        unused_terms: warning\n")
    done = build(project, strict=True)
    assert not done.ok
    assert [line for line in done.warnings() if "IS353" in line] == [
        "WARNING -  infra-specs/vocabulary.yaml:21:11: warning[IS353] term 'Bastion' ('bastion') is defined but "
        "used on no page; use it in prose or reference it as [[term:bastion]], or remove it"
    ]
    assert "Aborted with 1 warnings in strict mode!" in done.output
    done = build(project)
    assert done.ok, done.output
    html = main_content(done.page("terms/"))
    assert html.count('class="infraspec-term" href="../infra-specs/vocabulary/#term-vpc"') == 2


def test_link_none_keeps_backlinks_and_rules_set_the_unused_term_level(tmp_path: Path) -> None:
    options = "      glossary: {link: none, unused_terms: error}\n"
    project = make_project(tmp_path, "none", options)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("        IS416: info\n", "        IS416: info\n        unused-term: off\n", 1), encoding="utf-8")
    page = project / "docs" / "terms.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee the [[term:Subnett]] and [[term:moorings]].\n", encoding="utf-8")
    done = build(project)
    assert done.ok, done.output
    assert "IS353" not in done.output  # rules: {unused-term: off} wins over unused_terms: error
    assert re.search(r"WARNING +- +docs/terms\.md:26:9: warning\[IS301\] unknown term 'Subnett' in \[\[term:Subnett\]\]; did you mean 'Subnet'\?", done.output), done.output
    html = main_content(done.page("terms/"))
    assert 'class="infraspec-term"' not in html
    assert '<a href="../infra-specs/vocabulary/#term-mooring" title="Term · A place where a boat is tied up; what Harbour books.">moorings</a>' in html
    vocabulary = main_content(done.page("infra-specs/vocabulary/"))
    assert 'class="infraspec-term"' not in vocabulary
    # the uses are counted all the same, the explicit reference with them
    assert '<li><a href="../../terms/">Terms</a>: <a href="../../terms/#moorings">Moorings</a></li>' in vocabulary


def test_unused_terms_as_errors_stop_the_build_with_the_definition_shown(tmp_path: Path) -> None:
    done = build(make_project(tmp_path, "error", "      glossary:\n        unused_terms: error\n"))
    assert not done.ok
    assert "Traceback" not in done.output
    assert "infraspec: the spec in infra-specs/ has 1 error:" in done.output
    assert "infra-specs/vocabulary.yaml:21:11: error[IS353] term 'Bastion' ('bastion') is defined but used on no page" in done.output
    assert "  - term: Bastion" in done.output
