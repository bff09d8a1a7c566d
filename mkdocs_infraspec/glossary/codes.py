"""Stable codes of the vocabulary findings (``IS35x``); each code's docstring is its documentation.

They join :data:`mkdocs_infraspec.codes.BUILTIN` through :func:`register`, called once by
whoever lists every code (the reference docs, the CLI), not as a side effect of importing
this module: the listing must not depend on which modules happened to be imported first.

``IS352`` is deliberately not used: a ``see_also`` naming an unknown term is a reference
like any other, reported as ``IS301 unknown-reference``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

from ..codes import BUILTIN, Code
from ..diagnostics import Severity

_DEFINED: list[Code] = []


def _code(
    code: str, name: str, severity: Severity, *, configurable: bool = False
) -> Callable[[Callable[[], None]], Code]:
    """Define a vocabulary code; the decorated function exists only to carry the docstring."""

    def define(func: Callable[[], None]) -> Code:
        entry = Code(code, name, severity, inspect.cleandoc(func.__doc__ or ""), "vocabulary", configurable)
        _DEFINED.append(entry)
        return entry

    return define


@_code("IS350", "duplicate-term", Severity.ERROR)
def DUPLICATE_TERM() -> None:
    """Two terms are written the same, ignoring case: a reader cannot tell which one is meant.

    Uses of the term link to the first definition. Merge the two, or rename one.

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


@_code("IS351", "alias-collision", Severity.WARNING)
def ALIAS_COLLISION() -> None:
    """An alias or expansion of one term is also a form of another term, ignoring case.

    The form links to one of them only: a term's own name first, else the term defined
    first. Remove the alias from one of the two terms.

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


@_code("IS353", "unused-term", Severity.INFO, configurable=True)
def UNUSED_TERM() -> None:
    """A term is defined but used on no page of the built site.

    Counted after every page is built: a use is any occurrence in linkable prose (on
    generated or hand-written pages, including other terms' definitions) or an explicit
    `[[term:...]]` reference. An info by default (a vocabulary may define words for the
    implementers to come); set `glossary: {unused_terms: warning}` in mkdocs.yml to fail
    `mkdocs build --strict`, or suppress it on one term with a reason.

    FAIL: `Bastion host` is defined and no page mentions a bastion host.
    PASS: the security page says "Operators reach private subnets through the bastion host."
    """


VOCABULARY_CODES: tuple[Code, ...] = tuple(_DEFINED)


def register(registry: dict[str, Code] = BUILTIN) -> None:
    """Add the vocabulary codes to ``registry`` (the built-in codes), once; in code order."""
    for entry in VOCABULARY_CODES:
        registry.setdefault(entry.code, entry)
