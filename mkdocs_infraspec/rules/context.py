"""What rules share: today's date, the spec's policy, and lookups computed once per run."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from ..index import SpecIndex
from ..models import Spec
from ..models.architecture import Layer, Network, Subnet, SubnetTier
from ..models.assertions import Assertion
from ..models.constraints import Policy
from ..models.disaster_recovery import Backup, Objective
from ..models.environments import Environment, Tier
from ..models.responsibilities import Component

#: The fewest availability zones production may use when the policy says nothing.
DEFAULT_PRODUCTION_ZONES = 2
#: The lowest TLS version accepted when the policy says nothing.
DEFAULT_MINIMUM_TLS = "1.2"


@dataclass(frozen=True)
class Placement:
    """A component placed in a subnet: the network, the subnet, and its position in the list."""

    network: Network
    subnet: Subnet
    position: int

    @property
    def zone(self) -> str:
        return self.subnet.zone

    @property
    def public(self) -> bool:
        return self.subnet.tier == SubnetTier.PUBLIC


@dataclass
class RuleContext:
    """The spec seen from the rules: typed lookups, built lazily and once per run."""

    spec: Spec
    index: SpecIndex
    today: _dt.date

    @cached_property
    def policy(self) -> Policy:
        return self.spec.constraints.policy

    @cached_property
    def components(self) -> dict[str, Component]:
        return self.index.by_id("component")

    @cached_property
    def environments(self) -> dict[str, Environment]:
        return self.index.by_id("environment")

    @cached_property
    def production(self) -> set[str]:
        """The ids of production environments."""
        return {e.id for e in self.environments.values() if e.tier == Tier.PRODUCTION}

    def is_production(self, environment: str) -> bool:
        return environment in self.production

    @cached_property
    def layers(self) -> dict[str, Layer]:
        return self.index.by_id("layer")

    @cached_property
    def networks(self) -> list[Network]:
        return list(self.spec.architecture.topology.networks)

    @cached_property
    def placements(self) -> dict[str, list[Placement]]:
        """Where each component is placed, by component id, in document order."""
        found: dict[str, list[Placement]] = defaultdict(list)
        for network in self.networks:
            for subnet in network.subnets:
                for position, component in enumerate(subnet.components):
                    found[component].append(Placement(network, subnet, position))
        return found

    @cached_property
    def stateful(self) -> list[Component]:
        """Components that hold data that must survive: backup, RTO/RPO and encryption rules apply."""
        return [c for c in self.components.values() if c.stateful]

    @cached_property
    def objectives(self) -> dict[str, list[Objective]]:
        found: dict[str, list[Objective]] = defaultdict(list)
        for objective in self.spec.disaster_recovery.objectives:
            for component in dict.fromkeys(objective.components):
                found[component].append(objective)
        return found

    @cached_property
    def backups(self) -> dict[str, list[Backup]]:
        found: dict[str, list[Backup]] = defaultdict(list)
        for backup in self.spec.disaster_recovery.backups:
            found[backup.component].append(backup)
        return found

    @cached_property
    def assertions(self) -> dict[str, list[Assertion]]:
        found: dict[str, list[Assertion]] = defaultdict(list)
        for assertion in self.spec.assertions.assertions:
            for component in dict.fromkeys(assertion.components):
                found[component].append(assertion)
        return found

    def deployed_in(self, component: Component) -> set[str]:
        """The environments a component is deployed to (all of them when it lists none)."""
        return set(component.environments) if component.environments else set(self.environments)

    def strictest_rpo(self, component: str) -> Objective | None:
        """The objective with the shortest RPO among those that hold ``component``."""
        objectives = self.objectives.get(component, [])
        return min(objectives, key=lambda o: o.rpo.seconds) if objectives else None

    def strictest_rto(self, component: str) -> Objective | None:
        objectives = self.objectives.get(component, [])
        return min(objectives, key=lambda o: o.rto.seconds) if objectives else None
