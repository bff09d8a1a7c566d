"""The ``infraspec`` plugin's options in mkdocs.yml; each option's docstring is its documentation."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError


class Prefix(c.Type[str]):
    """A URL prefix under the site root: no leading slash, one trailing slash."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value).strip()
        stripped = text.strip("/")
        if not stripped:
            raise ValidationError("must name a folder of the site, such as 'infra-specs/'")
        if any(part in ("", ".", "..") for part in stripped.split("/")):
            raise ValidationError(f"{text!r} must be a plain path such as 'infra-specs/' or 'spec/platform/'")
        return stripped + "/"


class Level(c.Choice[str]):
    """A finding level; YAML reads an unquoted `off` as `false`, which means `off` here too."""

    def run_validation(self, value: object) -> str:
        return super().run_validation("off" if value is False else value)


class GlossaryConfig(base.Config):  # type: ignore[no-untyped-call]
    """The ``glossary:`` option: how defined terms are linked, and how unused terms are reported."""

    link = c.Choice(("first", "section", "all", "none"), default="first")
    """Which uses of a term are linked: `first` on each page, `section` (first after each
    `h1`/`h2`), `all`, or `none` (uses still counted for backlinks and unused terms)."""

    unused_terms = Level(("info", "warning", "error", "off"), default="info")
    """The level of `IS353 unused-term` (a term no page uses); `rules: {IS353: ...}` wins over it."""


class InfraSpecConfig(base.Config):  # type: ignore[no-untyped-call]
    """Options of the ``infraspec`` plugin.

    ```yaml
    plugins:
      - search
      - infraspec:
          spec_dir: infra-specs
      - mermaid2:
          javascript: js/mermaid.min.js
    ```
    """

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it, e.g. `enabled: !ENV [INFRASPEC, true]`.

    When off, no spec is read, no page is generated and `[[kind:id]]` references are left as written.
    """

    spec_dir = c.Type(str, default="infra-specs")
    """The folder that holds the spec's YAML files, relative to mkdocs.yml.

    Keep it outside `docs_dir`: the plugin generates the pages, MkDocs should not copy the YAML.
    """

    prefix = Prefix(default="infra-specs/")
    """Where the generated pages go in the site: `infra-specs/` gives `infra-specs/security/`.

    Component pages go under `<prefix>components/`. A hand-written page at the same path wins
    over a generated one (the plugin logs which it skipped).
    """

    nav = c.Choice(("auto", "off"), default="auto")
    """How the generated pages appear in the navigation.

    - `auto`: if your `nav` has an entry naming the prefix (`- Specification: infra-specs/`),
      the generated section replaces it, under your title; otherwise the section is appended
      at the end, titled `nav_title`. Without a `nav` in mkdocs.yml, your pages keep MkDocs'
      automatic order and the section comes last.
    - `off`: the plugin leaves the navigation alone; list the pages yourself
      (`infra-specs/index.md`, `infra-specs/security.md`, `infra-specs/components/<id>.md`).
    """

    nav_title = c.Type(str, default="Specification")
    """The title of the generated section when `nav: auto` appends it or your entry has no title."""

    templates = c.Optional(c.Dir(exists=True))
    """A folder of your own templates, searched before the shipped ones (relative to mkdocs.yml).

    Copy one template from the package's `templates/` folder (`security.md.j2`,
    `partials/assertion.md.j2`...) into it and edit it; the others stay as shipped.
    Each template opens with a comment that lists the variables it receives.
    """

    component_pages = c.Type(bool, default=True)
    """Give each component a page of its own that gathers everything the spec says about it.

    When off, links to a component go to its entry on the responsibilities page.
    """

    rules = c.Type(dict, default={})
    """Rule levels, by code or name: `error`, `warning`, `info` or `off`.

    ```yaml
    rules:
      IS412: off
      component-owner: warning
    ```
    Errors stop every build; warnings stop `mkdocs build --strict`.
    """

    health_page = c.Type(bool, default=True)
    """Add a "Spec health" page (`infra-specs/health/`) after the concern pages.

    It lists the rules' active findings by severity and category, each linked to its item;
    every suppression with its reason, expiry date and status; and a component x concern
    coverage heat map. The same findings stop `mkdocs build --strict`.
    """

    edit_links = c.Type(bool, default=True)
    """Point each generated page's edit link (with `repo_url` and `edit_uri` set) at the YAML file it is written from."""

    css = c.Type(bool, default=True)
    """Add the plugin's small stylesheet (badges, facts lists, option cards) to the site."""

    markdown_extensions = c.Type(bool, default=True)
    """Enable the Markdown extensions the generated pages need when mkdocs.yml does not.

    They are `admonition`, `attr_list`, `md_in_html`, `tables`, `pymdownx.details` and
    `pymdownx.tabbed` (alternate style); each one added is logged at INFO.
    """

    xrefs = c.Type(bool, default=True)
    """Turn `[[kind:id]]` and `[[kind:id|text]]` in every page into links to spec items.

    An unknown kind or id is a warning (so `mkdocs build --strict` fails) naming the page,
    line and column, with a "did you mean".
    """

    glossary = c.SubConfig(GlossaryConfig)
    """How the terms of `vocabulary.yaml` are linked on every page (generated and hand-written).

    ```yaml
    glossary:
      link: first          # first | section | all | none
      unused_terms: info   # info | warning | error | off
    ```
    Every use of a term, its expansion, an alias or a plural links to its entry on the
    vocabulary page, with the definition as a tooltip; the entry lists the pages and
    sections that use it. `unused_terms: warning` makes `mkdocs build --strict` fail on a
    term no page uses. See [the vocabulary](../vocabulary.md).
    """
