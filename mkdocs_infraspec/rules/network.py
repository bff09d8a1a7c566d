"""Network rules (IS7xx): address arithmetic with :mod:`ipaddress`, zones and placement."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..index import SpecIndex
from ..models import Spec
from ..models.architecture import SubnetTier
from ..models.types import IPNetwork
from .context import DEFAULT_PRODUCTION_ZONES, Placement, RuleContext
from .rule import Finding, finding, rule


def _overlaps(a: IPNetwork, b: IPNetwork) -> bool:
    return a.version == b.version and a.overlaps(b)


def _inside(inner: IPNetwork, outer: IPNetwork) -> bool:
    return inner.version == outer.version and inner.subnet_of(outer)  # type: ignore[arg-type]


@rule("IS701", "network-overlap", "network", severity="error", needs=("architecture",))
def network_overlap(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """Two networks have overlapping address blocks.

    Overlapping networks cannot be peered, routed to each other or joined by a transit
    gateway later; keep every network's block distinct, across environments too.

    FAIL:
    ```yaml
    networks:
      - id: prod-vpc
        cidr: 10.0.0.0/16
      - id: staging-vpc
        cidr: 10.0.128.0/17
    ```
    PASS:
    ```yaml
      - id: staging-vpc
        cidr: 10.1.0.0/16
    ```
    """
    networks = context.networks
    for later_position, later in enumerate(networks):
        for earlier in networks[:later_position]:
            if _overlaps(earlier.cidr, later.cidr):
                yield finding(later.loc("cidr"), f"network {later.id!r} ({later.cidr}) overlaps network {earlier.id!r} ({earlier.cidr})",
                              later, earlier, related=(earlier.loc("cidr"),),
                              hint="give each network its own address block")


@rule("IS702", "environment-overlap", "network", severity="error", needs=("environments",))
def environment_overlap(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """Two environments have overlapping address spaces.

    FAIL:
    ```yaml
    environments:
      - id: staging
        cidr: 10.0.0.0/16
      - id: production
        cidr: 10.0.0.0/15
    ```
    PASS:
    ```yaml
      - id: production
        cidr: 10.2.0.0/16
    ```
    """
    environments = [e for e in spec.environments.environments if e.cidr is not None]
    for later_position, later in enumerate(environments):
        for earlier in environments[:later_position]:
            assert later.cidr is not None and earlier.cidr is not None
            if _overlaps(earlier.cidr, later.cidr):
                yield finding(later.loc("cidr"), f"environment {later.id!r} ({later.cidr}) overlaps environment {earlier.id!r} ({earlier.cidr})",
                              later, earlier, related=(earlier.loc("cidr"),),
                              hint="give each environment its own address space")


@rule("IS703", "subnet-outside-network", "network", severity="error", needs=("architecture",))
def subnet_outside_network(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A subnet's block is not inside its network's block.

    FAIL:
    ```yaml
    - id: prod-vpc
      cidr: 10.0.0.0/16
      subnets:
        - id: prod-public-a
          cidr: 10.1.0.0/24
    ```
    PASS:
    ```yaml
        - id: prod-public-a
          cidr: 10.0.0.0/24
    ```
    """
    for network in context.networks:
        for subnet in network.subnets:
            if not _inside(subnet.cidr, network.cidr):
                yield finding(subnet.loc("cidr"), f"subnet {subnet.id!r} ({subnet.cidr}) is outside network {network.id!r} ({network.cidr})",
                              subnet, related=(network.loc("cidr"),),
                              hint=f"choose a block inside {network.cidr}")


@rule("IS704", "subnet-overlap", "network", severity="error", needs=("architecture",))
def subnet_overlap(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """Two subnets of a network overlap.

    FAIL:
    ```yaml
    subnets:
      - id: prod-private-a
        cidr: 10.0.0.0/22
      - id: prod-private-b
        cidr: 10.0.2.0/24
    ```
    PASS:
    ```yaml
      - id: prod-private-b
        cidr: 10.0.4.0/22
    ```
    """
    for network in context.networks:
        for later_position, later in enumerate(network.subnets):
            for earlier in network.subnets[:later_position]:
                if _overlaps(earlier.cidr, later.cidr):
                    yield finding(later.loc("cidr"), f"subnet {later.id!r} ({later.cidr}) overlaps subnet {earlier.id!r} ({earlier.cidr})",
                                  later, earlier, related=(earlier.loc("cidr"),),
                                  hint="subnets of a network must not share addresses")


@rule("IS705", "production-zones", "network", severity="error", needs=("architecture", "environments", "constraints"))
def production_zones(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """Production spans fewer availability zones than required (two, or `policy.production_availability_zones`).

    Checked on each production environment (`availability_zones`) and on each network of
    a production environment (its `availability_zones`, or the zones of its subnets). A
    production environment that lists no zones at all is reported as a warning.

    FAIL:
    ```yaml
    environments:
      - id: production
        tier: production
        availability_zones: [eu-west-1a]
    ```
    PASS:
    ```yaml
        availability_zones: [eu-west-1a, eu-west-1b]
    ```
    """
    required = context.policy.production_availability_zones or DEFAULT_PRODUCTION_ZONES
    hint = f"spread production over at least {required} availability zones"
    for environment in context.environments.values():
        if environment.id not in context.production:
            continue
        zones = set(environment.availability_zones)
        if not zones:
            # Not stated is a gap (a warning); stated and too few is wrong (an error).
            yield finding(environment.loc("id"), f"production environment {environment.id!r} lists no availability zones",
                          environment, hint=f"add availability_zones: at least {required}", severity=Severity.WARNING)
        elif len(zones) < required:
            yield finding(environment.loc("availability_zones"), f"production environment {environment.id!r} uses {len(zones)} availability zone{'s' if len(zones) != 1 else ''}, fewer than {required}",
                          environment, hint=hint)
    for network in context.networks:
        if network.environment not in context.production:
            continue
        listed = bool(network.availability_zones)
        zones = set(network.availability_zones) if listed else {s.zone for s in network.subnets}
        if len(zones) < required:
            where = network.loc("availability_zones") if listed else (network.loc("subnets") if network.subnets else network.loc("id"))
            yield finding(where, f"production network {network.id!r} spans {len(zones)} availability zone{'s' if len(zones) != 1 else ''}, fewer than {required}",
                          network, hint=hint)


@rule("IS706", "private-in-public-subnet", "network", severity="error", needs=("responsibilities", "architecture"))
def private_in_public_subnet(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A component that is not `public` is placed in a public subnet.

    Resources sit in private subnets unless they must be reachable from the internet; mark
    those (load balancers, NAT gateways, bastions) with `public: true`.

    FAIL:
    ```yaml
    subnets:
      - id: prod-public-a
        tier: public
        components: [ledger-db]
    ```
    PASS:
    ```yaml
      - id: prod-data-a
        tier: isolated
        components: [ledger-db]
    ```
    """
    for component_id, placements in context.placements.items():
        component = context.components.get(component_id)
        if component is None or component.public:
            continue
        for placement in placements:
            if placement.public:
                yield finding(placement.subnet.loc("components", placement.position),
                              f"component {component_id!r} is not public, but is placed in public subnet {placement.subnet.id!r}",
                              component, placement.subnet,
                              hint="move it to a private subnet, or set public: true on the component if it must face the internet")


@rule("IS707", "network-outside-environment", "network", severity="error", needs=("architecture", "environments"))
def network_outside_environment(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A network's block is outside its environment's address space.

    FAIL:
    ```yaml
    # environments.yaml: production has cidr: 10.0.0.0/14
    networks:
      - id: prod-vpc
        environment: production
        cidr: 10.8.0.0/16
    ```
    PASS:
    ```yaml
        cidr: 10.0.0.0/16
    ```
    """
    for network in context.networks:
        environment = context.environments.get(network.environment)
        if environment is None or environment.cidr is None:
            continue
        if not _inside(network.cidr, environment.cidr):
            yield finding(network.loc("cidr"),
                          f"network {network.id!r} ({network.cidr}) is outside the address space of environment {environment.id!r} ({environment.cidr})",
                          network, related=(environment.loc("cidr"),),
                          hint=f"choose a block inside {environment.cidr}")


@rule("IS708", "subnet-size", "network", severity="error", needs=("architecture", "constraints"))
def subnet_size(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A subnet's prefix length differs from the one the policy sets for its tier.

    `policy.public_subnet_prefix` applies to public subnets, `policy.private_subnet_prefix`
    to private ones (isolated subnets are not checked).

    FAIL:
    ```yaml
    # constraints.yaml
    policy:
      private_subnet_prefix: 22
    # architecture.yaml, in a network
    subnets:
      - id: prod-private-a
        tier: private
        cidr: 10.0.8.0/24
    ```
    PASS:
    ```yaml
        cidr: 10.0.8.0/22
    ```
    """
    wanted = {SubnetTier.PUBLIC: context.policy.public_subnet_prefix, SubnetTier.PRIVATE: context.policy.private_subnet_prefix}
    for network in context.networks:
        for subnet in network.subnets:
            prefix = wanted.get(subnet.tier)
            if prefix is not None and subnet.cidr.prefixlen != prefix:
                field = "public_subnet_prefix" if subnet.tier == SubnetTier.PUBLIC else "private_subnet_prefix"
                yield finding(subnet.loc("cidr"),
                              f"{subnet.tier.value} subnet {subnet.id!r} is a /{subnet.cidr.prefixlen}, but the policy sets /{prefix}",
                              subnet, related=(spec.constraints.loc("policy", field),),
                              hint=f"use a /{prefix} block")


@rule("IS709", "single-zone-component", "network", needs=("responsibilities", "architecture", "environments"))
def single_zone_component(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A production component is placed in only one availability zone.

    Compute must span zones to survive a zone failure. Data stores are checked by
    `production-data-multi-az` (an error) instead.

    FAIL:
    ```yaml
    subnets:
      - id: prod-private-a
        zone: eu-west-1a
        components: [api]
      - id: prod-private-b
        zone: eu-west-1b
        components: []
    ```
    PASS:
    ```yaml
      - id: prod-private-b
        zone: eu-west-1b
        components: [api]
    ```
    """
    for component_id, placements in context.placements.items():
        component = context.components.get(component_id)
        if component is None or component.stateful:
            continue
        by_network: dict[str, list[Placement]] = {}
        for placement in placements:
            if placement.network.environment in context.production:
                by_network.setdefault(placement.network.id, []).append(placement)
        for items in by_network.values():
            if len({p.zone for p in items}) < 2:
                first = items[0]
                yield finding(first.subnet.loc("components", first.position),
                              f"production component {component_id!r} is only in zone {first.zone} of network {first.network.id!r}",
                              component, first.subnet,
                              hint="place it in subnets of at least two availability zones")


@rule("IS710", "external-to-private", "network", needs=("responsibilities", "architecture"))
def external_to_private(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A flow comes from outside the system straight to a component that is not `public`.

    Traffic from users or partners enters through a public component (a load balancer, an
    API gateway, a CDN); a flow that reaches an internal component directly either skips
    that entry point or the component should be marked `public: true`.

    FAIL:
    ```yaml
    flows:
      - from: customers      # an external
        to: ledger-db
        protocol: postgres
    ```
    PASS:
    ```yaml
    flows:
      - from: customers
        to: api-gateway      # public: true
        protocol: https
    ```
    """
    externals = {e.id for e in spec.architecture.topology.externals}
    for flow in spec.architecture.topology.flows:
        if flow.source not in externals:
            continue
        target = context.components.get(flow.target)
        if target is not None and not target.public:
            yield finding(flow.loc("target"), f"{flow.describe()} comes from outside the system, but {target.id!r} is not public", flow, target,
                          hint="route it through a public entry point, or set public: true on the component")


@rule("IS711", "production-connection", "network", needs=("architecture", "environments"))
def production_connection(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A production network is connected to a non-production network.

    Peering, VPNs or transit gateways between production and development or staging break
    environment isolation: a compromised test host can reach production.

    FAIL:
    ```yaml
    - id: prod-vpc
      environment: production
      connections:
        - network: staging-vpc
          via: peering
    ```
    PASS:
    ```yaml
    - id: prod-vpc
      environment: production
      connections:
        - network: shared-services-vpc   # a production-tier network
          via: transit-gateway
    ```
    """
    by_id = {n.id: n for n in context.networks}
    for network in context.networks:
        for position, connection in enumerate(network.connections):
            other = by_id.get(connection.network)
            if other is None:
                continue
            ours, theirs = network.environment in context.production, other.environment in context.production
            if ours != theirs and network.environment in context.environments and other.environment in context.environments:
                production, test = (network, other) if ours else (other, network)
                yield finding(network.loc("connections", position, "network"),
                              f"production network {production.id!r} is connected to {test.id!r} of environment {test.environment!r}",
                              network, other,
                              hint="keep production isolated; share services through a production-tier network")
