"""The vocabulary findings: duplicate terms and colliding aliases (from the spec), unused terms (from the site)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import codes
from ..diagnostics import Diagnostic, Location, Severity, Suppressed
from ..models import Spec
from ..models.base import Item
from ..models.vocabulary import Term
from .text import fold, normalize_form

if TYPE_CHECKING:
    from .linker import Use


def _suppress(diagnostic: Diagnostic, item: Item, today: _dt.date | None = None) -> Diagnostic:
    """``diagnostic``, marked suppressed if ``item`` suppresses its code or name.

    As for the rules: only a suppression with a reason that has not expired counts (the
    rule engine reports the others, IS403 and the missing reason).
    """
    today = today or _dt.date.today()
    for suppression in item.suppress:
        if codes.suppressible(suppression.rule) is not codes.BUILTIN.get(diagnostic.code):
            continue
        if not suppression.reason.strip() or (suppression.until is not None and suppression.until < today):
            continue
        until = suppression.until.isoformat() if suppression.until else None
        return replace(diagnostic, suppressed=Suppressed(suppression.reason.strip(), until, suppression.loc("rule")))
    return diagnostic


def _written_forms(term: Term) -> list[tuple[str, str, Location]]:
    """(form, what it is, where written) for the term, its expansion and its aliases."""
    forms = [(term.term, "term", term.loc("term"))]
    if term.expansion:
        forms.append((term.expansion, "expansion", term.loc("expansion")))
    forms.extend(
        (alias, "alias", term.loc("aliases", index)) for index, alias in enumerate(term.aliases)
    )
    return forms


def check_vocabulary(spec: Spec, *, today: _dt.date | None = None) -> list[Diagnostic]:
    """Terms written twice (IS350) and aliases or expansions that name another term (IS351).

    Both compare forms ignoring case and extra white space. A form repeated within one term
    is harmless and not reported; a duplicated id is IS302 (the index reports it).
    """
    diagnostics: list[Diagnostic] = []
    names: dict[str, Term] = {}
    owners: dict[str, tuple[Term, str]] = {}
    terms = spec.vocabulary.terms
    for term in terms:
        key = fold(normalize_form(term.term))
        first = names.get(key)
        if first is not None and first is not term:
            diagnostics.append(_suppress(codes.DUPLICATE_TERM(
                term.loc("term"),
                f"term {term.term!r} ({term.id!r}) is already defined as {first.term!r} ({first.id!r})",
                hint="merge the two definitions, or rename one of the terms",
                related=(first.loc("term"),),
            ), term, today))
        else:
            names[key] = term
    for term in terms:
        for form, what, where in _written_forms(term)[1:]:
            key = fold(normalize_form(form))
            named = names.get(key)
            if named is not None and named is not term:
                owner, owner_what = named, "term"
            else:
                owner, owner_what = owners.setdefault(key, (term, what))
            if owner is term:
                continue
            diagnostics.append(_suppress(codes.ALIAS_COLLISION(
                where,
                f"{what} {form!r} of term {term.id!r} is also the {owner_what} of term {owner.id!r}; "
                f"it links to {owner.id!r}",
                hint=f"remove {form!r} from one of the two terms",
                related=(owner.loc("term"),),
            ), term, today))
    return diagnostics


def used_terms(uses: Iterable[Use]) -> set[str]:
    """The ids of the terms used at least once."""
    return {use.term for use in uses}


def unused_terms(
    terms: Iterable[Term],
    uses: Iterable[Use],
    *,
    severity: Severity | None = None,
    today: _dt.date | None = None,
) -> list[Diagnostic]:
    """IS353 for each term used on no page; call it once every page has been linked.

    ``uses`` are all the pages' :attr:`LinkResult.uses`; ``severity`` overrides the code's
    default level (``info``), as set by ``glossary: {unused_terms: ...}``.
    """
    used = used_terms(uses)
    diagnostics = []
    for term in terms:
        if term.id in used:
            continue
        diagnostics.append(_suppress(codes.UNUSED_TERM(
            term.loc("term"),
            f"term {term.term!r} ({term.id!r}) is defined but used on no page",
            hint="use it in prose or reference it as [[term:" + term.id + "]], or remove it",
            severity=severity,
        ), term, today))
    return diagnostics
