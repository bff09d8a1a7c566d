"""The network topology of each environment: region, network, zone, subnet, and what sits there."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Network, Subnet
from ..models.architecture import SubnetTier
from . import Diagram
from .context import Context, plural
from .mermaid import Flowchart, Group, label, node_id, text_id
from .split import split, split_note

#: Subnets are drawn public first: the order traffic meets them.
TIER_ORDER = {SubnetTier.PUBLIC: 0, SubnetTier.PRIVATE: 1, SubnetTier.ISOLATED: 2}


@dataclass(frozen=True)
class Placement:
    """One component in one subnet (``component`` is ``None`` for an empty subnet)."""

    network: Network
    subnet: Subnet
    component: str | None


def environments(ctx: Context) -> list[tuple[str, list[Network]]]:
    """Networks grouped by environment id, in the order environments are written."""
    grouped: dict[str, list[Network]] = {env.id: [] for env in ctx.spec.environments.environments}
    for network in ctx.spec.architecture.topology.networks:
        grouped.setdefault(network.environment, []).append(network)
    return [(env, networks) for env, networks in grouped.items() if networks]


def _zones(network: Network) -> list[str]:
    zones = list(network.availability_zones)
    for subnet in network.subnets:
        if subnet.zone not in zones:
            zones.append(subnet.zone)
    return zones


def placements(networks: list[Network]) -> list[Placement]:
    """Every (network, subnet, component) of these networks, in drawing order."""
    found: list[Placement] = []
    for network in networks:
        zones = _zones(network)
        subnets = sorted(
            network.subnets, key=lambda s: (zones.index(s.zone), TIER_ORDER.get(s.tier, 9))
        )
        for subnet in subnets:
            if not subnet.components:
                found.append(Placement(network, subnet, None))
            for component in dict.fromkeys(subnet.components):
                found.append(Placement(network, subnet, component))
    return found


def build(ctx: Context, units: list[Placement]) -> Flowchart:
    """Region → network → zone → subnet → components, for the given placements.

    The textbook picture: a column per availability zone, in the order the network lists
    them; in each column the subnets from public to private to isolated, top to bottom (the
    way traffic comes in); the components of a subnet stacked inside it. The region gets a
    box of its own only when the diagram spans several regions; otherwise it is on the
    network's title, which saves a level of nesting (each level adds Mermaid's margins on
    both sides). With Mermaid's spacing tightened, three zones make a diagram about 1,000 px
    wide, which Material shows at two thirds in its content column.
    """
    chart = ctx.chart("TB")
    # Much tighter than Mermaid's defaults (50, 50, padding 15): no arrows need the room, and
    # every level of nesting adds the spacing again.
    chart.config.update(nodeSpacing=10, rankSpacing=10, padding=8, wrappingWidth=150)
    regions: dict[str, Group] = {}
    networks: dict[str, Group] = {}
    zones: dict[tuple[str, str], Group] = {}
    subnets: dict[tuple[str, str], Group] = {}
    drawn: list[Network] = []
    several_regions = len({unit.network.region for unit in units}) > 1
    for unit in units:
        network, subnet = unit.network, unit.subnet
        parent: Group = chart
        if several_regions:
            region = regions.get(network.region)
            if region is None:
                region = chart.group(text_id("region", network.region), label(f"Region {network.region}"), direction="TB", css="region")
                regions[network.region] = region
            parent = region
        net = networks.get(network.id)
        if net is None:
            where = "" if several_regions else f" · {network.region}"
            title = label(network.name, f"{network.cidr}{where} · {plural(len(_zones(network)), 'zone')}")
            # LR: the zones side by side (a group's direction orders its chained children).
            net = parent.group(node_id("network", network.id), title, direction="LR", css="network")
            networks[network.id] = net
            drawn.append(network)
        zone = zones.get((network.id, subnet.zone))
        if zone is None:
            # TB: the zone's subnets one above the other, in the order they are chained.
            zone = net.group(text_id("zone", f"{network.id}/{subnet.zone}"), label(subnet.zone), direction="TB", css="zone")
            zones[(network.id, subnet.zone)] = zone
        sub = subnets.get((network.id, subnet.id))
        if sub is None:
            title = label(subnet.name or subnet.id, f"{subnet.tier.value} · {subnet.cidr}")
            # LR with no arrows inside: Mermaid stacks the components one above the other.
            sub = zone.group(node_id("subnet", subnet.id), title, direction="LR", css=subnet.tier.value)
            subnets[(network.id, subnet.id)] = sub
        if unit.component is None:
            url = ctx.url("subnet", subnet.id)
            sub.node(f"{node_id('subnet', subnet.id)}__empty", label("no components"), css="muted", url=url)
        else:
            # A component in several subnets gets one node per subnet: a Mermaid node can
            # only sit in one subgraph.
            ident = f"{node_id('component', unit.component)}__{node_id('in', subnet.id)}"
            ctx.component_node(sub, unit.component, ident=ident)
    for group in [*regions.values(), *networks.values(), *zones.values()]:
        group.chain()
    if not several_regions:
        chart.chain()  # the networks, one above the other in the order they are written
    _connections(ctx, chart, drawn, networks)
    return chart


def _connections(ctx: Context, chart: Flowchart, drawn: list[Network], groups: dict[str, Group]) -> None:
    """Peering, VPN and transit links, to a drawn network's box or to a linked stub."""
    for network in drawn:
        for connection in network.connections:
            target = connection.network
            if target not in groups:
                other = ctx.index.item("network", target)
                text = label(getattr(other, "name", target), f"{getattr(other, 'cidr', '')}")
                ident = node_id("network", target) + "__stub"
                if not chart.has(ident):
                    url = ctx.url("network", target)
                    chart.node(ident, text, shape="round", css="stub" if url else "missing", url=url)
                chart.edge(node_id("network", network.id), ident, connection.via.value, style="dotted")
            else:
                chart.edge(node_id("network", network.id), node_id("network", target), connection.via.value, style="dotted")


def diagrams(ctx: Context) -> list[Diagram]:
    """One topology diagram per environment (split per network, then in chunks, if too large)."""
    result: list[Diagram] = []
    grouped = environments(ctx)
    placed = {p.component for _, nets in grouped for p in placements(nets) if p.component}
    unplaced = [c.name for c in ctx.spec.components if c.id not in placed]
    for env_id, networks in grouped:
        env = ctx.index.item("environment", env_id)
        env_name = getattr(env, "name", env_id)

        def network_of(placement: Placement) -> str:
            return f"network {placement.network.name}"

        parts = split(placements(networks), lambda chosen: build(ctx, chosen), groups=network_of)
        for part in parts:
            title = f"Network topology: {env_name}" + (f" ({part.scope})" if part.scope else "")
            result.append(Diagram("topology", title, part.chart.text(), split_note(parts, part, "subnet placements", "per network")))
    if result and unplaced:
        # Said once, under the last topology diagram: components with no subnet are not lost.
        last = result[-1]
        extra = (
            f"{plural(len(unplaced), 'component is', 'components are')} not placed in any subnet "
            "(regional or global services, or not yet placed); they appear in the dependency graph."
        )
        result[-1] = Diagram(last.kind, last.title, last.source, f"{last.note} {extra}" if last.note else extra)
    return result
