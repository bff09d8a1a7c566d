"""security.yaml: threats and mitigations, controls, secrets, encryption and compliance."""

from __future__ import annotations

import enum

from pydantic import Field

from .base import Item, SpecModel
from .types import ComponentRef, Duration, Markdown, TLSVersion, ref


class ThreatCategory(enum.StrEnum):
    """STRIDE."""

    SPOOFING = "spoofing"
    TAMPERING = "tampering"
    REPUDIATION = "repudiation"
    INFORMATION_DISCLOSURE = "information-disclosure"
    DENIAL_OF_SERVICE = "denial-of-service"
    ELEVATION_OF_PRIVILEGE = "elevation-of-privilege"


class Level(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Threat(Item):
    """A threat to the system, what it would hit, and what answers it."""

    KIND = "threat"
    title: str
    """A short name of the threat."""
    category: ThreatCategory
    """Its STRIDE category."""
    description: Markdown | None = None
    """How the attack or failure would unfold. Markdown."""
    affects: list[ComponentRef] = Field(default_factory=list)
    """The components it targets (ids)."""
    likelihood: Level = Level.MEDIUM
    """`low`, `medium`, `high` or `critical`."""
    impact: Level = Level.MEDIUM
    """`low`, `medium`, `high` or `critical`."""
    mitigations: list[ref("mitigation")] = Field(default_factory=list)  # type: ignore[valid-type]
    """The mitigations that answer it (ids)."""


class MitigationStatus(enum.StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    IMPLEMENTED = "implemented"


class Mitigation(Item):
    """A measure that reduces one or more threats."""

    KIND = "mitigation"
    title: str
    """What is done."""
    description: Markdown | None = None
    """How. Markdown."""
    components: list[ComponentRef] = Field(default_factory=list)
    """Where it is implemented (component ids)."""
    status: MitigationStatus = MitigationStatus.PLANNED
    """`planned`, `in-progress` or `implemented`."""


class ControlType(enum.StrEnum):
    PREVENTIVE = "preventive"
    DETECTIVE = "detective"
    CORRECTIVE = "corrective"


class Control(Item):
    """A standing security control (least privilege, audit logging, WAF rules)."""

    KIND = "control"
    title: str
    """The control."""
    type: ControlType = ControlType.PREVENTIVE
    """`preventive`, `detective` or `corrective`."""
    description: Markdown | None = None
    """What it enforces. Markdown."""
    components: list[ComponentRef] = Field(default_factory=list)
    """Where it applies (component ids)."""


class RotationMethod(enum.StrEnum):
    AUTOMATIC = "automatic"
    MANUAL = "manual"
    NONE = "none"


class Secret(Item):
    """A sensitive value: where it is kept, how often it is rotated, who reads it."""

    KIND = "secret"
    name: str
    """What the secret is (`Ledger database credentials`)."""
    store: ComponentRef
    """The component that stores it (id of the secrets store)."""
    rotation: Duration | None = None
    """How often it is rotated (`30d`); leave out only if it cannot be rotated."""
    rotation_method: RotationMethod = RotationMethod.AUTOMATIC
    """`automatic`, `manual` or `none`."""
    consumers: list[ComponentRef] = Field(default_factory=list)
    """The components that read it (ids)."""
    description: str | None = None
    """Anything a reviewer should know."""


class AtRestMethod(enum.StrEnum):
    CUSTOMER_MANAGED_KEY = "customer-managed-key"
    PROVIDER_MANAGED_KEY = "provider-managed-key"
    NONE = "none"


class AtRest(SpecModel):
    """How one component's stored data is encrypted."""

    component: ComponentRef
    """The data store (id)."""
    method: AtRestMethod
    """`customer-managed-key`, `provider-managed-key` or `none`."""
    key: str | None = None
    """The key used (`KMS key alias/ledger-data`)."""

    def describe(self) -> str:
        return f"encryption at rest of {self.component!r}"


class InTransit(SpecModel):
    """The TLS a component accepts or uses."""

    component: ComponentRef
    """The component (id)."""
    minimum_tls: TLSVersion
    """The lowest TLS version it accepts (`"1.2"`)."""
    termination: str | None = None
    """Where TLS ends (`at the ALB, re-encrypted to tasks`)."""

    def describe(self) -> str:
        return f"encryption in transit of {self.component!r}"


class Encryption(SpecModel):
    """Encryption at rest and in transit."""

    at_rest: list[AtRest] = Field(default_factory=list)
    """Per data store."""
    in_transit: list[InTransit] = Field(default_factory=list)
    """Per component that terminates or originates TLS."""
    key_management: str | None = None
    """How keys are managed (`KMS customer-managed keys per environment, yearly rotation`)."""


class Requirement(Item):
    """One requirement of a compliance framework, and what satisfies it."""

    KIND = "requirement"
    title: str
    """The requirement, in a line (`Protect stored account data`)."""
    reference: str | None = None
    """Its number in the framework (`PCI DSS 3.5`)."""
    satisfied_by: list[ref("control", "mitigation", "component", "assertion", "decision")] = Field(default_factory=list)  # type: ignore[valid-type]
    """What satisfies it (control, mitigation, component, assertion or decision ids)."""


class Framework(Item):
    """A compliance framework in scope, with its requirements."""

    KIND = "framework"
    name: str
    """The framework (`PCI DSS v4.0`)."""
    scope: Markdown | None = None
    """What is in scope. Markdown."""
    requirements: list[Requirement] = Field(default_factory=list)
    """The requirements that bear on infrastructure."""


class Security(SpecModel):
    """Threats, mitigations, controls, secrets, encryption and compliance."""

    principles: list[str] = Field(default_factory=list)
    """The security posture in a few lines (defense in depth, least privilege)."""
    threats: list[Threat] = Field(default_factory=list)
    """The threat model."""
    mitigations: list[Mitigation] = Field(default_factory=list)
    """What reduces the threats."""
    controls: list[Control] = Field(default_factory=list)
    """Standing controls."""
    secrets: list[Secret] = Field(default_factory=list)
    """Sensitive values and their rotation."""
    encryption: Encryption = Field(default_factory=Encryption)
    """Encryption at rest and in transit."""
    compliance: list[Framework] = Field(default_factory=list)
    """Compliance frameworks with their requirements."""
