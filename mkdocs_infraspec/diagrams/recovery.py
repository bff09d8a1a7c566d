"""The disaster-recovery view: regions, components by recovery tier, backups, copies and failover."""

from __future__ import annotations

from ..models import Backup
from ..models.disaster_recovery import BackupMethod, Failover
from . import Diagram
from .context import Context, plural
from .mermaid import Flowchart, Group, Markup, label, node_id, text_id
from .split import part_diagram, split, split_note

#: A failover of more components than this gets a count in its box instead of arrows.
MAX_FAILOVER_ARROWS = 4


def primary_region(ctx: Context) -> str | None:
    dr = ctx.spec.disaster_recovery
    if dr.primary_region:
        return dr.primary_region
    production = [e for e in ctx.spec.environments.environments if e.production]
    return production[0].region if production else None


def backup_label(backup: Backup) -> Markup:
    method = "continuous (point in time)" if backup.method == BackupMethod.CONTINUOUS else backup.method.value
    every = f"every {backup.frequency.human()}" if backup.frequency else None
    return label(method, " · ".join(p for p in (every, f"kept {backup.retention.human()}") if p))


def failover_region(ctx: Context, failover: Failover, primary: str | None) -> str | None:
    """Where a failover lands: the region its target names, else the secondary region."""
    secondary = ctx.spec.disaster_recovery.secondary_region
    target = failover.target or ""
    if secondary and secondary in target:
        return secondary
    if primary and primary in target:
        return primary
    return secondary or primary


def units(ctx: Context) -> list[str]:
    """The components the view is about: those with an objective, a backup or a failover."""
    dr = ctx.spec.disaster_recovery
    found: dict[str, None] = {}
    for objective in dr.objectives:
        found.update(dict.fromkeys(objective.components))
    for backup in dr.backups:
        found[backup.component] = None
    for failover in dr.failover:
        found.update(dict.fromkeys(failover.components))
    return list(found)


def build(ctx: Context, chosen: list[str]) -> Flowchart:
    """The primary region (components by recovery tier, their backups, failovers) left, the
    secondary region (cross-region copies, regional failover) right.

    Arrows carry no labels: the box at their end says what it is (a backup, a copy, a
    failover), and labels would widen every gap between the columns. A tier's box has a
    one-line title and its objectives in a first box inside: Mermaid lets a two-line title
    overlap the next tier's box, and a title wider than the tier's boxes overflow the region.
    """
    dr = ctx.spec.disaster_recovery
    chart = ctx.chart("LR")
    chart.config.update(nodeSpacing=30, rankSpacing=40, padding=8)
    primary = primary_region(ctx)
    regions: dict[str | None, Group] = {}

    def region(name: str | None) -> Group:
        found = regions.get(name)
        if found is None:
            if name is None:
                title = label("Primary region")
            elif name == primary:
                title = label(f"Primary region {name}")
            elif name == dr.secondary_region:
                title = label(f"Secondary region {name}")
            else:
                title = label(f"Region {name}")
            found = chart.group(text_id("region", name or "primary"), title, direction="TB", css="region")
            regions[name] = found
        return found

    home = region(primary)
    if dr.secondary_region:
        region(dr.secondary_region)
    wanted = set(chosen)
    placed: set[str] = set()
    # Components with arrows (backups, failovers with few members) go last in their tier, so
    # that their arrows leave from the edge of the tier instead of crossing its other boxes.
    arrows = {b.component for b in dr.backups} | {
        c for f in dr.failover if len(f.components) <= MAX_FAILOVER_ARROWS for c in f.components
    }
    for objective in dr.objectives:
        members = [c for c in objective.components if c in wanted and c not in placed]
        members.sort(key=lambda c: c in arrows)
        if not members:
            continue
        tier = home.group(node_id("objective", objective.id) + "__tier", label(objective.name), direction="TB", css="muted")
        ctx.item_node(tier, "objective", objective.id, label(f"RTO {objective.rto.human()} · RPO {objective.rpo.human()}"), css="objective")
        for component_id in members:
            ctx.component_node(tier, component_id)
            placed.add(component_id)
    for component_id in chosen:
        if component_id not in placed:
            ctx.component_node(home, component_id)
            placed.add(component_id)
    # Sibling subgraphs that share a rank are drawn in reverse order of declaration, and
    # invisible links to order them would break this layout: declare tiers last to first.
    tiers = [child for child in home.children if isinstance(child, Group)]
    others = [child for child in home.children if not isinstance(child, Group)]
    home.children[:] = [*reversed(tiers), *others]
    for backup in dr.backups:
        if backup.component not in wanted:
            continue
        ctx.item_node(home, "backup", backup.id, backup_label(backup), shape="round", css="backup")
        chart.edge(node_id("component", backup.component), node_id("backup", backup.id))
        if backup.cross_region:
            target = backup.target_region or dr.secondary_region
            what = "replica" if backup.method == BackupMethod.REPLICATION else "cross-region copy"
            copy = region(target).node(
                f"{node_id('backup', backup.id)}__copy",
                label(what, f"kept {backup.retention.human()}"),
                shape="round", css="copy", url=ctx.url("backup", backup.id),
            )
            chart.edge(node_id("backup", backup.id), copy.id, style="dotted")
    for failover in dr.failover:
        members = [c for c in failover.components if c in wanted]
        if not members:
            continue
        duration = f"~{failover.expected_duration.human()}" if failover.expected_duration else None
        many = len(members) > MAX_FAILOVER_ARROWS
        text = label(
            failover.title,
            " · ".join(p for p in (failover.mode.value, duration) if p),
            failover.target,
            f"covers {plural(len(members), 'component')}" if many else None,
        )
        ctx.item_node(region(failover_region(ctx, failover, primary)), "failover", failover.id, text, shape="hexagon", css="failover")
        # A fan of arrows from many components would cross the whole picture: the box
        # says how many it covers, and the failover's entry on the page lists them.
        if not many:
            for component_id in members:
                chart.edge(node_id("component", component_id), node_id("failover", failover.id), style="thick")
    return chart


def diagrams(ctx: Context) -> list[Diagram]:
    chosen = units(ctx)
    if not chosen:
        return []
    dr = ctx.spec.disaster_recovery
    parts = split(chosen, lambda subset: build(ctx, subset))
    result = []
    for part in parts:
        notes = [split_note(parts, part, "components", "in chunks")]
        if dr.strategy and part is parts[0]:
            notes.append(f"Strategy: {dr.strategy.value}.")
        result.append(part_diagram("recovery", "Disaster recovery", part, notes))
    return result
