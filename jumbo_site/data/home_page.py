"""Each language's home page, built from the data rather than typed per language.

Every language's index.md renders with overrides/home.html, which gets `home`: the
conference's name (the language's site_name, the page's one h1), the theme, the
date in CLDR form, the city, the attendance figures and the co-chairs from
data/programme.yml and data/partners.yml; the thematic debates (sessions of kind
"debate") with a one-line summary, their programme section and their points; the
partners grouped by role. index.md keeps its front matter and a short introduction.
"""

from __future__ import annotations

import re

from babel.lists import format_list
from babel.numbers import format_decimal
from mkdocs.structure.toc import AnchorLink, TableOfContents

from jumbo_site.data.conference_data import conference_for, localise
from jumbo_site.data.conference_pages import partner_label, partners_view, programme_view
from jumbo_site.languages.dates import local_date
from jumbo_site.languages.site_i18n import Language, current_language
from jumbo_site.takeaways.takeaways import calendar_name

HOME_TEMPLATE = "home.html"
HEADING_ID = "conference"  # the id of home.html's h1, where the skip link leads
CARD_KIND = "debate"  # the sessions shown as cards
# The first sentence of a summary: up to the first full stop followed by a space.
FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?=\s|$)")


# The home page of the language being built (also when it falls back to English).
def is_home(page, config) -> bool:
    return page.url == current_language(config).prefix


def first_sentence(text: str) -> str:
    match = FIRST_SENTENCE.match(text)
    return match[1] if match else text


# What home.html shows, in the language of the build.
def home_view(config, language: Language) -> dict:
    conference = conference_for(config)
    event = conference.event
    cards = {session.id for session in conference.sessions if session.kind == CARD_KIND}
    co_chairs = [partner_label(p, language) for p in conference.partners if p.role == "co-chair"]
    return {
        "name": config.site_name,
        "theme": localise(event.theme, language),
        "date": local_date(event.date, language.date_locale),
        "date_iso": event.date.isoformat(),
        "city": localise(event.city, language),
        "in_person": format_decimal(event.participants_in_person, locale=language.date_locale),
        "online": format_decimal(event.participants_online, locale=language.date_locale),
        "co_chairs": format_list(co_chairs, locale=language.date_locale),
        "debates": [
            {**session, "summary": first_sentence(session["summary"])}
            for session in programme_view(conference, language)
            if session["id"] in cards
        ],
        "partners": partners_view(conference, language),
    }


# The home page gets its template; its short introduction needs no table of contents.
def on_page_markdown(markdown, page, config, files):
    if is_home(page, config):
        page.meta["template"] = HOME_TEMPLATE
        page.meta["hide"] = ["toc"]
    return markdown


# The data for home.html; the h1 it writes is the page's one heading, so Material's
# "Skip to content" link (drawn from the table of contents) leads to it.
def on_page_context(context, page, config, nav):
    if is_home(page, config):
        context["home"] = home_view(config, current_language(config))
        context["home"]["heading_id"] = HEADING_ID
        context["home"]["calendar"] = calendar_name(current_language(config))  # "add to calendar"
        page.toc = TableOfContents([AnchorLink(config.site_name, HEADING_ID, 1)])
    return context
