"""Programme, partners and calendar link rendered from data/, in each page's language.

Pages mark where the data goes: [[programme]], [[partners]], [[add-to-calendar]].
Python prepares the texts in the page's language; the macros in
overrides/partials/conference.html write them as Markdown. Every language renders
from the same data, so a session changed in data/programme.yml changes every page.
"""

from __future__ import annotations

import re

from babel.dates import format_time
from conference_data import Conference, ROLES, conference_for, localise
from editor_errors import page_error, source_line
from site_i18n import Language, content_language, strings_for

CALENDAR_FILE = "conference.ics"
BLOCK_MARKER = re.compile(r"\[\[(?P<name>[a-z][a-z-]*)\]\]")

_state: dict = {}  # this build's conference data and template environment


def partner_label(partner, language: Language) -> str:
    name, abbreviation = localise(partner.name, language), localise(partner.abbreviation, language)
    return f"{name} ({abbreviation})" if abbreviation and abbreviation != name else name


# The programme as the macros want it: texts in the page's language, times formatted.
def programme_view(conference: Conference, language: Language) -> list[dict]:
    def clock(value):
        return format_time(value, format="short", locale=language.date_locale) if value else None

    def iso(value):
        return f"{conference.event.date.isoformat()}T{value:%H:%M}" if value else None

    return [
        {
            "id": session.id,
            "title": localise(session.title, language),
            "summary": localise(session.summary, language),
            "start": clock(session.start),
            "end": clock(session.end),
            "start_iso": iso(session.start),
            "end_iso": iso(session.end),
            "presenters": [{"id": pid, "label": partner_label(conference.partner(pid), language)} for pid in session.presenters],
            "points": list(session.points),
        }
        for session in conference.sessions
    ]


def partners_view(conference: Conference, language: Language) -> list[dict]:
    groups = []
    for role in ROLES:
        members = [p for p in conference.partners if p.role == role]
        if members:
            groups.append(
                {
                    "role": role,
                    "partners": [{"id": p.id, "label": partner_label(p, language), "website": p.website} for p in members],
                }
            )
    return groups


def conference() -> Conference:
    return _state["conference"]


def on_config(config):
    _state["conference"] = conference_for(config)
    # MkDocs renders Markdown before its own template environment exists: use the theme's.
    _state["macros"] = config.theme.get_env().get_template("partials/conference.html").module
    return config


# After the Kosovo and date hooks (mkdocs.yml lists it after them), so that their
# errors give the editor's own line numbers.
def on_page_markdown(markdown, page, config, files):
    language = content_language(page, config)
    strings = strings_for(language)
    macros = _state["macros"]
    renderers = {
        "programme": lambda: macros.programme(programme_view(conference(), language), strings),
        "partners": lambda: macros.partners(partners_view(conference(), language), strings),
        "add-to-calendar": lambda: macros.add_to_calendar(CALENDAR_FILE, strings),
    }

    def render(match):
        if match["name"] not in renderers:
            raise page_error(
                page,
                f"unknown marker '{match[0]}'; the markers are {', '.join(f'[[{n}]]' for n in renderers)} and dates, [[YYYY-MM-DD]].",
                source_line(page, markdown, match.start()),
            )
        return str(renderers[match["name"]]()).strip("\n")

    return BLOCK_MARKER.sub(render, markdown)
