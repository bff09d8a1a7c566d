"""disaster-recovery.yaml: RTO/RPO objectives, backups, restore procedures and failover."""

from __future__ import annotations

import enum

from pydantic import Field

from .base import Item, SpecModel
from .types import ComponentRef, Duration, Markdown


class DRStrategy(enum.StrEnum):
    BACKUP_RESTORE = "backup-restore"
    PILOT_LIGHT = "pilot-light"
    WARM_STANDBY = "warm-standby"
    ACTIVE_ACTIVE = "active-active"


class Objective(Item):
    """Recovery objectives for a tier of components."""

    KIND = "objective"
    name: str
    """The tier (`Tier 1: money movement`)."""
    components: list[ComponentRef] = Field(default_factory=list)
    """The components held to it (ids)."""
    rto: Duration
    """Recovery time objective: the longest tolerable outage (`1h`)."""
    rpo: Duration
    """Recovery point objective: the most data that may be lost (`5m`)."""
    description: str | None = None
    """Why these figures."""


class BackupMethod(enum.StrEnum):
    SNAPSHOT = "snapshot"
    CONTINUOUS = "continuous"
    REPLICATION = "replication"
    EXPORT = "export"
    VERSIONING = "versioning"


class Backup(Item):
    """How one component's data is backed up."""

    KIND = "backup"
    component: ComponentRef
    """The component whose data is backed up (id)."""
    method: BackupMethod
    """`snapshot`, `continuous` (point-in-time recovery), `replication`, `export` or `versioning`."""
    frequency: Duration | None = None
    """How often a backup is taken (`24h`); not needed for continuous backups."""
    retention: Duration
    """How long backups are kept (`35d`)."""
    cross_region: bool = False
    """A copy is kept in another region."""
    target_region: str | None = None
    """The region copies go to."""
    encrypted: bool = True
    """Backups are encrypted."""
    restore_tested: Duration | None = None
    """How often a restore is rehearsed (`90d`)."""
    description: str | None = None
    """Anything else."""

    @property
    def continuous(self) -> bool:
        return self.method in (BackupMethod.CONTINUOUS, BackupMethod.REPLICATION)


class Procedure(Item):
    """A restore procedure, step by step."""

    KIND = "procedure"
    title: str
    """What it restores."""
    components: list[ComponentRef] = Field(default_factory=list)
    """The components it restores (ids)."""
    steps: list[str] = Field(default_factory=list)
    """The steps, in order."""
    expected_duration: Duration | None = None
    """How long it takes (`45m`)."""
    runbook: str | None = None
    """Where the full runbook is."""


class FailoverMode(enum.StrEnum):
    AUTOMATIC = "automatic"
    MANUAL = "manual"


class Failover(Item):
    """How service moves to a standby when the primary fails."""

    KIND = "failover"
    title: str
    """What fails over."""
    components: list[ComponentRef] = Field(default_factory=list)
    """The components involved (ids)."""
    mode: FailoverMode = FailoverMode.MANUAL
    """`automatic` or `manual`."""
    trigger: str | None = None
    """What starts it."""
    target: str | None = None
    """Where service moves to (`standby in eu-west-1b`, `eu-central-1`)."""
    expected_duration: Duration | None = None
    """How long the switch takes."""
    description: Markdown | None = None
    """How it works. Markdown."""


class DisasterRecovery(SpecModel):
    """Backups, restores, failover and the objectives they serve."""

    strategy: DRStrategy | None = None
    """`backup-restore`, `pilot-light`, `warm-standby` or `active-active`."""
    primary_region: str | None = None
    """The region production runs in."""
    secondary_region: str | None = None
    """The recovery region."""
    summary: Markdown | None = None
    """The approach in a paragraph. Markdown."""
    objectives: list[Objective] = Field(default_factory=list)
    """RTO/RPO per tier of components."""
    backups: list[Backup] = Field(default_factory=list)
    """Backups per component."""
    procedures: list[Procedure] = Field(default_factory=list)
    """Restore procedures."""
    failover: list[Failover] = Field(default_factory=list)
    """Failover arrangements."""
