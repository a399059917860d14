"""Programme, partners and calendar link rendered from data/, in each page's language.

Pages mark where the data goes: [[programme]], [[partners]], [[add-to-calendar]],
and the figures: [[date]] (the conference's date), [[participants-in-person]],
[[participants-online]] and [[points]] (how many points the conclusions have).
Figures are written once, in data/programme.yml and the English conclusions, never
typed into a page; they may also stand in a page's front-matter description.
Python prepares the texts in the page's language; the macros in
overrides/partials/conference.html write them as Markdown. Every language renders
from the same data, so a session changed in data/programme.yml changes every page.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.dates import format_time
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from jumbo_site.build.build_state import state
from jumbo_site.build.editor_errors import line_containing, page_error, source_line
from jumbo_site.data.conference_data import Conference, ROLES, conference_for, localise
from jumbo_site.data.markers import MARKER, NAMES, is_date, unknown
from jumbo_site.languages.dates import local_date, time_element, without_double_stop
from jumbo_site.languages.site_i18n import Language, content_language, current_language, source_language, strings_for
from jumbo_site.safety.content_allowlist import markdown_refusals
from jumbo_site.takeaways.takeaways import calendar_name

POINT_LINE = re.compile(r"^\d+\.\s", re.M)



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
            "kind": session.kind,
            "presenters": [{"id": p.partner, "label": partner_label(conference.partner(p.partner), language)} for p in session.presenters],
            "followed_by": [{"id": pid, "label": partner_label(conference.partner(pid), language)} for pid in session.followed_by],
            "trafficking_presentation": [
                {"id": pid, "label": partner_label(conference.partner(pid), language)} for pid in session.trafficking_presentation
            ],
            "points": list(session.points),
        }
        for session in conference.sessions
    ]


# The sessions that name a partner (as presenter, in updates or a presentation), so that its
# card links where the programme says what it did; the record says no more of it.
def sessions_naming(conference: Conference, language: Language, partner_id: str) -> list[dict]:
    return [
        {"id": session.id, "title": localise(session.title, language)}
        for session in conference.sessions
        if partner_id in [p.partner for p in session.presenters] + list(session.followed_by) + list(session.trafficking_presentation)
    ]


def partners_view(conference: Conference, language: Language) -> list[dict]:
    groups = []
    for role in ROLES:
        members = [p for p in conference.partners if p.role == role]
        if members:
            groups.append(
                {
                    "role": role,
                    "partners": [
                        {"id": p.id, "label": partner_label(p, language), "website": p.website, "sessions": sessions_naming(conference, language, p.id)}
                        for p in members
                    ],
                }
            )
    return groups


def conference(config) -> Conference:
    return state(config).conference


# How many numbered points the conclusions have: counted in the English page that
# has them (numbered_points: true), the record the tests compare with the original.
def count_points(docs_dir: Path, source_locale: str) -> int:
    for path in sorted((docs_dir / source_locale).glob("*.md")):
        body, meta = get_data(path.read_text(encoding="utf-8"))
        if meta.get("numbered_points"):
            return len(POINT_LINE.findall(body))
    raise PluginError(f"docs/{source_locale}/: no page has numbered_points: true, so [[points]] has nothing to count.")


# The figures in the page's language: as HTML in the page, as plain text in metadata.
def figures(config, language: Language, html: bool) -> dict:
    event = conference(config).event
    date = time_element(event.date, language.date_locale) if html else local_date(event.date, language.date_locale)
    return {
        "date": date,
        "participants-in-person": str(event.participants_in_person),
        "participants-online": str(event.participants_online),
        "points": str(state(config).points),
    }


def on_config(config):
    build = state(config)
    build.conference = conference_for(config)
    build.points = count_points(Path(config.docs_dir), source_language(config).locale)
    # MkDocs renders Markdown before its own template environment exists: use the theme's.
    build.macros = config.theme.get_env().get_template("partials/conference.html").module
    return config


# A data text passes the allowlist alone (data_entry.py), but the template writes
# Markdown around it: a partner name ending in "](javascript:…" would close the link the
# programme puts around it. So the programme and the partners pass it too, as the page's
# language renders them, before any page is written (MkDocs reads every page's Markdown
# first); the error names the data text.
def checked(rendered: str, language: Language, conference: Conference) -> str:
    if found := markdown_refusals(rendered):
        text = conference.text_holding(found[0].needle)
        where = text.where() if text else f"data/ (in {language.locale}), as overrides/partials/conference.html writes it"
        raise PluginError(f"{where}: beside the Markdown the site writes around it, {found[0].problem}.")
    return rendered


# After the date step (site_plugin.py orders the steps), so that its errors give the
# editor's own line numbers; the Kosovo* step comes after, on the data too.
def on_page_markdown(markdown, page, config, files):
    language = content_language(page, config)
    strings = strings_for(language)
    macros, data = state(config).macros, conference(config)
    renderers = {
        "programme": lambda: checked(str(macros.programme(programme_view(data, language), strings)), language, data),
        "partners": lambda: checked(str(macros.partners(partners_view(data, language), strings)), language, data),
        "add-to-calendar": lambda: macros.add_to_calendar(calendar_name(current_language(config)), strings),
        **{name: (lambda value=value: value) for name, value in figures(config, language, html=True).items()},
    }

    if tuple(renderers) != NAMES:
        raise PluginError(f"markers.py names {NAMES}, conference_pages.py renders {tuple(renderers)}: make them the same.")

    def render(match):
        if is_date(match["name"]):  # written out already (dates.py)
            return match[0]
        if match["name"] not in renderers:
            raise page_error(page, unknown(match[0].rstrip(".")), source_line(page, markdown, match.start()))
        return without_double_stop(str(renderers[match["name"]]()).strip("\n"), match["stop"])

    # The description is metadata: figures as plain text.
    if isinstance(page.meta.get("description"), str):
        plain = figures(config, language, html=False)
        def figure(match):
            if is_date(match["name"]):
                return match[0]
            if match["name"] not in plain:
                line = line_containing(page.file.content_string, match[0])
                raise page_error(page, f"the description's marker '{match[0].rstrip('.')}': a description can hold {', '.join(f'[[{n}]]' for n in plain)}.", line)
            return without_double_stop(plain[match["name"]], match["stop"])

        page.meta["description"] = MARKER.sub(figure, page.meta["description"])
    return MARKER.sub(render, markdown)
