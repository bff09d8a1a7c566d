"""constraints.yaml: the rules implementation must follow, from naming to change management."""

from __future__ import annotations

import enum
import re

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .base import Item, SpecModel
from .types import Duration, EnvironmentRef, Markdown, TLSVersion


class Level(enum.StrEnum):
    """RFC 2119 strength."""

    MUST = "must"
    SHOULD = "should"
    MAY = "may"


class Constraint(Item):
    """One rule the implementation must (or should) follow."""

    KIND = "constraint"
    text: str
    """The rule (`Provider versions must be pinned`)."""
    level: Level = Level.MUST
    """`must`, `should` or `may`."""
    rationale: str | None = None
    """Why."""


class ConstraintGroup(Item):
    """A group of related constraints (`Terraform standards`, `Network architecture`)."""

    KIND = "constraint-group"
    title: str
    """The group's title."""
    constraints: list[Constraint] = Field(default_factory=list)
    """Its rules."""


class Naming(SpecModel):
    """The resource naming convention."""

    format: str
    """The convention in words (`{project}-{environment}-{resource_type}-{name}`)."""
    pattern: str
    """A regular expression every name must match (Python syntax, anchored)."""
    examples: list[str] = Field(default_factory=list)
    """Names that follow it; each is checked against `pattern`."""
    notes: list[str] = Field(default_factory=list)
    """Further rules (`lowercase only, hyphens as separators`)."""

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as error:
            raise PydanticCustomError(
                "infraspec_regex", f"the pattern is not a valid regular expression: {error}",
                {"reason": str(error), "hint": "escape special characters such as . + ( with a backslash"},
            ) from None
        return value

    def matches(self, name: str) -> bool:
        return re.fullmatch(self.pattern, name) is not None


class RequiredTag(SpecModel):
    """A tag every resource must carry."""

    key: str
    """The tag key (`Environment`)."""
    description: str | None = None
    """What it holds."""
    values: list[str] = Field(default_factory=list)
    """Allowed values, if restricted (`dev`, `staging`, `prod`)."""


class StateManagement(SpecModel):
    """Where infrastructure state lives and how it is protected."""

    backend: str
    """The state backend (`S3 bucket per account`)."""
    locking: str | None = None
    """How concurrent changes are prevented (`DynamoDB lock table`)."""
    versioning: bool = False
    """State history is kept."""
    encrypted: bool = False
    """State is encrypted at rest (it contains secrets)."""
    isolation: str | None = None
    """How state is split (`one state per environment and module`)."""


class IaC(SpecModel):
    """The infrastructure-as-code tool and its rules."""

    tool: str
    """The tool (`Terraform`, `OpenTofu`, `Pulumi`)."""
    version: str | None = None
    """The version constraint (quote it: `"~> 1.9"`)."""
    state: StateManagement | None = None
    """State management."""
    drift_detection: str | None = None
    """How drift is found (`terraform plan nightly, alerts on changes`)."""


class MaintenanceWindow(SpecModel):
    """When changes may be applied to an environment."""

    environment: EnvironmentRef
    """The environment (id)."""
    window: str
    """The window (`Sun 02:00-06:00 UTC`)."""


class ChangeManagement(SpecModel):
    """How infrastructure changes are reviewed, approved and rolled back."""

    plan_review: bool = True
    """A plan is reviewed before every apply."""
    approvals: dict[EnvironmentRef, int] = Field(default_factory=dict)
    """Approvals required per environment id (`production: 2`)."""
    rollback_plan: str | None = None
    """When a rollback plan is required (`for every major change`)."""
    maintenance_windows: list[MaintenanceWindow] = Field(default_factory=list)
    """When changes may be applied."""
    notes: Markdown | None = None
    """Anything else. Markdown."""


class Policy(SpecModel):
    """Machine-checked minimums the rest of the spec is held to."""

    minimum_tls: TLSVersion | None = None
    """The lowest TLS version allowed anywhere (`"1.2"`)."""
    production_availability_zones: int | None = Field(default=None, ge=1)
    """The fewest availability zones a production network may span."""
    log_retention: dict[EnvironmentRef, Duration] = Field(default_factory=dict)
    """The shortest log retention per environment id (`production: 90d`)."""
    backup_retention: Duration | None = None
    """The shortest backup retention for any data store (`7d`)."""
    public_subnet_prefix: int | None = Field(default=None, ge=0, le=128)
    """The prefix length of public subnets (`24`)."""
    private_subnet_prefix: int | None = Field(default=None, ge=0, le=128)
    """The prefix length of private subnets (`22`)."""
    secret_rotation: Duration | None = None
    """The longest a secret may go without rotation (`90d`)."""


class Constraints(SpecModel):
    """The standards implementation is held to."""

    groups: list[ConstraintGroup] = Field(default_factory=list)
    """Constraints grouped by theme."""
    naming: Naming | None = None
    """The naming convention."""
    required_tags: list[RequiredTag] = Field(default_factory=list)
    """Tags every resource carries."""
    iac: IaC | None = None
    """The IaC tool and state management."""
    change_management: ChangeManagement | None = None
    """How changes are made."""
    policy: Policy = Field(default_factory=Policy)
    """Figures the rules check the rest of the spec against."""

    @model_validator(mode="after")
    def _unique_tags(self) -> Constraints:
        seen: set[str] = set()
        for index, tag in enumerate(self.required_tags):
            if tag.key in seen:
                raise PydanticCustomError(
                    "infraspec_duplicate_tag", f"tag {tag.key!r} is listed twice", {"key": tag.key, "hint": "keep one entry", "path": ("required_tags", index, "key")}
                )
            seen.add(tag.key)
        return self
