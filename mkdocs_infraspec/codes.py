"""Stable codes of the built-in checks (loading, schema, references, vocabulary); their docs are their docstrings.

Codes ``IS1xx`` come from reading YAML, ``IS2xx`` from the schema, ``IS3xx`` from
checking references across the whole spec (``IS35x``: the vocabulary, checked by
:mod:`mkdocs_infraspec.glossary`). Architecture rules (``IS4xx`` and up) live in
:mod:`mkdocs_infraspec.rules`. A code never changes meaning once released.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from .diagnostics import Diagnostic, Location, Severity


@dataclass(frozen=True)
class Code:
    """A stable finding code with its readable name, default severity and documentation."""

    code: str
    name: str
    severity: Severity
    doc: str
    category: str = "spec"
    configurable: bool = False

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name

    def __call__(
        self,
        where: Location,
        message: str,
        *,
        hint: str | None = None,
        related: tuple[Location, ...] = (),
        severity: Severity | None = None,
    ) -> Diagnostic:
        return Diagnostic.at(
            where,
            self.code,
            severity or self.severity,
            message,
            hint=hint,
            name=self.name,
            related=related,
        )


BUILTIN: dict[str, Code] = {}


def _code(
    code: str,
    name: str,
    category: str,
    severity: Severity = Severity.ERROR,
    *,
    configurable: bool = False,
) -> Callable[[Callable[[], None]], Code]:
    """Register a built-in code; the decorated function exists only to carry the docstring.

    ``configurable``: its level may be set in the ``rules:`` option, like a rule's.
    """

    def register(func: Callable[[], None]) -> Code:
        entry = Code(code, name, severity, inspect.cleandoc(func.__doc__ or ""), category, configurable)
        BUILTIN[code] = entry
        return entry

    return register


# --- reading YAML -------------------------------------------------------------------------


@_code("IS101", "yaml-syntax", "yaml")
def YAML_SYNTAX() -> None:
    """The file is not valid YAML.

    The message says what the YAML parser expected and where; the hint names the usual
    cause (an unquoted `: ` inside a value, a list item at the wrong indentation...).

    FAIL:
    ```yaml
    components:
      - id: api
        name: API: public
    ```
    PASS:
    ```yaml
    components:
      - id: api
        name: "API: public"
    ```
    """


@_code("IS102", "duplicate-key", "yaml")
def DUPLICATE_KEY() -> None:
    """A mapping has the same key twice.

    YAML loaders silently keep the last value; mkdocs-infraspec refuses, naming both lines,
    because one of the two values is lost without a word.

    FAIL:
    ```yaml
    - id: rds-main
      name: Primary database
      name: Ledger database
    ```
    PASS:
    ```yaml
    - id: rds-main
      name: Ledger database
    ```
    """


@_code("IS103", "yaml-implicit-type", "yaml")
def YAML_IMPLICIT_TYPE() -> None:
    """An unquoted value was read as a boolean, number, date or null where text belongs.

    YAML 1.1 reads `yes`, `no`, `on`, `off` as booleans, `1.10` as the number 1.1 and
    `2024-01-01` as a date. Where the spec expects text, quote the value.

    FAIL:
    ```yaml
    name: no        # read as false
    version: 1.10   # read as 1.1
    ```
    PASS:
    ```yaml
    name: "no"
    version: "1.10"
    ```
    """


@_code("IS104", "invalid-encoding", "yaml")
def INVALID_ENCODING() -> None:
    """The file is not valid UTF-8 text.

    The location is the first byte that cannot be decoded. Save the file as UTF-8.
    """


@_code("IS105", "empty-file", "yaml")
def EMPTY_FILE() -> None:
    """A concern file holds no YAML document (it is empty or only comments).

    Delete the file if the concern is not written yet, or give it its fields.
    """


@_code("IS106", "multiple-documents", "yaml")
def MULTIPLE_DOCUMENTS() -> None:
    """A concern file holds more than one YAML document (a second `---`).

    Each concern file is one document. To split a large concern, make it a folder
    (`responsibilities/*.yaml`): the files of a folder are merged.
    """


@_code("IS107", "tab-indentation", "yaml")
def TAB_INDENTATION() -> None:
    """A tab character is used where YAML needs spaces for indentation."""


@_code("IS108", "alias-expansion", "yaml")
def ALIAS_EXPANSION() -> None:
    """YAML anchors and aliases expand beyond a sane size, or refer to themselves.

    Anchors (`&name`) and aliases (`*name`) are accepted, but an alias that contains itself
    or expands to more than 10,000 values (a "billion laughs" document) is refused.
    """


@_code("IS109", "missing-concern", "files")
def MISSING_CONCERN() -> None:
    """A required concern file is not in the spec folder.

    Every concern except `clarifications` is required; the message names the file that
    was looked for (`security.yaml`, `security.yml` or a `security/` folder).
    """


@_code("IS110", "merge-conflict", "files")
def MERGE_CONFLICT() -> None:
    """Two files of a concern folder set the same single value differently.

    Lists from the files of a folder are concatenated and mappings merged, but a single
    value (a name, a currency) can only be set in one of them.
    """


@_code("IS111", "ambiguous-concern", "files")
def AMBIGUOUS_CONCERN() -> None:
    """A concern is written twice: as `name.yaml` and `name.yml`, or as a file and a folder."""


@_code("IS112", "unknown-file", "files", Severity.WARNING)
def UNKNOWN_FILE() -> None:
    """A YAML file in the spec folder is not a known concern (often a misspelt name).

    FAIL: `infra-specs/responsibilites.yaml`
    PASS: `infra-specs/responsibilities.yaml`
    """


@_code("IS113", "unreadable", "files")
def UNREADABLE() -> None:
    """The spec folder or a file in it cannot be read (missing, a directory, no permission)."""


@_code("IS114", "unsupported-tag", "yaml")
def UNSUPPORTED_TAG() -> None:
    """The YAML uses a tag (`!!python/object`, `!include`) that safe loading does not allow."""


# --- the schema ---------------------------------------------------------------------------


@_code("IS201", "unknown-field", "schema")
def UNKNOWN_FIELD() -> None:
    """A field that the concern does not define (often a typo); the hint names the closest field.

    FAIL:
    ```yaml
    components:
      - id: api
        name: API
        dependancies: [vpc]
    ```
    PASS:
    ```yaml
        dependencies: [vpc]
    ```
    """


@_code("IS202", "missing-field", "schema")
def MISSING_FIELD() -> None:
    """A required field is absent.

    FAIL:
    ```yaml
    components:
      - name: API gateway   # no id
    ```
    PASS:
    ```yaml
    components:
      - id: api-gateway
        name: API gateway
    ```
    """


@_code("IS203", "wrong-type", "schema")
def WRONG_TYPE() -> None:
    """A value has the wrong shape: text where a list belongs, a list where a mapping belongs.

    FAIL:
    ```yaml
    goals: Keep payments flowing     # a list is expected
    ```
    PASS:
    ```yaml
    goals:
      - Keep payments flowing
    ```
    """


@_code("IS204", "invalid-value", "schema")
def INVALID_VALUE() -> None:
    """A value has the right shape but is not valid: a malformed id, duration, CIDR, an unknown choice.

    FAIL:
    ```yaml
    id: RDS_Main          # ids are lowercase kebab-case
    rpo: 5 minutes        # durations are 5m, 1h, 7d or ISO 8601 (PT5M)
    cidr: 10.0.1.0/33     # not a network
    ```
    PASS:
    ```yaml
    id: rds-main
    rpo: 5m
    cidr: 10.0.1.0/24
    ```
    """


# --- references ---------------------------------------------------------------------------


@_code("IS301", "unknown-reference", "references")
def UNKNOWN_REFERENCE() -> None:
    """A reference names an id that the spec does not define; the hint names the closest id.

    FAIL:
    ```yaml
    dependencies:
      - component: rds-mian
    ```
    PASS:
    ```yaml
    dependencies:
      - component: rds-main
    ```
    """


@_code("IS302", "duplicate-id", "references")
def DUPLICATE_ID() -> None:
    """Two items of the same kind share an id (in one file or across files).

    Ids are unique within their kind: two components cannot both be `api`, but a
    component and a layer can.
    """


@_code("IS303", "dependency-cycle", "references")
def DEPENDENCY_CYCLE() -> None:
    """Components (or layers) depend on each other in a circle; the message spells the cycle out.

    FAIL:
    ```yaml
    components:
      - id: api
        dependencies: [worker]
      - id: worker
        dependencies: [api]
    ```
    """


# --- the vocabulary ---------------------------------------------------------------------
# Found by mkdocs_infraspec.glossary; defined here so that every listing of the codes has
# them without importing the glossary. IS352 is deliberately not used: a `see_also` naming
# an unknown term is a reference like any other, IS301.


@_code("IS350", "duplicate-term", "vocabulary")
def DUPLICATE_TERM() -> None:
    """Two terms are written the same, ignoring case: a reader cannot tell which one is meant.

    Uses of the term link to the first definition. Merge the two, or rename one. It can be
    suppressed on the second term (`suppress: [{rule: duplicate-term, reason: ...}]`).

    FAIL:
    ```yaml
    terms:
      - term: Pod
        definition: A group of containers scheduled together.
      - term: POD
        definition: Point of delivery.
    ```
    PASS:
    ```yaml
    terms:
      - term: Pod
        definition: A group of containers scheduled together.
      - term: Point of delivery
        aliases: [PoD]
        definition: A rack-scale unit of compute, storage and network.
    ```
    """


@_code("IS351", "alias-collision", "vocabulary", Severity.WARNING)
def ALIAS_COLLISION() -> None:
    """An alias or expansion of one term is also a form of another term, ignoring case.

    The form links to one of them only: a term's own name first, else the term defined
    first. Remove the alias from one of the two terms, or suppress the finding on the term
    whose alias it is.

    FAIL:
    ```yaml
    terms:
      - term: Load Balancer
        aliases: [LB]
        definition: Spreads requests over targets.
      - term: LB
        expansion: Log bucket
        definition: The bucket that receives access logs.
    ```
    PASS:
    ```yaml
    terms:
      - term: Load Balancer
        aliases: [LB]
        definition: Spreads requests over targets.
      - term: Log bucket
        definition: The bucket that receives access logs.
    ```
    """


@_code("IS353", "unused-term", "vocabulary", Severity.INFO, configurable=True)
def UNUSED_TERM() -> None:
    """A term is defined but used on no page of the built site.

    Counted after every page is built (so `mkdocs build` reports it, `infraspec check`
    does not): a use is any occurrence in linkable prose (on generated or hand-written
    pages, including other terms' definitions) or an explicit `[[term:...]]` reference.
    An info by default (a vocabulary may define words for the implementers to come); set
    `glossary: {unused_terms: warning}` (or `rules: {unused-term: warning}`) in mkdocs.yml
    to fail `mkdocs build --strict`, or suppress it on one term with a reason.

    FAIL: `Bastion host` is defined and no page mentions a bastion host.
    PASS: the security page says "Operators reach private subnets through the bastion host."
    """


#: The vocabulary's codes, in code order.
VOCABULARY_CODES: tuple[Code, ...] = (DUPLICATE_TERM, ALIAS_COLLISION, UNUSED_TERM)


def suppressible(key: str) -> Code | None:
    """The built-in code a ``suppress:`` entry may name (by code or name), or ``None``.

    Only the vocabulary's: they are findings about one term, suppressed on that term.
    The other built-in checks are mistakes to fix, never to silence.
    """
    text = key.strip()
    wanted = text.upper()
    for entry in VOCABULARY_CODES:
        if entry.code == wanted or entry.name == text.lower():
            return entry
    return None
