"""The glossary in a real Material build: linking in on_page_content, backlinks filled after every page.

Until the plugin calls the glossary (phase 2 of the vocabulary issue), a hook file plays its
part here, in the hooks the plugin will use, so that the linker meets the HTML Material's
Markdown extensions really produce (permalinks, highlighted code, Mermaid fences).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

MKDOCS_YML = """\
site_name: Glossary build
theme:
  name: material
  font: false
hooks:
  - glossary_hook.py
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - toc:
      permalink: true
  - pymdownx.highlight
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""

HOOK = '''\
from mkdocs_infraspec.glossary import (
    BACKLINKS_PLACEHOLDER, Glossary, UseIndex, fill_backlinks, link_html, render_backlinks, unused_terms,
)
from mkdocs_infraspec.links import Links
from mkdocs_infraspec.models.vocabulary import Term

TERMS = [
    Term(term="VPC", expansion="Virtual Private Cloud", definition="An isolated network."),
    Term(term="Security Group", definition="A stateful firewall."),
    Term(term="Subnet", definition="A range of a VPC's addresses."),
    Term(term="Bastion", definition="A jump host."),
]
state = {}


def on_pre_build(config):
    state["glossary"] = Glossary(TERMS)
    state["links"] = Links(use_directory_urls=config["use_directory_urls"])
    state["uses"] = UseIndex()


def on_page_content(html, page, config, files):
    result = link_html(html, page.file.src_uri, state["glossary"], state["links"])
    state["uses"].record(page.file.src_uri, result.uses)
    return result.html


def on_env(env, config, files):
    for diagnostic in unused_terms(TERMS, state["uses"]):
        print("UNUSED", diagnostic.message)
    state["titles"] = {f.src_uri: f.page.title for f in files.documentation_pages() if f.page}
    return env


def on_page_context(context, page, config, nav):
    if page.file.src_uri == "infra-specs/vocabulary.md":
        def render(term):
            return render_backlinks(state["uses"].of(term), state["links"], page.file.src_uri, state["titles"])
        page.content = fill_backlinks(page.content, render)
    return context
'''

INDEX = """\
# Network

Every VPC has a Subnet per zone; security groups guard them.

## The VPC { #the-vpc }

The `VPC` id is in code. A second VPC is not linked again.

```python
vpc = "VPC"
```

```mermaid
graph LR
  VPC --> Subnet
```

!!! note "VPC"
    Admonitions are prose: a Subnet again.
"""

VOCABULARY = """\
# Vocabulary

<div class="infraspec-term-entry" data-term="vpc" markdown>

### VPC { #term-vpc }

An isolated network; each VPC holds a Subnet.

<!-- infraspec-backlinks: vpc -->

</div>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test site, built once with ``mkdocs build --strict``."""
    tmp_path = tmp_path_factory.mktemp("glossary-build")
    (tmp_path / "docs" / "infra-specs").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (tmp_path / "glossary_hook.py").write_text(HOOK, encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text(INDEX, encoding="utf-8")
    (tmp_path / "docs" / "infra-specs" / "vocabulary.md").write_text(VOCABULARY, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "UNUSED term 'Bastion' ('bastion') is defined but used on no page" in done.stdout
    return tmp_path / "site"


def article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    assert match
    return match.group(1)


def test_terms_are_linked_in_a_real_material_build(site: Path) -> None:
    index = article(site / "index.html")
    link = '<a class="infraspec-term" href="{href}" title="{title}">{text}</a>'
    vpc = link.format(href="infra-specs/vocabulary/#term-vpc", title="Virtual Private Cloud: An isolated network.", text="VPC")
    subnet = link.format(href="infra-specs/vocabulary/#term-subnet", title="A range of a VPC&#x27;s addresses.", text="Subnet")
    groups = link.format(href="infra-specs/vocabulary/#term-security-group", title="A stateful firewall.", text="security groups")
    assert f"<p>Every {vpc} has a {subnet} per zone; {groups} guard them.</p>" in index
    # the heading, the code, the highlighted block and the Mermaid source stay as they were
    assert '<h2 id="the-vpc">The VPC<a class="headerlink" href="#the-vpc" title="Permanent link">&para;</a></h2>' in index
    assert "<p>The <code>VPC</code> id is in code. A second VPC is not linked again.</p>" in index
    assert '<pre class="mermaid"><code>graph LR\n  VPC --&gt; Subnet</code></pre>' in index
    assert index.count('class="infraspec-term"') == 3
    assert '<p class="admonition-title">VPC</p>' in index


def test_the_vocabulary_entry_gets_backlinks_and_no_link_to_itself(site: Path) -> None:
    vocabulary = article(site / "infra-specs" / "vocabulary" / "index.html")
    assert "<p>An isolated network; each VPC holds a " in vocabulary
    assert 'href="#term-subnet"' in vocabulary
    assert 'class="infraspec-term" href="#term-vpc"' not in vocabulary
    assert (
        '<ul class="infraspec-backlinks infraspec-nolink">'
        '<li><a href="../..">Network</a>: <a href="../..#the-vpc">The VPC</a></li></ul>'
    ) in vocabulary
