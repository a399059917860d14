"""Dates in each reader's language.

Pages write a date as a language-neutral marker, [[2021-12-06]]; the site writes it
out in the page's language from CLDR data through Babel, inside <time datetime>.
A date whose written form ends in a full stop ("6. decembar 2021.") takes the place
of the sentence's own full stop after the marker: no page shows "..".
"""

from __future__ import annotations

import datetime
import functools
import re

from babel.dates import format_date

from jumbo_site.build.editor_errors import page_error, source_line
from jumbo_site.data.markers import MARKER, is_date
from jumbo_site.languages.site_i18n import content_language



# A date as readers of the language write it, e.g. "6 décembre 2021". (Made once per
# date and language: Babel takes milliseconds, and every page of every language asks.)
@functools.cache
def local_date(value: datetime.date, date_locale: str) -> str:
    return format_date(value, format="long", locale=date_locale)


# The date in a <time> element, as pages show it.
def time_element(value: datetime.date, date_locale: str) -> str:
    return f'<time datetime="{value.isoformat()}">{local_date(value, date_locale)}</time>'


# What a marker becomes with the full stop that followed it: one full stop, not two.
def without_double_stop(rendered: str, stop: str) -> str:
    text = re.sub(r"<[^>]+>", "", rendered)
    return rendered if text.endswith(".") else rendered + stop


def on_page_markdown(markdown, page, config, files):
    date_locale = content_language(page, config).date_locale

    def write_out(match):
        if not is_date(match["name"]):  # a named marker: conference_pages.py's
            return match[0]
        try:
            value = datetime.date.fromisoformat(match["name"].strip())
        except ValueError:
            raise page_error(
                page,
                f"'[[{match['name']}]]' is not a date: write dates as [[YYYY-MM-DD]], e.g. [[2021-12-06]].",
                source_line(page, markdown, match.start()),
            ) from None
        return without_double_stop(time_element(value, date_locale), match["stop"])

    return MARKER.sub(write_out, markdown)
