"""Clarification rules (IS96x): open questions at hand-off, answers that were never written down."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..index import SpecIndex
from ..models import Spec
from ..models.clarifications import QuestionStatus
from ..models.overview import Status
from .context import RuleContext
from .rule import Finding, finding, rule


@rule("IS961", "open-question", "clarifications", needs=("clarifications",))
def open_question(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A question is still open: a warning while the spec is drafted, an error once it is approved.

    Approving a spec hands it to the infrastructure designer; an open question then leaves
    them to guess. Answer it, or defer it (`status: deferred`) with the reason in its
    context. A level set for this rule in `mkdocs.yml` replaces both severities.

    FAIL:
    ```yaml
    # overview.yaml: status: approved
    questions:
      - id: data-residency
        question: Must backups stay in the EU?
        status: open
    ```
    PASS:
    ```yaml
    questions:
      - id: data-residency
        question: Must backups stay in the EU?
        status: answered
        answer: Yes; the secondary region is eu-central-1.
    ```
    """
    approved = spec.overview is not None and spec.overview.status == Status.APPROVED
    for question in spec.clarifications.questions:
        if question.status == QuestionStatus.OPEN:
            where = question.loc("status") if "status" in question.model_fields_set else question.loc("id")
            if approved:
                assert spec.overview is not None
                yield finding(where, f"question {question.id!r} is open, but the spec is approved", question,
                              related=(spec.overview.loc("status"),), severity=Severity.ERROR,
                              hint="answer or defer it before approval, or set the spec's status back to review")
            else:
                yield finding(where, f"question {question.id!r} is open", question,
                              hint="answer it (status: answered, answer: ...) or defer it")


@rule("IS962", "missing-answer", "clarifications", needs=("clarifications",))
def missing_answer(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A question is marked answered, but the answer is not written down.

    FAIL:
    ```yaml
    - id: data-residency
      question: Must backups stay in the EU?
      status: answered
    ```
    PASS:
    ```yaml
    - id: data-residency
      question: Must backups stay in the EU?
      status: answered
      answer: Yes; the secondary region is eu-central-1.
    ```
    """
    for question in spec.clarifications.questions:
        if question.status == QuestionStatus.ANSWERED and not (question.answer or "").strip():
            yield finding(question.loc("status"), f"question {question.id!r} is answered, but gives no answer", question,
                          hint="add answer: what was decided, and by whom")
