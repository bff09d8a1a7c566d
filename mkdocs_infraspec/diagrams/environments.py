"""Environment isolation: each environment in its own boundary, what is shared, how changes move."""

from __future__ import annotations

import itertools

from ..models import Environment, Network
from ..models.environments import Tier
from . import Diagram
from .context import Context, plural
from .mermaid import Flowchart, Markup, label, node_id, wrap
from .split import part_diagram, split, split_note

TIER_RANK = {Tier.DEVELOPMENT: 0, Tier.TEST: 1, Tier.STAGING: 2, Tier.PRODUCTION: 3}


def ordered(ctx: Context) -> list[Environment]:
    """Environments from development to production (the author's order within a tier)."""
    envs = list(ctx.spec.environments.environments)
    return sorted(envs, key=lambda e: TIER_RANK.get(e.tier, 9))


def _env_label(env: Environment) -> Markup:
    zones = f" · {plural(len(env.availability_zones), 'zone')}" if env.availability_zones else ""
    return label(
        env.name,
        None if env.name.strip().lower() == env.tier.value else f"{env.tier.value} tier",
        f"{env.region}{zones}",
        str(env.cidr) if env.cidr else None,
    )


def build(ctx: Context, chosen: list[Environment]) -> Flowchart:
    """Each environment in its account's box with its networks; the promotion path from top to
    bottom; the services shared across environments beside them.

    Top to bottom keeps it as narrow as one account box: left to right, the promotion
    arrows make a staircase of boxes three times as wide as Material's content column.
    """
    chart = ctx.chart("TB")
    # Room between the boxes for the promotion arrows and their labels.
    chart.config.update(nodeSpacing=20, rankSpacing=70, padding=8)
    boundaries = ctx.spec.architecture.environment_boundaries
    networks_by_env: dict[str, list[Network]] = {}
    for network in ctx.spec.architecture.topology.networks:
        networks_by_env.setdefault(network.environment, []).append(network)
    drawn_networks: set[str] = set()
    for env in chosen:
        account = env.isolation.account if env.isolation and env.isolation.account else None
        title = wrap(f"Account {account}") if account else label(env.name)
        # TB with no arrows inside: the environment and its networks side by side (being in
        # the same box says they belong together).
        box = chart.group(node_id("boundary", env.id), title, direction="TB", css="region")
        ctx.item_node(box, "environment", env.id, _env_label(env), css=env.tier.value)
        for network in networks_by_env.get(env.id, []):
            ctx.item_node(box, "network", network.id, label(network.name, str(network.cidr)), shape="round", css="network")
            drawn_networks.add(network.id)
    # Peering, VPN and transit links go both ways: a plain dotted line, drawn from the
    # network of the earlier environment to the later one, so that it runs with the
    # promotion path instead of pulling a box up across another.
    rank = {env.id: number for number, env in enumerate(chosen)}
    env_of = {n.id: n.environment for n in ctx.spec.architecture.topology.networks}
    for network in ctx.spec.architecture.topology.networks:
        if network.id not in drawn_networks:
            continue
        for connection in network.connections:
            if connection.network in drawn_networks:
                ends = sorted((network.id, connection.network), key=lambda n: rank.get(env_of.get(n, ""), 0))
                chart.edge(node_id("network", ends[0]), node_id("network", ends[1]), connection.via.value, style="dotted-line")
    chosen_ids = [e.id for e in chosen]
    if boundaries and boundaries.promotion and len(chosen) > 1:
        # From box to box: an arrow into a node inside a box would cross the box's title.
        for before, after in itertools.pairwise(chosen):
            chart.edge(node_id("boundary", before.id), node_id("boundary", after.id), "promotion", style="thick")
    else:
        chart.chain()  # the boxes from development to production, one above the other
    if boundaries and boundaries.shared:
        # LR with no arrows inside: the shared services one above the other.
        shared = chart.group("shared", label("Shared across environments"), direction="LR", css="external")
        every = ctx.spec.environments.environments
        # Under the environments, not beside them: the diagram stays one box wide.
        chart.links.append((node_id("boundary", chosen[-1].id), "shared"))
        for service in boundaries.shared:
            component = ctx.components.get(service.component)
            serves = component.environments if component and component.environments else [e.id for e in every]
            # Shared with every environment: said in the box, not with an arrow to each
            # environment, which would cross the whole picture.
            detail = "shared by every environment" if len(serves) == len(every) else "shared"
            node = ctx.component_node(shared, service.component, ident=f"{node_id('component', service.component)}__shared", detail=detail)
            if len(serves) != len(every):
                for env_id in serves:
                    if env_id in chosen_ids:
                        chart.edge(node.id, node_id("environment", env_id), "shared", style="dotted")
    return chart


def diagrams(ctx: Context) -> list[Diagram]:
    envs = ordered(ctx)
    if not envs:
        return []
    parts = split(envs, lambda chosen: build(ctx, chosen))
    result = []
    boundaries = ctx.spec.architecture.environment_boundaries
    for part in parts:
        notes = [split_note(parts, part, "environments", "in order")]
        if boundaries and boundaries.promotion and part is parts[0]:
            notes.append("Thick arrows show the promotion path; dotted ones, services shared across environments.")
        result.append(part_diagram("environments", "Environment isolation", part, notes))
    return result
