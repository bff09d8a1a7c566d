"""Disaster-recovery rules (IS6xx): backups, RTO/RPO arithmetic, restores and failover.

Durations are compared in seconds (``Duration.seconds``), so ``1h``, ``60m`` and ``PT1H``
are the same figure. A data store is a component with ``stateful: true``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..index import SpecIndex
from ..models import Spec
from ..models.disaster_recovery import Backup, BackupMethod, DRStrategy
from .context import Placement, RuleContext
from .rule import Finding, finding, rule

#: Methods that capture every write, so that no backup interval limits the RPO.
CONTINUOUS_METHODS = (BackupMethod.CONTINUOUS, BackupMethod.REPLICATION, BackupMethod.VERSIONING)


def _continuous(backup: Backup) -> bool:
    return backup.method in CONTINUOUS_METHODS


@rule("IS601", "backup-missing", "disaster-recovery", needs=("responsibilities", "disaster-recovery"))
def backup_missing(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A data store (a `stateful` component) has no backup.

    FAIL:
    ```yaml
    # responsibilities.yaml
    - id: ledger-db
      stateful: true
    # disaster-recovery.yaml: no backup names ledger-db
    ```
    PASS:
    ```yaml
    backups:
      - id: ledger-pitr
        component: ledger-db
        method: continuous
        retention: 35d
    ```
    """
    for component in context.stateful:
        if component.id not in context.backups:
            yield finding(component.loc("stateful"), f"data store {component.id!r} has no backup", component,
                          hint="add a backup for it in disaster-recovery.yaml (method, frequency, retention)")


@rule("IS602", "recovery-objective-missing", "disaster-recovery", needs=("responsibilities", "disaster-recovery"))
def recovery_objective_missing(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A data store is held to no recovery objective (no RTO/RPO).

    Without an RPO nobody can say whether its backups are frequent enough; without an RTO,
    whether its restore is fast enough.

    FAIL:
    ```yaml
    objectives:
      - id: tier-1
        components: [ledger-db]   # sessions-cache (stateful) is in no objective
    ```
    PASS:
    ```yaml
    objectives:
      - id: tier-1
        components: [ledger-db]
      - id: tier-3
        name: Rebuildable caches
        components: [sessions-cache]
        rto: 4h
        rpo: 24h
    ```
    """
    for component in context.stateful:
        if component.id not in context.objectives:
            yield finding(component.loc("stateful"), f"data store {component.id!r} has no recovery objective (RTO/RPO)", component,
                          hint="add it to the components of an objective in disaster-recovery.yaml")


@rule("IS603", "rpo-backup-interval", "disaster-recovery", severity="error", needs=("disaster-recovery",))
def rpo_backup_interval(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A component's RPO is shorter than its backup interval, and it has no continuous backup.

    With a backup every 24 hours, up to 24 hours of data is lost: an RPO of 5 minutes is
    then a promise the design cannot keep. Continuous methods (`continuous`,
    `replication`, `versioning`) capture every write and satisfy any RPO.

    FAIL:
    ```yaml
    objectives:
      - id: tier-1
        components: [ledger-db]
        rto: 1h
        rpo: 5m
    backups:
      - id: ledger-snapshots
        component: ledger-db
        method: snapshot
        frequency: 24h
        retention: 35d
    ```
    PASS:
    ```yaml
    backups:
      - id: ledger-pitr
        component: ledger-db
        method: continuous
        retention: 35d
    ```
    """
    for component, backups in context.backups.items():
        objective = context.strictest_rpo(component)
        if objective is None or any(_continuous(b) for b in backups):
            continue
        timed = [b for b in backups if b.frequency is not None]
        if not timed:
            continue
        best = min(timed, key=lambda b: b.frequency.seconds)  # type: ignore[union-attr]
        assert best.frequency is not None
        if best.frequency.seconds > objective.rpo.seconds:
            yield finding(
                best.loc("frequency"),
                f"{component!r} is backed up every {best.frequency.human()}, but objective {objective.id!r} allows "
                f"losing at most {objective.rpo.human()} of data (RPO {objective.rpo})",
                best, objective,
                related=(objective.loc("rpo"),),
                hint=f"back it up at least every {objective.rpo}, add a continuous backup (point-in-time recovery), or relax the RPO",
            )


@rule("IS604", "backup-frequency", "disaster-recovery", needs=("disaster-recovery",))
def backup_frequency(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A periodic backup (snapshot or export) does not say how often it is taken.

    FAIL:
    ```yaml
    - id: ledger-snapshots
      component: ledger-db
      method: snapshot
      retention: 35d
    ```
    PASS:
    ```yaml
    - id: ledger-snapshots
      component: ledger-db
      method: snapshot
      frequency: 24h
      retention: 35d
    ```
    """
    for backup in spec.disaster_recovery.backups:
        if not _continuous(backup) and backup.frequency is None:
            yield finding(backup.loc("method"), f"backup {backup.id!r} is a {backup.method.value} but gives no frequency", backup,
                          hint="add frequency: (24h, 1h...)")


@rule("IS605", "restore-window", "disaster-recovery", severity="error", needs=("disaster-recovery", "assertions"))
def restore_window(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """Backups are kept for less time than an assertion promises a restore can reach back.

    An assertion with `targets.restore_window: 7d` promises a restore to any point in the
    last 7 days; the component's longest-kept backup must be retained at least that long.

    FAIL:
    ```yaml
    # assertions.yaml
    - id: pitr
      components: [ledger-db]
      targets:
        restore_window: 30d
    # disaster-recovery.yaml
    - id: ledger-pitr
      component: ledger-db
      method: continuous
      retention: 7d
    ```
    PASS:
    ```yaml
    - id: ledger-pitr
      component: ledger-db
      method: continuous
      retention: 35d
    ```
    """
    for assertion in spec.assertions.assertions:
        if assertion.targets is None or assertion.targets.restore_window is None:
            continue
        window = assertion.targets.restore_window
        for component in dict.fromkeys(assertion.components):
            backups = context.backups.get(component)
            if not backups:
                continue
            longest = max(backups, key=lambda b: b.retention.seconds)
            if longest.retention.seconds < window.seconds:
                yield finding(
                    longest.loc("retention"),
                    f"backups of {component!r} are kept {longest.retention.human()}, but assertion {assertion.id!r} "
                    f"promises restores up to {window.human()} back",
                    longest, assertion,
                    related=(assertion.loc("targets", "restore_window"),),
                    hint=f"keep backups at least {window}, or narrow the assertion's restore_window",
                )


@rule("IS606", "backup-retention-policy", "disaster-recovery", severity="error", needs=("disaster-recovery", "constraints"))
def backup_retention_policy(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A backup is kept for less time than the constraints' `policy.backup_retention` requires.

    FAIL:
    ```yaml
    # constraints.yaml
    policy:
      backup_retention: 7d
    # disaster-recovery.yaml
    backups:
      - id: ledger-snapshots
        retention: 3d
    ```
    PASS:
    ```yaml
    backups:
      - id: ledger-snapshots
        retention: 7d
    ```
    """
    minimum = context.policy.backup_retention
    if minimum is None:
        return
    for backup in spec.disaster_recovery.backups:
        if backup.retention.seconds < minimum.seconds:
            yield finding(backup.loc("retention"),
                          f"backup {backup.id!r} is kept {backup.retention.human()}, less than the {minimum.human()} the policy requires",
                          backup, related=(spec.constraints.loc("policy", "backup_retention"),),
                          hint=f"keep it at least {minimum}")


@rule("IS607", "production-data-multi-az", "disaster-recovery", severity="error", needs=("responsibilities", "architecture", "environments"))
def production_data_multi_az(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A production data store is placed in a single availability zone.

    A stateful component placed in the subnets of a production network must be placed in
    subnets of at least two zones (Multi-AZ). Data stores not placed in any subnet
    (regional managed services such as object storage) are not checked.

    FAIL:
    ```yaml
    subnets:
      - id: prod-data-a
        zone: eu-west-1a
        components: [ledger-db]
      - id: prod-data-b
        zone: eu-west-1b
        components: []
    ```
    PASS:
    ```yaml
      - id: prod-data-b
        zone: eu-west-1b
        components: [ledger-db]
    ```
    """
    for component in context.stateful:
        by_network: dict[str, list[Placement]] = {}
        for placement in context.placements.get(component.id, []):
            if placement.network.environment in context.production:
                by_network.setdefault(placement.network.id, []).append(placement)
        for placements in by_network.values():
            zones = {p.zone for p in placements}
            if len(zones) < 2:
                first = placements[0]
                yield finding(first.subnet.loc("components", first.position),
                              f"production data store {component.id!r} is only in zone {first.zone} of network {first.network.id!r}",
                              component, first.subnet,
                              hint="place it in subnets of at least two availability zones (Multi-AZ)")


@rule("IS608", "cross-region-backup", "disaster-recovery", needs=("responsibilities", "disaster-recovery", "environments"))
def cross_region_backup(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A recovery region is set, but a production data store has no copy there.

    When `secondary_region` is set, every data store deployed to production needs at least
    one backup with `cross_region: true`, or the recovery region has nothing to recover.

    FAIL:
    ```yaml
    secondary_region: eu-central-1
    backups:
      - id: ledger-pitr
        component: ledger-db
        method: continuous
        retention: 35d
    ```
    PASS:
    ```yaml
      - id: ledger-pitr
        component: ledger-db
        method: continuous
        retention: 35d
        cross_region: true
        target_region: eu-central-1
    ```
    """
    recovery = spec.disaster_recovery
    if not recovery.secondary_region:
        return
    for component in context.stateful:
        backups = context.backups.get(component.id)
        if not backups or not (context.deployed_in(component) & context.production):
            continue
        if not any(b.cross_region for b in backups):
            yield finding(backups[0].loc("id"),
                          f"no backup of {component.id!r} is copied to the recovery region {recovery.secondary_region}",
                          component, *backups,
                          related=(recovery.loc("secondary_region"),),
                          hint="set cross_region: true (and target_region) on one of its backups")


@rule("IS609", "restore-procedure", "disaster-recovery", needs=("responsibilities", "disaster-recovery"))
def restore_procedure(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A data store has backups but no restore procedure.

    A backup nobody knows how to restore is not a backup: name the procedure, its steps
    and how long it takes.

    FAIL:
    ```yaml
    backups:
      - id: ledger-pitr
        component: ledger-db
    procedures: []
    ```
    PASS:
    ```yaml
    procedures:
      - id: restore-ledger
        title: Point-in-time restore of the ledger
        components: [ledger-db]
        steps: [Restore to a new instance, Verify, Switch the endpoint]
        expected_duration: 45m
    ```
    """
    restored = {c for procedure in spec.disaster_recovery.procedures for c in procedure.components}
    for component in context.stateful:
        backups = context.backups.get(component.id)
        if backups and component.id not in restored:
            yield finding(backups[0].loc("id"), f"data store {component.id!r} has backups but no restore procedure", component, *backups,
                          hint="add a procedure to disaster-recovery.yaml that lists it in components")


@rule("IS610", "recovery-time", "disaster-recovery", severity="error", needs=("disaster-recovery",))
def recovery_time(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A restore procedure or failover takes longer than the RTO of what it recovers.

    FAIL:
    ```yaml
    objectives:
      - id: tier-1
        components: [ledger-db]
        rto: 1h
        rpo: 5m
    procedures:
      - id: restore-ledger
        components: [ledger-db]
        expected_duration: 3h
    ```
    PASS:
    ```yaml
        expected_duration: 45m
    ```
    """
    recovery = spec.disaster_recovery
    for kind, items in (("restore procedure", recovery.procedures), ("failover", recovery.failover)):
        for item in items:
            if item.expected_duration is None:
                continue
            for component in dict.fromkeys(item.components):
                objective = context.strictest_rto(component)
                if objective is not None and item.expected_duration.seconds > objective.rto.seconds:
                    yield finding(
                        item.loc("expected_duration"),
                        f"{kind} {item.id!r} takes {item.expected_duration.human()}, longer than the RTO of {component!r} "
                        f"({objective.rto.human()}, objective {objective.id!r})",
                        item, objective,
                        related=(objective.loc("rto"),),
                        hint="make recovery faster (a standby, a warm replica) or relax the RTO",
                    )
                    break


@rule("IS611", "assertion-objective", "disaster-recovery", severity="error", needs=("disaster-recovery", "assertions"))
def assertion_objective(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """An assertion promises a shorter RTO or RPO than the recovery objective of a component it covers.

    The objectives in `disaster-recovery.yaml` are what the design is built for; an
    assertion that promises better is a promise nobody designed for.

    FAIL:
    ```yaml
    # assertions.yaml
    - id: db-restore
      components: [ledger-db]
      targets:
        rpo: 1m
    # disaster-recovery.yaml: ledger-db is in tier-1 with rpo: 5m
    ```
    PASS:
    ```yaml
      targets:
        rpo: 5m
    ```
    """
    for assertion in spec.assertions.assertions:
        targets = assertion.targets
        if targets is None:
            continue
        for label, promised in (("rto", targets.rto), ("rpo", targets.rpo)):
            if promised is None:
                continue
            for component in dict.fromkeys(assertion.components):
                objective = context.strictest_rto(component) if label == "rto" else context.strictest_rpo(component)
                if objective is None:
                    continue
                designed = objective.rto if label == "rto" else objective.rpo
                if promised.seconds < designed.seconds:
                    yield finding(
                        assertion.loc("targets", label),
                        f"assertion {assertion.id!r} promises an {label.upper()} of {promised.human()} for {component!r}, "
                        f"but its objective {objective.id!r} sets {designed.human()}",
                        assertion, related=(objective.loc(label),),
                        hint=f"align the two: tighten the objective's {label} or relax the assertion's",
                    )
                    break


@rule("IS612", "recovery-region-missing", "disaster-recovery", needs=("disaster-recovery",))
def recovery_region_missing(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A multi-region recovery strategy names no secondary region.

    `pilot-light`, `warm-standby` and `active-active` recover into another region; say
    which.

    FAIL:
    ```yaml
    strategy: warm-standby
    primary_region: eu-west-1
    ```
    PASS:
    ```yaml
    strategy: warm-standby
    primary_region: eu-west-1
    secondary_region: eu-central-1
    ```
    """
    recovery = spec.disaster_recovery
    if recovery.strategy not in (None, DRStrategy.BACKUP_RESTORE) and not recovery.secondary_region:
        assert recovery.strategy is not None
        yield finding(recovery.loc("strategy"), f"the {recovery.strategy.value} strategy names no secondary region",
                      hint="add secondary_region: the region service recovers into")
