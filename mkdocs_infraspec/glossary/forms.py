"""The written forms a term is recognised by: its own forms, their regular plurals, and case rules."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models.vocabulary import Term
from .text import normalize_form

_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")
_LAST_WORD = re.compile(r"[\s\-\u2010\u2011]")
_VOWELS = "aeiou"


def is_acronym(form: str) -> bool:
    """Whether ``form`` is written like an acronym: two or more letters, none lower-case.

    ``VPC``, ``AZ``, ``RDS`` and ``EC2`` are; ``Subnet``, ``IPv4`` and ``S3`` (one letter) are
    not. The same rule as :attr:`Term.acronym`, applied to each form of a term.
    """
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def plural(form: str) -> str | None:
    """The regular English plural of ``form``'s last word, or ``None`` if it has none.

    The last word is what follows the last space or hyphen (``Multi-AZ`` -> ``AZ``,
    ``Customer-Managed Key`` -> ``Key``). Written in capitals (an acronym: ``VPC``, ``EC2``,
    ``AZ``) it takes ``s`` (``VPCs``, ``EC2s``, ``Multi-AZs``); ending in s, x, z, ch or sh
    it takes ``es`` (``Cache`` -> ``Caches`` but ``Mesh`` -> ``Meshes``); a consonant and
    ``y`` become ``ies`` (``Policy`` -> ``Policies``); other words take ``s``. Irregular
    plurals (``Indices``) are written as aliases.
    """
    if not form or not form[-1].isalnum():
        return None
    last = _LAST_WORD.split(form)[-1]
    if is_acronym(last) or (last.isalpha() and last.isupper()):
        return form + "s"  # EC2s, Multi-AZs, Plan-Bs
    if not form[-1].isalpha():
        return None  # IPv4, S3: no regular plural
    lower = last.lower()
    if lower.endswith(_SIBILANT_ENDINGS):
        return form + "es"
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
        return form[:-1] + "ies"
    return form + "s"


@dataclass(frozen=True)
class Form:
    """One written form of a term as matched: its text, whether case must match, how it arose."""

    text: str
    term: Term
    exact: bool
    """Match the case as written (acronyms, or the term's ``case_sensitive: true``)."""
    generated: bool = False
    """A regular plural made from another form, not written by the author."""


def forms_of(term: Term) -> list[Form]:
    """Every form ``term`` is recognised by: the term, its expansion, its aliases, two plurals.

    The term and its expansion also match in their regular plural (:func:`plural`); aliases
    match as written, since they are where irregular plurals and other forms are spelt out.

    Case: with ``case_sensitive`` set, it applies to every form; otherwise a form written
    like an acronym (``VPC``) matches exactly and any other form (``Virtual Private Cloud``,
    ``subnet``) in any case.
    """
    written: list[Form] = []
    seen: set[str] = set()
    for raw in term.forms:
        text = normalize_form(raw)
        if not text or text in seen:
            continue
        seen.add(text)
        exact = term.case_sensitive if term.case_sensitive is not None else is_acronym(text)
        written.append(Form(text, term, exact))
    generated: list[Form] = []
    pluralized = {normalize_form(term.term), normalize_form(term.expansion or "")}
    for form in written:
        if form.text not in pluralized:
            continue
        many = plural(form.text)
        if many and many not in seen:
            seen.add(many)
            generated.append(Form(many, term, form.exact, generated=True))
    return written + generated
