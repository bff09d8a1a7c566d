"""environments.yaml: each deployment of the system, its isolation, region, zones and controls."""

from __future__ import annotations

import enum

from pydantic import Field

from .base import Item, SpecModel
from .types import CIDR, Markdown, ref


class Tier(enum.StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    STAGING = "staging"
    PRODUCTION = "production"


class Isolation(SpecModel):
    """How an environment is separated from the others."""

    account: str | None = None
    """The cloud account, subscription or project (`ledgerline-prod`)."""
    network: str | None = None
    """How its network is separated (`dedicated VPC, no peering to other environments`)."""
    identity: str | None = None
    """How access is separated (`SSO permission sets per environment`)."""


class Approvals(SpecModel):
    """Who must approve a change to the environment."""

    required: int = Field(default=0, ge=0)
    """How many approvals a change needs."""
    approvers: list[str] = Field(default_factory=list)
    """Who may approve."""


class Environment(Item):
    """An isolated deployment of the complete system."""

    KIND = "environment"
    name: str
    """The environment's display name."""
    tier: Tier
    """`development`, `test`, `staging` or `production`."""
    description: Markdown | None = None
    """What it is for. Markdown."""
    isolation: Isolation | None = None
    """How it is separated from the others."""
    region: str
    """Its cloud region (`eu-west-1`)."""
    availability_zones: list[str] = Field(default_factory=list)
    """The availability zones it uses."""
    cidr: CIDR | None = None
    """Its address space; must not overlap another environment's."""
    schedule: ref("schedule") | None = None  # type: ignore[valid-type]
    """The shutdown schedule from `cost-management.yaml` (id); non-production should have one."""
    approvals: Approvals | None = None
    """Who approves changes."""
    maintenance_window: str | None = None
    """When changes may be applied (`Sun 02:00-06:00 UTC`)."""
    data: str | None = None
    """What data it holds (`synthetic only`, `production cardholder data`)."""
    settings: dict[str, str] = Field(default_factory=dict)
    """Environment-specific values worth stating (`Database class: db.r6g.xlarge`)."""

    @property
    def production(self) -> bool:
        return self.tier == Tier.PRODUCTION


class Environments(SpecModel):
    """The environments."""

    environments: list[Environment] = Field(default_factory=list)
    """From development to production."""
