"""The typed model of an infrastructure spec: one pydantic model per concern file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .architecture import (
    Architecture,
    External,
    Flow,
    Layer,
    Module,
    Network,
    Subnet,
    SubnetTier,
    Topology,
)
from .assertions import Assertion, Assertions
from .base import Item, SpecModel, Suppression, iter_models
from .clarifications import Clarifications, Question, QuestionStatus
from .constraints import Constraints
from .cost import CostManagement
from .disaster_recovery import Backup, DisasterRecovery, Objective
from .environments import Environment, Environments, Tier
from .observability import Observability
from .overview import Overview, Status
from .responsibilities import Component, Dependency, ResponsibilitiesConcern
from .security import Security
from .tradeoffs import Decision, DecisionStatus, Tradeoffs
from .types import Duration, Ref
from .vocabulary import Term, Vocabulary


@dataclass(frozen=True)
class Concern:
    """One concern of the spec: its file name (and page name), its model and its title."""

    name: str
    model: type[SpecModel]
    title: str
    required: bool = True

    @property
    def attribute(self) -> str:
        return self.name.replace("-", "_")


#: The concerns, in the order a reader meets them.
CONCERNS: tuple[Concern, ...] = (
    Concern("overview", Overview, "Overview"),
    Concern("vocabulary", Vocabulary, "Vocabulary"),
    Concern("responsibilities", ResponsibilitiesConcern, "Responsibilities"),
    Concern("architecture", Architecture, "Architecture"),
    Concern("tradeoffs", Tradeoffs, "Tradeoffs"),
    Concern("security", Security, "Security"),
    Concern("observability", Observability, "Observability"),
    Concern("disaster-recovery", DisasterRecovery, "Disaster recovery"),
    Concern("cost-management", CostManagement, "Cost management"),
    Concern("assertions", Assertions, "Assertions"),
    Concern("constraints", Constraints, "Constraints"),
    Concern("environments", Environments, "Environments"),
    Concern("clarifications", Clarifications, "Clarifications", required=False),
)

CONCERNS_BY_NAME: dict[str, Concern] = {concern.name: concern for concern in CONCERNS}


@dataclass
class Spec:
    """A whole spec as loaded: each concern's model (``None`` if missing or invalid) and files.

    The typed accessors give an empty concern when it is missing, so that consumers can
    always iterate (``spec.responsibilities.components``) without guarding every access.
    """

    root: Path
    concerns: dict[str, SpecModel | None] = field(default_factory=dict)
    files: dict[str, list[Path]] = field(default_factory=dict)
    invalid: set[str] = field(default_factory=set)

    def get(self, name: str) -> SpecModel | None:
        return self.concerns.get(name)

    def _concern(self, name: str) -> SpecModel:
        model = self.concerns.get(name)
        if model is None:
            model = CONCERNS_BY_NAME[name].model()
        return model

    @property
    def overview(self) -> Overview | None:
        value = self.concerns.get("overview")
        return value if isinstance(value, Overview) else None

    @property
    def vocabulary(self) -> Vocabulary:
        return self._concern("vocabulary")  # type: ignore[return-value]

    @property
    def responsibilities(self) -> ResponsibilitiesConcern:
        return self._concern("responsibilities")  # type: ignore[return-value]

    @property
    def components(self) -> list[Component]:
        return self.responsibilities.components

    @property
    def architecture(self) -> Architecture:
        return self._concern("architecture")  # type: ignore[return-value]

    @property
    def tradeoffs(self) -> Tradeoffs:
        return self._concern("tradeoffs")  # type: ignore[return-value]

    @property
    def security(self) -> Security:
        return self._concern("security")  # type: ignore[return-value]

    @property
    def observability(self) -> Observability:
        return self._concern("observability")  # type: ignore[return-value]

    @property
    def disaster_recovery(self) -> DisasterRecovery:
        return self._concern("disaster-recovery")  # type: ignore[return-value]

    @property
    def cost_management(self) -> CostManagement:
        return self._concern("cost-management")  # type: ignore[return-value]

    @property
    def assertions(self) -> Assertions:
        return self._concern("assertions")  # type: ignore[return-value]

    @property
    def constraints(self) -> Constraints:
        return self._concern("constraints")  # type: ignore[return-value]

    @property
    def environments(self) -> Environments:
        return self._concern("environments")  # type: ignore[return-value]

    @property
    def clarifications(self) -> Clarifications:
        return self._concern("clarifications")  # type: ignore[return-value]


__all__ = [
    "CONCERNS",
    "CONCERNS_BY_NAME",
    "Architecture",
    "Assertion",
    "Assertions",
    "Backup",
    "Clarifications",
    "Component",
    "Concern",
    "Constraints",
    "CostManagement",
    "Decision",
    "DecisionStatus",
    "Dependency",
    "DisasterRecovery",
    "Duration",
    "Environment",
    "Environments",
    "External",
    "Flow",
    "Item",
    "Layer",
    "Module",
    "Network",
    "Objective",
    "Observability",
    "Overview",
    "Question",
    "QuestionStatus",
    "Ref",
    "ResponsibilitiesConcern",
    "Security",
    "Spec",
    "SpecModel",
    "Status",
    "Subnet",
    "SubnetTier",
    "Suppression",
    "Term",
    "Tier",
    "Topology",
    "Tradeoffs",
    "Vocabulary",
    "iter_models",
]
