"""Codes the rule engine raises itself: rule levels that name no rule, and suppressions gone wrong."""

from __future__ import annotations

from ..diagnostics import Severity
from .rule import engine_rule


@engine_rule("IS400", "rule-failure", Severity.ERROR)
def RULE_FAILURE() -> None:
    """A rule failed on this spec: a bug in mkdocs-infraspec, not in the spec.

    The other rules still run and the build reports every other finding; the message names
    the rule and the error. Please report it with the spec (or a small part of it) that
    triggers it. Switch the rule off (`rules: {IS6xx: off}`) to build in the meantime.
    """


@engine_rule("IS401", "unknown-rule", Severity.ERROR)
def UNKNOWN_RULE() -> None:
    """A rule level or a suppression names a rule that does not exist.

    Rules are named by code (`IS601`) or by name (`backup-missing`); the hint names the
    closest one. Built-in checks (`IS1xx` to `IS3xx`: YAML, schema, references) are not
    rules: they cannot be switched off or suppressed, because the spec cannot be read
    correctly while they fire.

    FAIL:
    ```yaml
    # mkdocs.yml
    plugins:
      - infraspec:
          rules:
            backup-mising: off
    ```
    PASS:
    ```yaml
    plugins:
      - infraspec:
          rules:
            backup-missing: off
    ```
    """


@engine_rule("IS402", "invalid-rule-level", Severity.ERROR)
def INVALID_RULE_LEVEL() -> None:
    """A rule level is not one of `error`, `warning`, `info` or `off`.

    `off` (or `false`) switches the rule off; `on` (or `true`) keeps its default severity.

    FAIL:
    ```yaml
    rules:
      IS601: fatal
    ```
    PASS:
    ```yaml
    rules:
      IS601: error
    ```
    """


@engine_rule("IS403", "expired-suppression", Severity.WARNING)
def EXPIRED_SUPPRESSION() -> None:
    """A suppression's `until` date has passed: the finding it silenced counts again.

    A suppression with an expiry is a promise to fix something by a date. Once the date
    has passed, the suppressed finding is reported as if the suppression were not there,
    and the suppression itself is reported so that someone either fixes the finding or
    renews the promise with a new date and reason.

    FAIL:
    ```yaml
    components:
      - id: reports-db
        suppress:
          - rule: backup-missing
            reason: Rebuilt nightly from the ledger
            until: 2024-01-31
    ```
    PASS:
    ```yaml
    components:
      - id: reports-db
        suppress:
          - rule: backup-missing
            reason: Rebuilt nightly from the ledger
            until: 2099-01-31
    ```
    """


@engine_rule("IS404", "unused-suppression", Severity.WARNING)
def UNUSED_SUPPRESSION() -> None:
    """A suppression silences nothing: the rule it names finds nothing on this item.

    Stale suppressions hide the next real finding; remove them once the spec is fixed.
    A suppression of a rule that is switched off, or that could not run because a concern
    failed to load, is not reported.

    FAIL:
    ```yaml
    components:
      - id: api
        owner: payments        # the component has an owner...
        suppress:
          - rule: component-owner   # ...so this silences nothing
            reason: Owner to be decided
    ```
    PASS:
    ```yaml
    components:
      - id: api
        owner: payments
    ```
    """


@engine_rule("IS405", "suppression-without-reason", Severity.ERROR)
def SUPPRESSION_WITHOUT_REASON() -> None:
    """A suppression gives no reason: every suppression must say why the finding does not apply.

    The reason is shown in every report and on the spec health page, so reviewers can
    judge it.

    FAIL:
    ```yaml
    suppress:
      - rule: IS601
        reason: ""
    ```
    PASS:
    ```yaml
    suppress:
      - rule: IS601
        reason: Cache only; rebuilt from the ledger in minutes
    ```
    """
