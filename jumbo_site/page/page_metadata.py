"""Metadata for search engines and link previews, in each page's language.

Every page: Open Graph (og:title, og:type, og:url, og:image, og:locale with its
alternates, og:site_name, og:description) and a large Twitter card. og:image is the
card of the page's language (link_previews.py); og:locale:alternate lists the other
languages' locales. Home pages: a schema.org Event in
JSON-LD, from data/programme.yml, that says no more than the page: every property is
in the conclusions or a fact about the site. The date alone (the record gives no
times, as the calendar file's all-day entry), the theme as its description, Paris as
its place; attendance is mixed because point 1 says 30 persons followed online, but no
VirtualLocation, which would need an address the record does not give; no
eventStatus, which the record does not state. Templates render them (main.html, extrahead).
"""

from __future__ import annotations

import datetime
import json
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from babel import Locale
from babel.core import get_global

from jumbo_site.data.conference_data import Conference, conference_for, localise
from jumbo_site.languages.site_i18n import Language, current_language, site_languages
from jumbo_site.page.link_previews import preview_path

SCHEMA = "https://schema.org/"


# Open Graph's locale form, language_TERRITORY: en_GB, fr_FR, cnr_ME, sr_RS. The form
# has no script: Serbian in either script is sr_RS.
def og_locale(language: Language) -> str:
    locale = Locale.parse(language.date_locale)
    territory = locale.territory or Locale.parse(get_global("likely_subtags")[locale.language]).territory
    return f"{language.html_lang.split('-')[0]}_{territory}"


def event_jsonld(conference: Conference, language: Language, config) -> str:
    event = conference.event
    zone = ZoneInfo(event.timezone)
    timed = [s for s in conference.sessions if s.start]
    # The conclusions give the date only; times only where the data's sessions have them.
    if timed:
        start = datetime.datetime.combine(event.date, min(s.start for s in timed), tzinfo=zone).isoformat()
        end = datetime.datetime.combine(event.date, max(s.end or s.start for s in timed), tzinfo=zone).isoformat()
    else:
        start = end = event.date.isoformat()
    city = localise(event.city, language)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": config.site_name,
        "description": localise(event.theme, language),
        "startDate": start,
        "endDate": end,
        "eventAttendanceMode": SCHEMA + "MixedEventAttendanceMode",
        "location": {"@type": "Place", "name": city, "address": {"@type": "PostalAddress", "addressLocality": city, "addressCountry": event.country}},
        "organizer": [{"@type": "Organization", "name": localise(conference.partner(pid).name, language)} for pid in event.organisers],
        "inLanguage": language.html_lang,
        "url": urljoin(config.site_url, language.prefix),
        "image": urljoin(config.site_url, preview_path(language)),
    }
    # Safe inside <script>: data texts come from pull requests, and no "<" of theirs
    # can end the element or open a "<!--" (JSON reads \u003c as "<").
    return json.dumps(data, ensure_ascii=False, indent=2).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def on_page_context(context, page, config, nav):
    language = current_language(config)
    own = og_locale(language)
    context["open_graph"] = {
        "title": page.meta.get("title") or page.title,
        "type": "website",
        "url": urljoin(config.site_url, page.url),
        "image": urljoin(config.site_url, preview_path(language)),
        "image_alt": config.site_name,
        "description": page.meta.get("description", ""),
        "site_name": config.site_name,
        "locale": own,
        "locale_alternates": sorted({og_locale(lang) for lang in site_languages(config)} - {own}),
    }
    if page.url == language.prefix:  # this language's home page
        context["event_jsonld"] = event_jsonld(conference_for(config), language, config)
    return context
