"""What the calendar versions tests share (tests/{unit,site}/test_calendar_versions.py)."""

from __future__ import annotations

import datetime

CONFERENCE_DAY = datetime.date(2021, 12, 6)
