"""Checks that did not run: a skipped check proves nothing (conftest.py's hooks report them,
and under CI=true fail the run)."""

from __future__ import annotations

import collections


def skipped(terminalreporter) -> collections.Counter:
    reasons = collections.Counter()
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        reasons[reason.removeprefix("Skipped: ")] += 1
    return reasons
