"""Naming rules (IS94x): the naming convention exists, and its examples and resource names follow it."""

from __future__ import annotations

from collections.abc import Iterator

from ..index import SpecIndex
from ..models import Spec
from .context import RuleContext
from .rule import Finding, finding, rule


@rule("IS941", "naming-example", "naming", severity="error", needs=("constraints",))
def naming_example(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """An example of the naming convention does not match the convention's own pattern.

    FAIL:
    ```yaml
    naming:
      format: "{project}-{environment}-{resource_type}-{name}"
      pattern: "^myapp-(dev|staging|prod)-[a-z0-9]+-[a-z0-9-]+$"
      examples: [myapp-production-rds-main]
    ```
    PASS:
    ```yaml
      examples: [myapp-prod-rds-main]
    ```
    """
    naming = spec.constraints.naming
    if naming is None:
        return
    for position, example in enumerate(naming.examples):
        if not naming.matches(example):
            yield finding(spec.constraints.loc("naming", "examples", position),
                          f"naming example {example!r} does not match the pattern {naming.pattern!r}",
                          related=(spec.constraints.loc("naming", "pattern"),),
                          hint="fix the example or the pattern: one of them is wrong")


@rule("IS942", "resource-name", "naming", severity="error", needs=("responsibilities", "constraints"))
def resource_name(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """A component's example resource name breaks the naming convention.

    FAIL:
    ```yaml
    - id: ledger-db
      resource_names: [LedgerDB-prod]
    ```
    PASS:
    ```yaml
    - id: ledger-db
      resource_names: [myapp-prod-rds-ledger]
    ```
    """
    naming = spec.constraints.naming
    if naming is None:
        return
    for component in spec.components:
        for position, name in enumerate(component.resource_names):
            if not naming.matches(name):
                yield finding(component.loc("resource_names", position),
                              f"resource name {name!r} of component {component.id!r} breaks the naming convention {naming.format!r}",
                              component, related=(spec.constraints.loc("naming", "pattern"),),
                              hint=f"names match {naming.pattern!r}" + (f", e.g. {naming.examples[0]!r}" if naming.examples else ""))


@rule("IS943", "naming-convention", "naming", needs=("constraints",))
def naming_convention(spec: Spec, index: SpecIndex, context: RuleContext) -> Iterator[Finding]:
    """The constraints define no naming convention.

    FAIL:
    ```yaml
    # constraints.yaml without naming:
    groups: []
    ```
    PASS:
    ```yaml
    naming:
      format: "{project}-{environment}-{resource_type}-{name}"
      pattern: "^myapp-(dev|staging|prod)-[a-z0-9]+-[a-z0-9-]+$"
      examples: [myapp-prod-rds-main]
    ```
    """
    if spec.constraints.naming is None:
        yield finding(spec.constraints.loc(), "no naming convention is defined",
                      hint="add naming: with format, pattern (a regular expression) and examples")
