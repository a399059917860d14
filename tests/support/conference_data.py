"""What the conference data tests share (tests/{unit,site,builds}/test_conference_data.py)."""

from __future__ import annotations

from jumbo_site.data.conference_data import load_conference
from support.languages import LANGUAGES

CONFERENCE = load_conference([lang.locale for lang in LANGUAGES if not lang.transliterate_from])
