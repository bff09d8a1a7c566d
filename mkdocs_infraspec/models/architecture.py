"""architecture.yaml: layers, module and environment boundaries, network topology and flows."""

from __future__ import annotations

import enum

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .base import Item, SpecModel, Suppression
from .types import CIDR, ComponentRef, Identifier, Markdown, Port, ref


class Layer(Item):
    """An infrastructure layer (network, compute, data...) and how it is isolated and secured.

    Components name their layer in `responsibilities.yaml`; the layer lists what it depends on.
    """

    KIND = "layer"
    name: str
    """The layer's display name."""
    description: Markdown | None = None
    """What belongs in this layer. Markdown."""
    isolation: str | None = None
    """How blast radius is contained (`One VPC per environment`)."""
    security: str | None = None
    """The layer's security posture (`Security groups with least privilege`)."""
    scaling: str | None = None
    """How it scales (`Auto-scaling on CPU and queue depth`)."""
    connectivity: str | None = None
    """How it connects to other layers and networks."""
    backups: str | None = None
    """How its data is backed up, where relevant."""
    depends_on: list[ref("layer")] = Field(default_factory=list)  # type: ignore[valid-type]
    """The layers it requires (ids)."""


class Module(Item):
    """A module boundary: components that are provisioned and versioned together."""

    KIND = "module"
    name: str
    """The module's display name."""
    description: Markdown | None = None
    """What the module encapsulates. Markdown."""
    components: list[ComponentRef] = Field(default_factory=list)
    """The components it groups (ids)."""
    owner: str | None = None
    """The team that maintains it."""
    inputs: list[str] = Field(default_factory=list)
    """What it needs from outside (names, not configurations)."""
    outputs: list[str] = Field(default_factory=list)
    """What it gives to other modules."""


class SharedService(SpecModel):
    """A component shared across environments, and why."""

    component: ComponentRef
    """The shared component (id)."""
    reason: str | None = None
    """Why it is shared rather than duplicated."""


class EnvironmentBoundaries(SpecModel):
    """How environments are kept apart."""

    strategy: Markdown | None = None
    """The separation strategy (accounts, networks, identities). Markdown."""
    shared: list[SharedService] = Field(default_factory=list)
    """Components deliberately shared across environments."""
    promotion: str | None = None
    """How changes move from one environment to the next."""


class SubnetTier(enum.StrEnum):
    """Who can reach a subnet."""

    PUBLIC = "public"
    PRIVATE = "private"
    ISOLATED = "isolated"


class Subnet(Item):
    """A subnet of a network, in one availability zone, with the components placed in it."""

    KIND = "subnet"
    name: str | None = None
    """A display name; the id is used when omitted."""
    tier: SubnetTier
    """`public` (routes to an internet gateway), `private` (egress via NAT) or `isolated` (no internet)."""
    zone: str
    """The availability zone (one of the network's `availability_zones`)."""
    cidr: CIDR
    """The subnet's block; must lie inside the network's CIDR."""
    components: list[ComponentRef] = Field(default_factory=list)
    """Components placed in this subnet (ids)."""
    description: str | None = None
    """What the subnet is for."""


class ConnectionKind(enum.StrEnum):
    PEERING = "peering"
    TRANSIT_GATEWAY = "transit-gateway"
    VPN = "vpn"
    PRIVATE_LINK = "private-link"
    INTERCONNECT = "interconnect"


class Connection(SpecModel):
    """A link from this network to another."""

    network: ref("network")  # type: ignore[valid-type]
    """The other network (id)."""
    via: ConnectionKind
    """How they are linked."""
    purpose: str | None = None
    """Why."""


class Network(Item):
    """A network (VPC, VNet) of one environment, in one region, with its zones and subnets."""

    KIND = "network"
    name: str
    """The network's display name."""
    environment: ref("environment")  # type: ignore[valid-type]
    """The environment it belongs to (id)."""
    region: str
    """The cloud region (`eu-west-1`)."""
    cidr: CIDR
    """The network's address block."""
    availability_zones: list[str] = Field(default_factory=list)
    """The availability zones it spans."""
    subnets: list[Subnet] = Field(default_factory=list)
    """Its subnets."""
    connections: list[Connection] = Field(default_factory=list)
    """Links to other networks (peering, transit gateway, VPN)."""
    description: str | None = None
    """What the network is for."""

    @model_validator(mode="after")
    def _zones_known(self) -> Network:
        if self.availability_zones:
            for index, subnet in enumerate(self.subnets):
                if subnet.zone not in self.availability_zones:
                    raise PydanticCustomError(
                        "infraspec_zone",
                        f"subnet {subnet.id!r} is in zone {subnet.zone!r}, which network {self.id!r} does not list",
                        {
                            "subnet": subnet.id,
                            "zone": subnet.zone,
                            "network": self.id,
                            "hint": "add it to availability_zones or use one of: " + ", ".join(self.availability_zones),
                            "path": ("subnets", index, "zone"),
                        },
                    )
        return self


class External(Item):
    """Something outside the spec that takes part in flows (users, a partner API, the internet)."""

    KIND = "external"
    name: str
    """Its display name."""
    description: str | None = None
    """What it is."""


class Protocol(enum.StrEnum):
    HTTPS = "https"
    HTTP = "http"
    GRPC = "grpc"
    TCP = "tcp"
    UDP = "udp"
    TLS = "tls"
    POSTGRES = "postgres"
    MYSQL = "mysql"
    REDIS = "redis"
    AMQP = "amqp"
    KAFKA = "kafka"
    DNS = "dns"
    SSH = "ssh"
    SMTP = "smtp"
    OTHER = "other"


class Flow(SpecModel):
    """A data flow between components or externals, for the data-flow view."""

    id: Identifier | None = None
    """An optional id, to refer to the flow from prose."""
    source: ref("component", "external") = Field(alias="from")  # type: ignore[valid-type]
    """Where the data comes from (component or external id)."""
    target: ref("component", "external") = Field(alias="to")  # type: ignore[valid-type]
    """Where it goes (component or external id)."""
    protocol: Protocol
    """The protocol on the wire."""
    port: Port | None = None
    """The destination port (or a range `"1024-2048"`)."""
    description: str | None = None
    """What travels on this flow."""
    encrypted: bool = True
    """The flow is encrypted in transit."""
    data: str | None = None
    """The data classification carried (`cardholder data`, `public`)."""
    suppress: list[Suppression] = Field(default_factory=list)
    """Rule findings to silence on this flow, each with a rule and a reason (as on items)."""

    def describe(self) -> str:
        return f"flow {self.source} → {self.target}"


class Topology(SpecModel):
    """The network topology: networks, externals and the flows between components."""

    networks: list[Network] = Field(default_factory=list)
    """Networks, each with its subnets and the components placed in them."""
    externals: list[External] = Field(default_factory=list)
    """Parties outside the spec that flows start or end at."""
    flows: list[Flow] = Field(default_factory=list)
    """Data flows with protocol and port."""


class Architecture(SpecModel):
    """Layers, module and environment boundaries, and the network topology."""

    layers: list[Layer] = Field(default_factory=list)
    """The infrastructure layers, outermost first."""
    modules: list[Module] = Field(default_factory=list)
    """Module boundaries: what gets grouped and versioned together."""
    environment_boundaries: EnvironmentBoundaries | None = None
    """How environments are separated."""
    topology: Topology = Field(default_factory=Topology)
    """Networks, subnets, placement and flows."""
