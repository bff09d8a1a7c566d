"""The hand-off workflow: the architect's spec, and what the designer, planner and engineer make of it."""

from __future__ import annotations

from ..models import CONCERNS, QuestionStatus
from . import Diagram
from .context import Context, plural
from .mermaid import label, node_id

#: What each concern's box counts: (item kind, singular, plural).
COUNTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "overview": (),
    "vocabulary": (("term", "term", "terms"),),
    "responsibilities": (("component", "component", "components"),),
    "architecture": (("layer", "layer", "layers"), ("module", "module", "modules"), ("network", "network", "networks")),
    "tradeoffs": (("decision", "decision", "decisions"),),
    "security": (("threat", "threat", "threats"), ("control", "control", "controls")),
    "observability": (("alert", "alert", "alerts"), ("dashboard", "dashboard", "dashboards")),
    "disaster-recovery": (("objective", "objective", "objectives"), ("backup", "backup", "backups")),
    "cost-management": (("strategy", "strategy", "strategies"),),
    "assertions": (("assertion", "assertion", "assertions"),),
    "constraints": (("constraint", "rule", "rules"),),
    "environments": (("environment", "environment", "environments"),),
    "clarifications": (),
}

#: The downstream roles, after the architect, as the seed describes them: (role, what it produces).
ROLES = (
    ("Infrastructure Designer", ("infra-specs/modules/", "Terraform scaffolds")),
    ("Planner", ("tasks.md",)),
    ("Infraengineer", ("Terraform modules, implemented",)),
)



def _summary(ctx: Context, concern: str) -> str | None:
    if concern == "overview":
        overview = ctx.spec.overview
        return f"status: {overview.status.value}" if overview else None
    if concern == "clarifications":
        questions = ctx.spec.clarifications.questions
        open_count = sum(1 for q in questions if q.status == QuestionStatus.OPEN)
        return f"{open_count} open of {len(questions)}" if questions else "no questions"
    parts = [plural(len(ctx.index.entries(kind)), one, many) for kind, one, many in COUNTS.get(concern, ()) if ctx.index.entries(kind)]
    return " · ".join(parts) or None


#: The concerns in four columns, by what a reader comes for.
SECTIONS = (
    ("Context", ("overview", "vocabulary", "tradeoffs", "clarifications")),
    ("Structure", ("responsibilities", "architecture", "environments")),
    ("Rules", ("security", "constraints", "assertions")),
    ("Operations", ("observability", "disaster-recovery", "cost-management")),
)


def diagrams(ctx: Context) -> list[Diagram]:
    """Architect, the spec (its concerns, each linked, with what it holds), then the chain
    designer → planner → engineer with what each produces.

    Laid out to fit Material's content column: the four sections side by side, each
    concern's figures one per line (narrow boxes), and the roles after the hand-off in a
    row, each with what it produces written under its name.
    """
    chart = ctx.chart("TB")
    chart.config.update(nodeSpacing=12, rankSpacing=30, padding=8)
    architect = chart.node("role_architect", label("Infrastructure Architect"), css="role")
    status = _summary(ctx, "overview")
    # TB with no arrows inside: Mermaid puts the sections side by side, in reverse order
    # (hence reversed below); chaining them with invisible links would keep the order but
    # put a wide gap between each.
    spec = chart.group("spec", label("infra-specs/, this site" + (f" ({status})" if status else "")), direction="TB", css="region")
    titles = {c.name: c.title for c in CONCERNS}
    present = {c.name for c in CONCERNS if ctx.spec.get(c.name) is not None}
    listed = {name for _, names in SECTIONS for name in names}
    sections = [(title, [n for n in names if n in present]) for title, names in SECTIONS]
    extra = [c.name for c in CONCERNS if c.name in present and c.name not in listed]
    if extra:
        sections.append(("More", extra))
    for title, names in reversed(sections):
        if not names:
            continue
        # LR with no arrows inside: the concerns one above the other.
        column = spec.group(node_id("section", title.lower()), label(title), direction="LR", css="muted")
        for name in names:
            summary = None if name == "overview" else _summary(ctx, name)
            column.node(node_id("concern", name), label(titles[name], *(summary or "").split(" · ")), css="artifact", url=ctx.page_url(name))
    chain = chart.group("downstream", label("After the hand-off"), direction="LR", css="region")
    previous = None
    for number, (role, products) in enumerate(ROLES, start=1):
        node = chain.node(f"role_{number}", label(role, *(f"→ {product}" for product in products)), css="role")
        if previous is not None:
            chart.edge(previous, node.id)
        previous = node.id
    chart.edge(architect.id, "spec", "writes")
    chart.edge("spec", "downstream", "hand-off")
    note = None if present else "The spec has no concern files yet."
    return [Diagram("workflow", "Hand-off workflow", chart.text(), note)]
