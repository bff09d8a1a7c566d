"""Security rules (IS8xx): encryption, TLS, secrets, threats and compliance."""

from __future__ import annotations

from collections.abc import Iterator

from ..index import SpecIndex
from ..models import Spec
from ..models.architecture import Protocol
from ..models.security import AtRest, AtRestMethod, RotationMethod
from ..models.types import tls_tuple
from .context import DEFAULT_MINIMUM_TLS, RuleContext
from .rule import Finding, finding, rule

#: Protocols whose traffic from outside ends in a TLS handshake with the target.
_TLS_PROTOCOLS = (Protocol.HTTPS, Protocol.GRPC, Protocol.TLS)


@rule("IS801", "encryption-at-rest", "security", severity="error", needs=("responsibilities", "security"))
def encryption_at_rest(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A data store is not encrypted at rest, or the spec does not say how it is.

    Every `stateful` component needs an entry under `encryption.at_rest` with a method
    other than `none`.

    FAIL:
    ```yaml
    encryption:
      at_rest:
        - component: ledger-db
          method: none
    ```
    PASS:
    ```yaml
    encryption:
      at_rest:
        - component: ledger-db
          method: customer-managed-key
          key: alias/ledger-data
    ```
    """
    entries: dict[str, AtRest] = {}
    for declared in spec.security.encryption.at_rest:
        entries.setdefault(declared.component, declared)
    for component in context.stateful:
        entry = entries.get(component.id)
        if entry is None:
            yield finding(component.loc("stateful"), f"data store {component.id!r} has no encryption at rest", component,
                          hint="add it to encryption.at_rest in security.yaml with its method and key")
        elif entry.method == AtRestMethod.NONE:
            yield finding(entry.loc("method"), f"data store {component.id!r} is not encrypted at rest", component,
                          hint="use customer-managed-key or provider-managed-key")


@rule("IS802", "minimum-tls", "security", severity="error", needs=("security", "constraints"))
def minimum_tls(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A component accepts a TLS version below the minimum (1.2, or `policy.minimum_tls`).

    FAIL:
    ```yaml
    in_transit:
      - component: public-alb
        minimum_tls: "1.0"
    ```
    PASS:
    ```yaml
    in_transit:
      - component: public-alb
        minimum_tls: "1.2"
    ```
    """
    required = context.policy.minimum_tls or DEFAULT_MINIMUM_TLS
    for entry in spec.security.encryption.in_transit:
        if tls_tuple(entry.minimum_tls) < tls_tuple(required):
            yield finding(entry.loc("minimum_tls"), f"{entry.describe()} accepts TLS {entry.minimum_tls}, below the minimum {required}",
                          context.components.get(entry.component), hint=f"accept TLS {required} or later only")


@rule("IS803", "secret-rotation", "security", needs=("security",))
def secret_rotation(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A secret is never rotated.

    Credentials are rotated, automatically when possible; a secret that cannot be rotated
    deserves a suppression that says why.

    FAIL:
    ```yaml
    secrets:
      - id: ledger-db-credentials
        name: Ledger database credentials
        store: secrets-manager
    ```
    PASS:
    ```yaml
      - id: ledger-db-credentials
        name: Ledger database credentials
        store: secrets-manager
        rotation: 30d
    ```
    """
    for secret in spec.security.secrets:
        if secret.rotation_method == RotationMethod.NONE:
            yield finding(secret.loc("rotation_method"), f"secret {secret.id!r} is never rotated", secret,
                          hint="rotate it (automatic when possible) and give rotation: 30d")
        elif secret.rotation is None:
            yield finding(secret.loc("id"), f"secret {secret.id!r} has no rotation period", secret,
                          hint="add rotation: how often it is rotated (30d, 90d)")


@rule("IS804", "secret-rotation-policy", "security", severity="error", needs=("security", "constraints"))
def secret_rotation_policy(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A secret is rotated less often than `policy.secret_rotation` requires.

    FAIL:
    ```yaml
    # constraints.yaml
    policy:
      secret_rotation: 90d
    # security.yaml
    secrets:
      - id: partner-api-key
        rotation: 180d
    ```
    PASS:
    ```yaml
        rotation: 90d
    ```
    """
    longest = context.policy.secret_rotation
    if longest is None:
        return
    for secret in spec.security.secrets:
        if secret.rotation is not None and secret.rotation.seconds > longest.seconds:
            yield finding(secret.loc("rotation"), f"secret {secret.id!r} is rotated every {secret.rotation.human()}, but the policy allows at most {longest.human()}",
                          secret, related=(spec.constraints.loc("policy", "secret_rotation"),),
                          hint=f"rotate it at least every {longest}")


@rule("IS805", "unmitigated-threat", "security", needs=("security",))
def unmitigated_threat(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A threat has no mitigation.

    Every threat in the model is answered by at least one mitigation, or the spec says
    (with a suppression and its reason) that the risk is accepted.

    FAIL:
    ```yaml
    threats:
      - id: credential-leak
        title: Database credentials leak
        category: information-disclosure
    ```
    PASS:
    ```yaml
      - id: credential-leak
        title: Database credentials leak
        category: information-disclosure
        mitigations: [secrets-manager-rotation]
    ```
    """
    for threat in spec.security.threats:
        if not threat.mitigations:
            yield finding(threat.loc("id"), f"threat {threat.id!r} has no mitigation", threat,
                          hint="add mitigations: [<mitigation id>], or suppress with the reason the risk is accepted")


@rule("IS806", "unsatisfied-requirement", "security", needs=("security",))
def unsatisfied_requirement(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A compliance requirement names nothing that satisfies it.

    FAIL:
    ```yaml
    requirements:
      - id: pci-10
        title: Log and monitor all access
    ```
    PASS:
    ```yaml
      - id: pci-10
        title: Log and monitor all access
        satisfied_by: [audit-logging]
    ```
    """
    for framework in spec.security.compliance:
        for requirement in framework.requirements:
            if not requirement.satisfied_by:
                yield finding(requirement.loc("id"), f"requirement {requirement.id!r} of {framework.name} is satisfied by nothing", requirement,
                              hint="add satisfied_by: the controls, mitigations, components, assertions or decisions that meet it")


@rule("IS807", "orphan-mitigation", "security", needs=("security",))
def orphan_mitigation(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A mitigation answers no threat and satisfies no requirement.

    FAIL:
    ```yaml
    mitigations:
      - id: waf-rules
        title: WAF managed rules
    # no threat lists waf-rules in its mitigations
    ```
    PASS:
    ```yaml
    threats:
      - id: injection
        title: SQL injection
        category: tampering
        mitigations: [waf-rules]
    ```
    """
    for mitigation in spec.security.mitigations:
        if not index.referrers("mitigation", mitigation.id):
            yield finding(mitigation.loc("id"), f"mitigation {mitigation.id!r} answers no threat", mitigation,
                          hint="list it in the mitigations of the threats it reduces, or remove it")


@rule("IS808", "unencrypted-backup", "security", severity="error", needs=("disaster-recovery",))
def unencrypted_backup(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A backup is not encrypted.

    FAIL:
    ```yaml
    - id: ledger-export
      component: ledger-db
      method: export
      encrypted: false
    ```
    PASS:
    ```yaml
    - id: ledger-export
      component: ledger-db
      method: export
      encrypted: true
    ```
    """
    for backup in spec.disaster_recovery.backups:
        if not backup.encrypted:
            yield finding(backup.loc("encrypted"), f"backup {backup.id!r} is not encrypted", backup,
                          hint="encrypt backups (with the same key management as the data)")


@rule("IS809", "state-protection", "security", needs=("constraints",))
def state_protection(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """Infrastructure state is not encrypted or not versioned.

    IaC state holds resource ids and often secrets: it is encrypted at rest, and versioned
    so that a bad apply can be rolled back.

    FAIL:
    ```yaml
    iac:
      tool: Terraform
      state:
        backend: S3
        locking: DynamoDB lock table
    ```
    PASS:
    ```yaml
      state:
        backend: S3
        locking: DynamoDB lock table
        versioning: true
        encrypted: true
    ```
    """
    iac = spec.constraints.iac
    if iac is None or iac.state is None:
        return
    state = iac.state
    missing = [(label, name) for label, name in (("encrypted", "encrypted"), ("versioned", "versioning")) if not getattr(state, name)]
    if missing:
        # Point at a field written as false; when both are left out, at the backend they are about.
        written = [name for _, name in missing if name in state.model_fields_set]
        where = state.loc(written[0]) if written else state.loc("backend")
        yield finding(where, f"infrastructure state is not {' or '.join(label for label, _ in missing)}",
                      hint="set encrypted: true and versioning: true under iac.state")


@rule("IS810", "public-data-store", "security", needs=("responsibilities",))
def public_data_store(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A data store is marked as reachable from the internet.

    Data stores block public access by default; a public bucket for static assets is the
    usual exception, and deserves a suppression with its reason.

    FAIL:
    ```yaml
    - id: ledger-db
      stateful: true
      public: true
    ```
    PASS:
    ```yaml
    - id: ledger-db
      stateful: true
    ```
    """
    for component in context.stateful:
        if component.public:
            yield finding(component.loc("public"), f"data store {component.id!r} is public", component,
                          hint="keep data stores private; serve public content through a CDN or an API")


@rule("IS811", "unencrypted-flow", "security", needs=("architecture",))
def unencrypted_flow(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A data flow is not encrypted in transit (`encrypted: false`, or plain `http`).

    FAIL:
    ```yaml
    flows:
      - from: api
        to: ledger-db
        protocol: postgres
        encrypted: false
    ```
    PASS:
    ```yaml
    flows:
      - from: api
        to: ledger-db
        protocol: postgres
    ```
    """
    for flow in spec.architecture.topology.flows:
        if not flow.encrypted:
            yield finding(flow.loc("encrypted"), f"{flow.describe()} is not encrypted", flow,
                          hint="encrypt it in transit (TLS)")
        elif flow.protocol == Protocol.HTTP:
            yield finding(flow.loc("protocol"), f"{flow.describe()} uses plain HTTP", flow,
                          hint="use https; a redirect-only listener deserves a suppression that says so")


@rule("IS812", "entry-point-tls", "security", needs=("responsibilities", "architecture", "security"))
def entry_point_tls(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A component that takes HTTPS, gRPC or TLS traffic from outside the system does not say which TLS it accepts.

    Entry points (load balancers, API gateways, CDNs) are where TLS from the internet ends;
    each needs an entry under `encryption.in_transit` with its minimum TLS version.
    Public components that terminate no TLS (NAT gateways, DNS) are not concerned.

    FAIL:
    ```yaml
    # architecture.yaml
    flows:
      - from: customers      # an external
        to: public-alb
        protocol: https
    # security.yaml: no in_transit entry for public-alb
    ```
    PASS:
    ```yaml
    in_transit:
      - component: public-alb
        minimum_tls: "1.2"
        termination: At the ALB, re-encrypted to the tasks
    ```
    """
    covered = {entry.component for entry in spec.security.encryption.in_transit}
    externals = {e.id for e in spec.architecture.topology.externals}
    reported: set[str] = set()
    for flow in spec.architecture.topology.flows:
        if flow.source not in externals or flow.protocol not in _TLS_PROTOCOLS:
            continue
        component = context.components.get(flow.target)
        if component is None or component.id in covered or component.id in reported:
            continue
        reported.add(component.id)
        yield finding(flow.loc("target"), f"{component.id!r} takes {flow.protocol.value} from {flow.source!r}, but has no TLS settings",
                      component, flow, hint="add it to encryption.in_transit in security.yaml with its minimum_tls")


@rule("IS813", "empty-framework", "security", needs=("security",))
def empty_framework(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A compliance framework lists no requirements.

    Name the requirements that bear on the infrastructure, so that each can be traced to
    what satisfies it.

    FAIL:
    ```yaml
    compliance:
      - id: pci-dss
        name: PCI DSS v4.0
    ```
    PASS:
    ```yaml
      - id: pci-dss
        name: PCI DSS v4.0
        requirements:
          - id: pci-3-5
            title: Protect stored account data
            satisfied_by: [kms-encryption]
    ```
    """
    for framework in spec.security.compliance:
        if not framework.requirements:
            yield finding(framework.loc("id"), f"compliance framework {framework.id!r} lists no requirements", framework,
                          hint="add the requirements that bear on the infrastructure, with what satisfies each")
