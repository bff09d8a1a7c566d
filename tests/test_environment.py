"""The tools the browser tests need are here: a missing one fails here, loudly, not as a skip.

The browser tests skip themselves when Chromium, Playwright or mermaid.min.js is missing, so
that a developer without them can still run the rest. This test makes that visible: it
fails unless `scripts/setup --tests` has put everything in place (set
INFRASPEC_ALLOW_NO_BROWSER=1 to accept a machine without a browser).
"""

from __future__ import annotations

import os

import pytest

from .support.browser import skip_reason
from .support.mermaid_browser import unavailable


@pytest.mark.skipif(bool(os.environ.get("INFRASPEC_ALLOW_NO_BROWSER")), reason="INFRASPEC_ALLOW_NO_BROWSER is set")
def test_browser_tests_can_run() -> None:
    reason = skip_reason() or unavailable()
    assert reason is None, f"browser tests would be skipped: {reason}; run scripts/setup --tests"
