"""The vocabulary across the site: find every defined term in every page, link it, check the vocabulary.

Nothing here knows MkDocs: the plugin builds one :class:`Glossary` per build, calls
:func:`link_html` on each page's HTML, keeps the uses in a :class:`UseIndex`, and at the end
reports :func:`unused_terms` and fills the vocabulary page's backlinks.
"""

from __future__ import annotations

from ..codes import ALIAS_COLLISION, DUPLICATE_TERM, UNUSED_TERM, VOCABULARY_CODES
from .checks import check_vocabulary, unused_terms, used_terms
from .forms import is_acronym, plural
from .linker import (
    ENTRY_CLASS,
    LINK_MODES,
    NOLINK_CLASS,
    LinkMode,
    LinkResult,
    Use,
    link_html,
)
from .matcher import LINK_CLASS, Glossary, Match
from .text import fold, is_word_char
from .uses import BACKLINKS_PLACEHOLDER, UseIndex, fill_backlinks, render_backlinks

__all__ = [
    "ALIAS_COLLISION",
    "BACKLINKS_PLACEHOLDER",
    "DUPLICATE_TERM",
    "ENTRY_CLASS",
    "LINK_CLASS",
    "LINK_MODES",
    "NOLINK_CLASS",
    "UNUSED_TERM",
    "VOCABULARY_CODES",
    "Glossary",
    "LinkMode",
    "LinkResult",
    "Match",
    "Use",
    "UseIndex",
    "check_vocabulary",
    "fill_backlinks",
    "fold",
    "is_acronym",
    "is_word_char",
    "link_html",
    "plural",
    "render_backlinks",
    "unused_terms",
    "used_terms",
]
