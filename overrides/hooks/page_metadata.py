"""Metadata for search engines and link previews, in each page's language.

Every page: Open Graph (og:title, og:type, og:url, og:image, og:locale with its
alternates, og:site_name, og:description) and a large Twitter card. og:image is the
card of the page's language (link_previews.py); og:locale:alternate lists the other
languages' locales. Home pages: a schema.org Event in
JSON-LD, from data/programme.yml. Templates render them (main.html, extrahead).
"""

from __future__ import annotations

import datetime
import json
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from babel import Locale
from babel.core import get_global
from conference_data import Conference, conference_for, localise
from link_previews import preview_path
from site_i18n import Language, current_language, site_languages

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
    # The conclusions give no times: the event spans its day unless sessions say more.
    start = min((s.start for s in timed), default=datetime.time(0, 0))
    end = max((s.end or s.start for s in timed), default=datetime.time(23, 59))
    city = localise(event.city, language)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": config.site_name,
        "description": config.site_description,
        "startDate": datetime.datetime.combine(event.date, start, tzinfo=zone).isoformat(),
        "endDate": datetime.datetime.combine(event.date, end, tzinfo=zone).isoformat(),
        "eventAttendanceMode": SCHEMA + "MixedEventAttendanceMode",
        "eventStatus": SCHEMA + "EventScheduled",
        "location": [
            {"@type": "Place", "name": city, "address": {"@type": "PostalAddress", "addressLocality": city, "addressCountry": event.country}},
            {"@type": "VirtualLocation"},
        ],
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
