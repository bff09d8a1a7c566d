"""How completely the spec covers each component, concern by concern: the data of the health heat map.

Each cell scores a component against one concern from 0 (nothing said) to 1 (everything the
rules ask for), or is not applicable (backups for a stateless component). The parts that
make up each score are listed in the cell, so that the page can say what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Spec
from ..models.architecture import Protocol
from ..models.responsibilities import Component

#: The concerns of the matrix, in column order, with their column titles.
COVERAGE_CONCERNS: dict[str, str] = {
    "responsibilities": "Responsibilities",
    "lifecycle": "Lifecycle",
    "assertions": "Assertions",
    "disaster-recovery": "Disaster recovery",
    "observability": "Observability",
    "security": "Security",
    "cost": "Cost",
}

_TLS = (Protocol.HTTPS, Protocol.GRPC, Protocol.TLS)


@dataclass(frozen=True)
class Cell:
    """One component against one concern: which parts are there and which are missing."""

    present: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def applicable(self) -> bool:
        return bool(self.present or self.missing)

    @property
    def score(self) -> float | None:
        """The share of parts present (0 to 1), or ``None`` when nothing applies."""
        total = len(self.present) + len(self.missing)
        return len(self.present) / total if total else None

    @property
    def bucket(self) -> str:
        """The heat map bucket of the cell (see :func:`bucket`)."""
        return bucket(self.score)

    @property
    def shown(self) -> str:
        """The cell's text: ``✓`` complete, ``✗`` nothing, ``2/3`` parts present, ``–`` not applicable."""
        if not self.applicable:
            return "–"
        if not self.missing:
            return "✓"
        if not self.present:
            return "✗"
        return f"{len(self.present)}/{len(self.present) + len(self.missing)}"

    @property
    def summary(self) -> str:
        """What the cell holds, in words (its tooltip): ``missing backup (has recovery objective)``."""
        if not self.applicable:
            return "does not apply"
        if not self.missing:
            return "complete (" + ", ".join(self.present) + ")"
        has = f" (has {', '.join(self.present)})" if self.present else ""
        return "missing " + ", ".join(self.missing) + has

    @property
    def status(self) -> str:
        """``complete``, ``partial``, ``missing`` or ``n/a``."""
        if not self.applicable:
            return "n/a"
        if not self.missing:
            return "complete"
        return "partial" if self.present else "missing"


#: Heat map buckets between nothing (``0``) and complete (``100``): the lowest score of each.
BUCKETS: tuple[tuple[str, float], ...] = (("75", 0.66), ("50", 0.4), ("25", 0.0))


def bucket(score: float | None) -> str:
    """The heat map bucket of a score: ``100`` (complete), ``75``, ``50``, ``25``, ``0`` (nothing), ``na``.

    With one to three parts per cell, 2 of 3 is ``75``, 1 of 2 is ``50`` and 1 of 3 is ``25``.
    """
    if score is None:
        return "na"
    if score >= 1.0 - 1e-9:
        return "100"
    if score <= 1e-9:
        return "0"
    return next(name for name, floor in BUCKETS if score >= floor)


@dataclass(frozen=True)
class Row:
    """A component and its cells, by concern."""

    component: Component
    cells: dict[str, Cell]

    @property
    def score(self) -> float:
        scores = [c.score for c in self.cells.values() if c.score is not None]
        return sum(scores) / len(scores) if scores else 1.0


@dataclass
class Coverage:
    """The component x concern matrix, and the average score of each concern and overall."""

    concerns: dict[str, str] = field(default_factory=lambda: dict(COVERAGE_CONCERNS))
    rows: list[Row] = field(default_factory=list)

    def column(self, concern: str) -> float | None:
        scores = [s for s in (row.cells[concern].score for row in self.rows) if s is not None]
        return sum(scores) / len(scores) if scores else None

    @property
    def score(self) -> float:
        scores = [s for s in (row.cells[c].score for row in self.rows for c in self.concerns) if s is not None]
        return sum(scores) / len(scores) if scores else 1.0

    @staticmethod
    def bucket(score: float | None) -> str:
        """The heat map bucket of any score (a column's average, a row's), for templates."""
        return bucket(score)


def _parts(checks: list[tuple[str, bool]]) -> Cell:
    return Cell(tuple(label for label, ok in checks if ok), tuple(label for label, ok in checks if not ok))


def coverage(spec: Spec) -> Coverage:
    """The coverage matrix of every component of ``spec``, in the order components are written."""
    observability = spec.observability
    security = spec.security
    recovery = spec.disaster_recovery
    metrics = {c for m in observability.metrics for c in m.components}
    alerts = {c for a in observability.alerts for c in a.components}
    asserted = {c for a in spec.assertions.assertions for c in a.components}
    objectives = {c for o in recovery.objectives for c in o.components}
    backups = {b.component for b in recovery.backups}
    restores = {c for p in recovery.procedures for c in p.components}
    failovers = {c for f in recovery.failover for c in f.components}
    threatened = {c for t in security.threats for c in t.affects}
    protected = {c for m in security.mitigations for c in m.components} | {c for k in security.controls for c in k.components}
    at_rest = {e.component for e in security.encryption.at_rest if e.method.value != "none"}
    in_transit = {e.component for e in security.encryption.in_transit}
    externals = {e.id for e in spec.architecture.topology.externals}
    entry_points = {f.target for f in spec.architecture.topology.flows if f.source in externals and f.protocol in _TLS}
    estimated = {e.component for e in spec.cost_management.estimates}

    result = Coverage()
    for component in spec.components:
        cid = component.id
        responsibilities = component.responsibilities
        lifecycle = component.lifecycle
        if component.stateful:
            recovery_cell = _parts([("recovery objective", cid in objectives), ("backup", cid in backups), ("restore procedure", cid in restores)])
        elif cid in objectives or cid in failovers:
            # A stateless component needs no backup; once it is named in recovery it needs an objective.
            recovery_cell = _parts([("recovery objective", cid in objectives)] + ([("failover", True)] if cid in failovers else []))
        else:
            recovery_cell = Cell()
        security_checks = [("threat model", cid in threatened or cid in protected)]
        if component.stateful:
            security_checks.append(("encryption at rest", cid in at_rest))
        if cid in entry_points:
            security_checks.append(("TLS settings", cid in in_transit))
        result.rows.append(
            Row(
                component,
                {
                    "responsibilities": _parts([("responsibilities", responsibilities is not None and not responsibilities.empty)]),
                    "lifecycle": _parts([
                        ("provisioner", bool(lifecycle and lifecycle.provisioner)),
                        ("update strategy", bool(lifecycle and lifecycle.update_strategy)),
                        ("destruction", bool(lifecycle and lifecycle.destruction)),
                    ]),
                    "assertions": _parts([("assertion", cid in asserted)]),
                    "disaster-recovery": recovery_cell,
                    "observability": _parts([("metric", cid in metrics), ("alert", cid in alerts)]),
                    "security": _parts(security_checks),
                    "cost": _parts([("estimate", cid in estimated)]),
                },
            )
        )
    return result
