"""The site's markers, `[[…]]` in a page: one pattern, and the names that exist.

A marker is a date, `[[2021-12-06]]` (dates.py writes it out in the page's language),
or a name: NAMES, each rendered by conference_pages.py from data/ (its table of
renderers has exactly these names; a test holds them equal). Anything else in
`[[…]]` is refused by name, with the list of markers that exist, never published as
it is. A full stop right after a marker is kept with it, so that a rendered text that
ends in one does not get two. Translation status (translation_status.py) and Serbian
Latin (transliteration.py) read markers with the same pattern.
"""

from __future__ import annotations

import re

PATTERN = r"\[\[[^\]\n]+\]\]"  # for patterns that hold it (transliteration.py)
MARKER = re.compile(r"\[\[(?P<name>[^\]\n]+)\]\](?P<stop>\.?)")
NAMES = ("programme", "partners", "add-to-calendar", "date", "participants-in-person", "participants-online", "points")


def is_date(name: str) -> bool:
    return name[:1].isdigit()


def markers_in(text: str) -> list[str]:
    """The markers a text holds, as written (`[[programme]]`), in order."""
    return [f"[[{match['name']}]]" for match in MARKER.finditer(text)]


def unknown(marker: str) -> str:
    return f"unknown marker '{marker}'; the markers are {', '.join(f'[[{name}]]' for name in NAMES)} and dates, [[YYYY-MM-DD]]."
