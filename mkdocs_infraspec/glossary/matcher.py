"""The glossary of a build: every term's forms in one Aho-Corasick automaton, and look-ups by name.

Built once per build from ``spec.vocabulary.terms``. :meth:`Glossary.find` is one pass of
the automaton over a folded copy of the text (linear in its length, whatever the number of
terms), then a check of word boundaries and case on each hit, then leftmost-longest
selection so that ``Security Group`` wins over ``Group`` and no two matches overlap.
"""

from __future__ import annotations

import html
import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter
from unicodedata import category as _category

import ahocorasick

from ..index import SpecIndex
from ..links import anchor
from ..models.vocabulary import Term
from ..schema import closest
from .forms import Form, forms_of
from .text import _SPACES, fold, is_word_char, mask, normalize_form, plain_text

#: How a form ranks against another term's identical form: a term's own name first, then
#: expansions and aliases, then generated plurals; file order within each rank.
_RANK_TERM, _RANK_WRITTEN, _RANK_PLURAL = 0, 1, 2

_span_order = itemgetter(0, 1)

#: The class of every link the linker writes. An existing link to a term's entry (an explicit
#: ``[[term:...]]`` reference, or any ``<a href="page/#term-ID">``) counts as a use and a link
#: of the term named by its ``data-term`` attribute (with this class) or its fragment; a link
#: within the page (``href="#term-ID"``, as in the vocabulary's index) only with this class.
LINK_CLASS = "infraspec-term"

#: Characters that join two words into one identifier or compound when written between
#: letters or digits (``ledger-worker``, ``rds-ledger``, ``ledger.entry.posted``,
#: ``secrets/prod``): a term glued to another word by one of them is not a use of the term.
#: A form that contains one (``Multi-AZ``) matches as a whole all the same.
JOINERS = frozenset("-./\u2010\u2011")

#: An explicit reference in Markdown, ``[[kind:id]]`` or ``[[kind:id|text]]``: shown as its text.
_REFERENCE = re.compile(r"\[\[([a-z-]+):([^\]|]+)(?:\|([^\]]+))?\]\]")


@dataclass(frozen=True)
class Match:
    """A use of a term in a text: ``text[start:end]`` is the form found."""

    start: int
    end: int
    term: Term


#: One way a key of the automaton can be a use of a term, a tuple because it is unpacked for
#: every hit: (length of the form, whether it must start a word (its key then has a leading
#: space), whether it must end a word (its key then has a trailing space), the folded form to
#: compare with when masking changed it (``R&D`` is scanned as ``r d``) else ``None``, then
#: the ``(exact text, term)`` candidates in rank order, an empty exact text for a form that
#: matches in any case).
_Variant = tuple[int, bool, bool, "str | None", "Term | None", tuple[tuple[str, Term], ...]]
# (the fifth item is the term when the form simply matches in any case: the common case)


#: The glossary last made by :meth:`Glossary.of_index`, with a weak reference to its index.
_LAST: list[tuple[weakref.ref[SpecIndex], Glossary]] = []


class Glossary:
    """Every term of a vocabulary, ready to be found in text and looked up by name."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms: list[Term] = []
        self.by_id: dict[str, Term] = {}
        for term in terms:
            if term.id in self.by_id:  # a duplicate id is IS302; the first definition wins
                continue
            self.by_id[term.id] = term
            self.terms.append(term)
        ranked: dict[str, list[tuple[int, int, Form]]] = {}
        for order, term in enumerate(self.terms):
            for form in forms_of(term):
                if form.generated:
                    rank = _RANK_PLURAL
                else:
                    rank = _RANK_TERM if form.text == normalize_form(term.term) else _RANK_WRITTEN
                ranked.setdefault(fold(form.text), []).append((rank, order, form))
        self._names: dict[str, Term] = {}
        self._heads: dict[str, dict[str, str]] = {}
        variants: dict[str, list[_Variant]] = {}
        for key, entries in ranked.items():
            entries.sort(key=lambda entry: (entry[0], entry[1]))
            candidates: list[tuple[str, Term]] = []
            for _, _, form in entries:
                if not form.exact:
                    candidates.append(("", form.term))
                    break  # a form matching any case hides every later one
                candidates.append((form.text, form.term))
            self._names[key] = entries[0][2].term
            masked = mask(key)
            starts_word = is_word_char(key[0])
            # In the scanned text a space may stand for any character that ends a word: a
            # form with a space or a mark in it is compared with the text itself.
            verify = None if masked == key and " " not in key else key
            loose = candidates[0][1] if len(candidates) == 1 and not candidates[0][0] else None
            ends_word = is_word_char(key[-1])
            variant: _Variant = (len(key), starts_word, ends_word, verify, loose, tuple(candidates))
            # The spaces around a key stand for the characters that end a word: a key is found
            # only as a whole word, never as the start of a longer one (most raw hits would be).
            scanned = (" " if starts_word else "") + masked + (" " if ends_word else "")
            variants.setdefault(scanned, []).append(variant)
        self._automaton: ahocorasick.Automaton | None = None
        if variants:
            automaton = ahocorasick.Automaton()
            for scanned, found in variants.items():
                length, starts_word, ends_word, verify, loose, _ = found[0]
                if len(found) == 1 and starts_word and ends_word and verify is None and loose is not None:
                    # the common key: one word or acronym of one term, written as it is scanned
                    automaton.add_word(scanned, (length, loose))
                else:
                    automaton.add_word(scanned, found)
            automaton.make_automaton()
            self._automaton = automaton

    @classmethod
    def of_index(cls, index: SpecIndex) -> Glossary:
        """The glossary of the terms in ``index``, made once per index.

        A build makes one index and many resolvers and pages from it: they share one glossary
        (the last index's, held while that index lives).
        """
        cached = _LAST[0] if _LAST else None
        if cached is not None and cached[0]() is index:
            return cached[1]
        glossary = cls(entry.item for entry in index.entries("term") if isinstance(entry.item, Term))
        _LAST[:] = [(weakref.ref(index), glossary)]
        return glossary

    def __len__(self) -> int:
        return len(self.terms)

    def __bool__(self) -> bool:
        return bool(self.terms)

    # --- finding terms in text --------------------------------------------------------------

    def find(self, text: str) -> list[Match]:
        """Every use of a term in ``text``: whole words, case rules applied, longest first, no overlaps."""
        return [Match(start, end, term) for start, end, term in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int, Term]]:
        """:meth:`find` as ``(start, end, term)`` tuples: the linker's hot path."""
        automaton = self._automaton
        if automaton is None or not text:
            return []
        size = len(text)
        folded: str | None = None  # fold(text), made the first time a form needs it
        hits: list[tuple[int, int, Term]] = []
        append = hits.append
        # The scanned text has a space at each end (so that a term can start or end the text):
        # a key ending at scanned index ``end`` ends before ``text[end]``, or before
        # ``text[end - 1]`` when its last character is the space that ends a word.
        for end, variants in automaton.iter(" " + mask(text) + " "):
            if variants.__class__ is tuple:  # (length, term): a whole word, no more to compare
                stop = end - 1
                start = stop - variants[0]
                if start:
                    char = text[start - 1]
                    if char > "\x7f" and _category(char)[0] == "M":
                        continue
                    if char in JOINERS and start > 1 and is_word_char(text[start - 2]):
                        continue
                if stop < size:
                    char = text[stop]
                    if char > "\x7f" and _category(char)[0] == "M":
                        continue
                    if char in JOINERS and stop + 1 < size and is_word_char(text[stop + 1]):
                        continue
                append((start, -stop, variants[1]))
                continue
            for length, starts_word, ends_word, verify, loose, candidates in variants:
                stop = end - 1 if ends_word else end
                start = stop - length
                # boundaries: the key's spaces stood for any character that ends a word, but a
                # combining mark continues one, and a joiner between words makes an identifier
                if starts_word and start:
                    char = text[start - 1]
                    if char > "\x7f" and _category(char)[0] == "M":
                        continue
                    if char in JOINERS and start > 1 and is_word_char(text[start - 2]):
                        continue  # the end of an identifier: rds-ledger, ledger.entry
                if ends_word and stop < size:
                    char = text[stop]
                    if char > "\x7f" and _category(char)[0] == "M":
                        continue
                    if char in JOINERS and stop + 1 < size and is_word_char(text[stop + 1]):
                        continue  # the start of an identifier: ledger-worker, secrets/prod
                if verify is not None:
                    if folded is None:
                        folded = fold(text)
                    if folded[start:stop] != verify:
                        if loose is not None:
                            continue
                        verify = ""  # only exact forms can still match: they compare the text
                if loose is None:
                    written = text[start:stop]
                    for exact, term in candidates:
                        if exact:
                            if exact == written or (" " in exact and exact == written.translate(_SPACES)):
                                loose = term
                                break
                        elif verify != "":
                            loose = term
                            break
                    else:
                        continue
                append((start, -stop, loose))
        # The automaton reports hits by end position; leftmost-longest wants them by start.
        hits.sort(key=_span_order)
        spans: list[tuple[int, int, Term]] = []
        reached = 0
        for start, negative_end, term in hits:
            if start >= reached:
                reached = -negative_end
                spans.append((start, reached, term))
        return spans

    # --- looking terms up by name -----------------------------------------------------------

    def lookup(self, text: str) -> Term | None:
        """The term ``text`` names: its id, or any of its forms or their plurals, in any case.

        This is how an explicit reference (``[[term:VPC]]``, ``[[term:security-groups]]``)
        is resolved; unlike automatic linking it ignores case rules, because it is meant.
        """
        wanted = normalize_form(text)
        if not wanted:
            return None
        term = self.by_id.get(wanted) or self.by_id.get(wanted.lower())
        if term is not None:
            return term
        return self._names.get(fold(wanted))

    def suggest(self, text: str) -> str | None:
        """The written name closest to ``text`` (for "did you mean"), or ``None``."""
        # ids first: for names equal but for case, the written form is the one suggested
        names = [term.id for term in self.terms]
        names.extend(form for term in self.terms for form in term.forms)
        return closest(normalize_form(text), names)

    # --- what a link shows ------------------------------------------------------------------

    @cached_property
    def _titles(self) -> dict[str, str]:
        def name(match: re.Match[str]) -> str:
            if match.group(3):
                return match.group(3)
            found = self.lookup(match.group(2)) if match.group(1) == "term" else None
            return found.term if found is not None else match.group(2)

        titles: dict[str, str] = {}
        for term in self.terms:
            definition = plain_text(_REFERENCE.sub(name, str(term.definition or "")))
            titles[term.id] = f"{term.expansion}: {definition}" if term.expansion else definition
        return titles

    def title(self, term: Term) -> str:
        """The tooltip of a link to ``term``: its expansion and definition as plain text, cut short."""
        return self._titles.get(term.id, "")

    @cached_property
    def _title_attributes(self) -> dict[str, str]:
        return {ident: html.escape(title, quote=True) for ident, title in self._titles.items()}

    @cached_property
    def link_tails(self) -> dict[str, str]:
        """The end of each term's link tag after the page's URL: ``#term-ID" title="...">``."""
        return {
            ident: f'#{anchor("term", ident)}" title="{title}">'
            for ident, title in self._title_attributes.items()
        }

    def link_heads(self, base: str) -> dict[str, str]:
        """The start tag of each term's link from pages whose URL to the vocabulary page is ``base``."""
        heads = self._heads.get(base)
        if heads is None:
            heads = self._heads[base] = {
                ident: f'<a class="{LINK_CLASS}" href="{base}{tail}' for ident, tail in self.link_tails.items()
            }
        return heads

    def title_attribute(self, ident: str) -> str:
        """:meth:`title` of the term ``ident``, escaped for an HTML attribute."""
        return self._title_attributes.get(ident, "")
