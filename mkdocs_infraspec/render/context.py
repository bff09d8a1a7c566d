"""What each page template receives beyond the spec itself: groupings, totals, summaries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from ..index import SpecIndex
from ..models import CONCERNS, Component, Spec
from ..models.clarifications import QuestionStatus
from ..models.vocabulary import Term
from .component import gather

#: One line on what each concern page holds, for the summary's section cards.
BLURBS: dict[str, str] = {
    "overview": "System context, goals, stakeholders, scale and delivery.",
    "vocabulary": "The shared language: every term and what it means here.",
    "responsibilities": "What each component manages, provides and exposes, and what it needs.",
    "architecture": "Layers, module and environment boundaries, network topology and flows.",
    "tradeoffs": "The decisions taken, the options weighed and why.",
    "security": "Threat model, mitigations, controls, secrets, encryption and compliance.",
    "observability": "Logs, metrics, alerts, dashboards, SLOs and tracing.",
    "disaster-recovery": "Recovery objectives, backups, restore procedures and failover.",
    "cost-management": "Budgets, estimates, savings strategies and shutdown schedules.",
    "assertions": "Testable Given / When / Then statements about the infrastructure.",
    "constraints": "The standards implementation is held to, from naming to change management.",
    "environments": "Each deployment of the system, its isolation, region and controls.",
    "clarifications": "Questions raised while writing the spec, open and answered.",
}

#: Material icons shown on the summary's section cards.
ICONS: dict[str, str] = {
    "overview": ":material-telescope:",
    "vocabulary": ":material-book-alphabet:",
    "responsibilities": ":material-account-cog:",
    "architecture": ":material-layers-triple:",
    "tradeoffs": ":material-scale-balance:",
    "security": ":material-shield-lock:",
    "observability": ":material-chart-line:",
    "disaster-recovery": ":material-backup-restore:",
    "cost-management": ":material-cash-multiple:",
    "assertions": ":material-check-decagram:",
    "constraints": ":material-ruler-square:",
    "environments": ":material-server-network:",
    "clarifications": ":material-chat-question:",
}


@dataclass
class Section:
    """A concern page as the summary lists it."""

    name: str
    title: str
    src: str
    blurb: str
    icon: Markup
    counts: list[str]


def _plural(count: int, word: str) -> str:
    if count == 1:
        return f"1 {word}"
    irregular = {"strategy": "strategies", "policy": "policies", "SLO": "SLOs"}
    return f"{count} {irregular.get(word, word + 's')}"


def counts(spec: Spec, name: str) -> list[str]:
    """The headline figures of a concern (``12 components``, ``9 threats``)."""
    pairs: list[tuple[int, str]] = []
    if name == "vocabulary":
        pairs = [(len(spec.vocabulary.terms), "term")]
    elif name == "responsibilities":
        pairs = [(len(spec.components), "component")]
    elif name == "architecture":
        a = spec.architecture
        pairs = [(len(a.layers), "layer"), (len(a.modules), "module"), (len(a.topology.networks), "network"), (len(a.topology.flows), "flow")]
    elif name == "tradeoffs":
        pairs = [(len(spec.tradeoffs.decisions), "decision")]
    elif name == "security":
        s = spec.security
        pairs = [(len(s.threats), "threat"), (len(s.mitigations), "mitigation"), (len(s.controls), "control")]
    elif name == "observability":
        o = spec.observability
        pairs = [(len(o.alerts), "alert"), (len(o.slos), "SLO"), (len(o.dashboards), "dashboard")]
    elif name == "disaster-recovery":
        d = spec.disaster_recovery
        pairs = [(len(d.objectives), "objective"), (len(d.backups), "backup"), (len(d.procedures), "procedure")]
    elif name == "cost-management":
        c = spec.cost_management
        pairs = [(len(c.budgets), "budget"), (len(c.strategies), "strategy")]
    elif name == "assertions":
        pairs = [(len(spec.assertions.assertions), "assertion")]
    elif name == "constraints":
        pairs = [(sum(len(g.constraints) for g in spec.constraints.groups), "constraint")]
    elif name == "environments":
        pairs = [(len(spec.environments.environments), "environment")]
    elif name == "clarifications":
        questions = spec.clarifications.questions
        open_count = sum(1 for q in questions if q.status == QuestionStatus.OPEN)
        pairs = [(open_count, "open question"), (len(questions) - open_count, "settled question")]
    return [_plural(n, word) for n, word in pairs if n]


def sections(spec: Spec, src_of: Callable[[str], str]) -> list[Section]:
    """Every concern page that exists, in reading order."""
    return [
        Section(c.name, c.title, src_of(c.name), BLURBS.get(c.name, ""), Markup(ICONS.get(c.name, ":material-file-document:")), counts(spec, c.name))
        for c in CONCERNS
        if spec.get(c.name) is not None
    ]


def components_by_layer(spec: Spec) -> list[tuple[Any, list[Component]]]:
    """(layer or None, its components) in the order the architecture lists layers."""
    grouped: dict[str | None, list[Component]] = defaultdict(list)
    for component in spec.components:
        grouped[component.layer].append(component)
    ordered: list[tuple[Any, list[Component]]] = [(layer, grouped.pop(layer.id, [])) for layer in spec.architecture.layers]
    for layer_id, members in grouped.items():
        ordered.append((layer_id, members))
    return ordered


def terms_by_category(spec: Spec) -> list[tuple[str, list[Term]]]:
    """Categories in first-use order, terms sorted alphabetically within each."""
    grouped: dict[str, list[Term]] = {}
    for term in spec.vocabulary.terms:
        grouped.setdefault(term.category, []).append(term)
    return [(category, sorted(terms, key=lambda t: t.term.casefold())) for category, terms in grouped.items()]


def terms_by_letter(spec: Spec) -> list[tuple[str, list[Term]]]:
    """Terms under their initial letter, alphabetically (digits and symbols under ``#``)."""
    grouped: dict[str, list[Term]] = defaultdict(list)
    for term in sorted(spec.vocabulary.terms, key=lambda t: t.term.casefold()):
        initial = term.term[:1].upper()
        grouped[initial if initial.isalpha() else "#"].append(term)
    return sorted(grouped.items(), key=lambda pair: (pair[0] == "#", pair[0]))


def estimates_by_environment(spec: Spec) -> list[tuple[str, list[Any], Decimal]]:
    """(environment id, its estimates, their total) in environment order."""
    grouped: dict[str, list[Any]] = defaultdict(list)
    for estimate in spec.cost_management.estimates:
        grouped[estimate.environment].append(estimate)
    order = [e.id for e in spec.environments.environments]
    keys = sorted(grouped, key=lambda env: (order.index(env) if env in order else len(order), env))
    return [(env, grouped[env], sum((e.monthly for e in grouped[env]), Decimal(0))) for env in keys]


def environment_rows(spec: Spec, index: SpecIndex) -> list[tuple[str, list[Any]]]:
    """The environment comparison table: (row label, one value per environment), non-empty rows only."""
    envs = spec.environments.environments
    rows: list[tuple[str, list[Any]]] = [
        ("Tier", [e.tier for e in envs]),
        ("Region", [e.region for e in envs]),
        ("Availability zones", [", ".join(e.availability_zones) for e in envs]),
        ("CIDR", [str(e.cidr) if e.cidr else None for e in envs]),
        ("Account", [e.isolation.account if e.isolation else None for e in envs]),
        ("Data", [e.data for e in envs]),
        ("Approvals", [f"{e.approvals.required}" if e.approvals and e.approvals.required else None for e in envs]),
        ("Maintenance window", [e.maintenance_window for e in envs]),
    ]
    return [(label, values) for label, values in rows if any(values)]


def environment_settings(spec: Spec) -> list[tuple[str, list[str | None]]]:
    """Each setting any environment states, with its value in every environment (None if unset)."""
    envs = spec.environments.environments
    keys: list[str] = []
    for env in envs:
        keys.extend(key for key in env.settings if key not in keys)
    return [(key, [env.settings.get(key) for env in envs]) for key in keys]


def questions_by_status(spec: Spec) -> list[tuple[str, list[Any]]]:
    """Open questions first, then deferred, then answered."""
    order = [QuestionStatus.OPEN, QuestionStatus.DEFERRED, QuestionStatus.ANSWERED]
    grouped = [(status.value, [q for q in spec.clarifications.questions if q.status == status]) for status in order]
    return [(status, questions) for status, questions in grouped if questions]


def assertions_by_category(spec: Spec) -> list[tuple[str | None, list[Any]]]:
    """Assertions under their category, categories in first-use order (uncategorised last)."""
    grouped: dict[str | None, list[Any]] = {}
    for assertion in spec.assertions.assertions:
        key = assertion.category.value if assertion.category else None
        grouped.setdefault(key, []).append(assertion)
    return sorted(grouped.items(), key=lambda pair: pair[0] is None)


def page_context(page: str, spec: Spec, index: SpecIndex) -> dict[str, Any]:
    """The extra variables of one page's template."""
    if page.startswith("component:"):
        component = index.item("component", page.split(":", 1)[1])
        assert isinstance(component, Component)
        return {"view": gather(component, spec, index), "component": component}
    extra: dict[str, Any] = {}
    if page in ("index", "responsibilities", "architecture", "components"):
        extra["layers"] = components_by_layer(spec)
        extra["layer_members"] = {getattr(layer, "id", layer): members for layer, members in extra["layers"]}
    if page == "index":
        extra["key_decisions"] = [d for d in spec.tradeoffs.decisions if d.key]
        extra["open_questions"] = [q for q in spec.clarifications.questions if q.status == QuestionStatus.OPEN]
    if page == "vocabulary":
        extra["categories"] = terms_by_category(spec)
        extra["letters"] = terms_by_letter(spec)
    if page == "cost-management":
        extra["estimates"] = estimates_by_environment(spec)
    if page == "environments":
        extra["rows"] = environment_rows(spec, index)
        extra["settings"] = environment_settings(spec)
    if page == "clarifications":
        extra["groups"] = questions_by_status(spec)
    if page == "assertions":
        extra["groups"] = assertions_by_category(spec)
    return extra
