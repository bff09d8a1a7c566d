"""vocabulary.yaml: the shared language between the architect and everyone downstream."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from .base import Item, SpecModel
from .types import Identifier, Markdown, ref, slugify


class Term(Item):
    """A defined term. Its uses on every page link to its entry on the vocabulary page."""

    KIND = "term"
    id: Identifier = ""
    """The term's id; made from `term` when omitted (`Security Group` -> `security-group`)."""
    term: str
    """The term as it is written in prose (`VPC`, `Security Group`)."""
    expansion: str | None = None
    """The long form of an acronym (`Virtual Private Cloud`); also linked."""
    aliases: list[str] = Field(default_factory=list)
    """Other forms that mean this term (plurals that are not just `+s`, synonyms)."""
    category: str = "Core concepts"
    """The group the term is listed under (`Core concepts`, `Security concepts`...)."""
    definition: Markdown
    """What the term means here. Markdown."""
    facts: dict[str, str] = Field(default_factory=dict)
    """Key facts as `label: value` (`Identified by: VPC ID`, `CIDR: 10.0.0.0/16`)."""
    see_also: list[ref("term")] = Field(default_factory=list)  # type: ignore[valid-type]
    """Related terms (ids)."""
    case_sensitive: bool | None = None
    """Match exact case only. Default: yes for acronyms (`VPC`), no for ordinary words."""
    link: bool = True
    """Link the term's uses automatically on every page."""

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and "id" not in data and isinstance(data.get("term"), str):
            data = {**data, "id": slugify(data["term"])}
        return data

    @property
    def acronym(self) -> bool:
        letters = [c for c in self.term if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def matches_case(self) -> bool:
        return self.acronym if self.case_sensitive is None else self.case_sensitive

    @property
    def forms(self) -> list[str]:
        """Every written form that refers to this term: the term, its expansion, aliases."""
        forms = [self.term]
        if self.expansion:
            forms.append(self.expansion)
        forms.extend(self.aliases)
        return forms


class Vocabulary(SpecModel):
    """Defined terms, grouped into categories."""

    terms: list[Term] = Field(default_factory=list)
    """The terms, in any order; the page sorts them."""
