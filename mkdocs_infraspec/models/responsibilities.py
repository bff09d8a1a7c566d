"""responsibilities.yaml: the components, what each manages, provides and exposes, and needs."""

from __future__ import annotations

import enum
from typing import Any

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .base import Item, SpecModel
from .types import ComponentRef, LayerRef, Markdown, ref


class UpdateStrategy(enum.StrEnum):
    """How a component is changed once it runs."""

    BLUE_GREEN = "blue-green"
    CANARY = "canary"
    ROLLING = "rolling"
    IN_PLACE = "in-place"
    RECREATE = "recreate"
    IMMUTABLE = "immutable"
    MANUAL = "manual"


class Responsibilities(SpecModel):
    """What a component is answerable for."""

    manages: list[str] = Field(default_factory=list)
    """The resources it owns and changes (`API Gateway resource, routes, integrations`)."""
    provides: list[str] = Field(default_factory=list)
    """The capabilities it gives others (`Public HTTPS endpoint`, `rate limiting`)."""
    exposes: list[str] = Field(default_factory=list)
    """The interfaces and outputs others consume (`Gateway URL`, `API keys (via secrets)`)."""

    @property
    def empty(self) -> bool:
        return not (self.manages or self.provides or self.exposes)


class Dependency(SpecModel):
    """What a component requires: another component (checked) or something outside the spec.

    Write a component id alone as shorthand: `- vpc` means `- component: vpc`.
    """

    component: ComponentRef | None = None
    """The id of a component of this spec."""
    external: str | None = None
    """Something outside the spec (`Certificate from ACM`, `Corporate IdP`)."""
    reason: str | None = None
    """Why the dependency exists."""
    optional: bool = False
    """The component degrades, rather than fails, without it."""

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"component": data}
        return data

    @model_validator(mode="after")
    def _one_target(self) -> Dependency:
        if (self.component is None) == (self.external is None):
            raise PydanticCustomError(
                "infraspec_dependency",
                "a dependency names exactly one of 'component' or 'external'",
                {"hint": "component: <id> for a component of this spec, external: <text> for anything else"},
            )
        return self

    @property
    def target(self) -> str:
        return self.component or self.external or ""


class Lifecycle(SpecModel):
    """How a component is provisioned, updated and destroyed."""

    provisioner: str | None = None
    """The tool that creates it (`Terraform`, `Helm via Argo CD`)."""
    update_strategy: UpdateStrategy | None = None
    """How it changes once running."""
    destruction: str | None = None
    """What destroying it takes (`Requires manual confirmation; final snapshot kept 35 days`)."""
    deletion_protection: bool = False
    """Protected against accidental deletion."""

    @property
    def complete(self) -> bool:
        return bool(self.provisioner and self.update_strategy and self.destruction)


class Component(Item):
    """A piece of infrastructure with clear responsibilities, dependencies and a lifecycle."""

    KIND = "component"
    name: str
    """The component's display name."""
    layer: LayerRef | None = None
    """The architecture layer it belongs to (a layer id from `architecture.yaml`)."""
    owner: str | None = None
    """The team answerable for it."""
    technology: str | None = None
    """What it is built with (`Amazon RDS for PostgreSQL 16`)."""
    description: Markdown | None = None
    """What it is and why it exists. Markdown."""
    stateful: bool = False
    """It holds data that must survive (a data store): backups, RTO/RPO and encryption rules apply."""
    public: bool = False
    """It is meant to be reachable from the internet (may sit in a public subnet)."""
    critical: bool = False
    """Its failure stops the service (health checks and alerts are required)."""
    environments: list[ref("environment")] = Field(default_factory=list)  # type: ignore[valid-type]
    """The environments it is deployed to; empty means all."""
    responsibilities: Responsibilities | None = None
    """What it manages, provides and exposes."""
    dependencies: list[Dependency] = Field(default_factory=list)
    """What it requires; component ids are checked."""
    lifecycle: Lifecycle | None = None
    """How it is provisioned, updated and destroyed."""
    resource_names: list[str] = Field(default_factory=list)
    """Example cloud resource names (checked against the naming convention)."""

    @property
    def depends_on(self) -> list[str]:
        return [d.component for d in self.dependencies if d.component]


class ResponsibilitiesConcern(SpecModel):
    """The components of the system."""

    components: list[Component] = Field(default_factory=list)
    """Every component, each with its responsibilities, dependencies and lifecycle."""


__all__ = ["Component", "ComponentRef", "Dependency", "Lifecycle", "Responsibilities", "ResponsibilitiesConcern"]
