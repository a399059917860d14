"""What the faithfulness tests share (tests/{unit,site,builds}/test_faithfulness.py)."""

from __future__ import annotations

import re

from babel.dates import get_month_names

from jumbo_site.data.conference_data import load_conference
from support.languages import LANGUAGES
from support.record import seed_points

DATA_LANGUAGES = [lang.locale for lang in LANGUAGES if not lang.transliterate_from]
CONFERENCE = load_conference(DATA_LANGUAGES)
EVENT = CONFERENCE.event
POINTS = seed_points()


# --- Figures: from the data, never typed -------------------------------------------

# WCAG 2.1 and 2.2, EN 301 549, the directive, UNSCR; the statement's 320 px reflow and 400 % zoom.
CONSTANTS = {"2.1", "2.2", "301", "549", "2016/2102", "1244/1999", "320", "400"}
NUMBER = re.compile(r"\d+(?:[./]\d+)*")


def typed_dates(text: str, language) -> list[str]:
    """Dates written out in words (where a case ending needs it) that are not the event's."""
    month = get_month_names("wide", "format", language.date_locale)[EVENT.date.month][:5].lower()
    wrong = []
    for match in re.finditer(r"(\d{1,2})\.? (\w+) (\d{4})", text):
        day, word, year = match.groups()
        if (int(day), int(year)) != (EVENT.date.day, EVENT.date.year) or not word.lower().startswith(month[:5]):
            wrong.append(match[0])
    return wrong
