"""A calendar file (RFC 5545) for each language: the event, and its sessions that have times.

Written as conference.ics beside each language's home page and linked as "add to
calendar". Its DTSTAMP is the data's `updated` date, not the build time, so two
builds of the same sources give the same file.
"""

from __future__ import annotations

import datetime
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from mkdocs.structure.files import File

from jumbo_site.data.conference_data import Conference, conference_for, localise
from jumbo_site.languages.site_i18n import Language, current_language

CALENDAR_FILE = "conference.ics"
PRODUCT = "-//Regional Cooperation Council//Jumbo 2021 conference site//EN"


# The calendar in one language, as bytes.
def calendar_for(conference: Conference, language: Language, site_name: str, description: str, site_url: str) -> bytes:
    event = conference.event
    home = urljoin(site_url, language.prefix)
    host = urlsplit(site_url).hostname or "localhost"
    stamp = datetime.datetime.combine(event.updated, datetime.time(0, 0), tzinfo=datetime.timezone.utc)
    lang = {"LANGUAGE": language.html_lang}
    city = localise(event.city, language)

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")

    whole_day = Event()
    whole_day.add("uid", f"jumbo-{event.date.isoformat()}@{host}")
    whole_day.add("dtstamp", stamp)
    whole_day.add("dtstart", event.date)  # all day: the conclusions give no times
    whole_day.add("dtend", event.date + datetime.timedelta(days=1))
    whole_day.add("summary", site_name, parameters=lang)
    whole_day.add("description", f"{description}\n{home}", parameters=lang)
    whole_day.add("location", city, parameters=lang)
    whole_day.add("url", home)
    calendar.add_component(whole_day)

    zone = ZoneInfo(event.timezone)
    for session in (s for s in conference.sessions if s.start):
        timed = Event()
        timed.add("uid", f"{session.id}.jumbo-{event.date.isoformat()}@{host}")
        timed.add("dtstamp", stamp)
        timed.add("dtstart", datetime.datetime.combine(event.date, session.start, tzinfo=zone))
        if session.end:
            timed.add("dtend", datetime.datetime.combine(event.date, session.end, tzinfo=zone))
        timed.add("summary", localise(session.title, language), parameters=lang)
        timed.add("description", localise(session.summary, language), parameters=lang)
        timed.add("location", city, parameters=lang)
        calendar.add_component(timed)
    calendar.add_missing_timezones()  # a VTIMEZONE for Europe/Paris when sessions have times
    return calendar.to_ical()


# After the i18n plugin has rebuilt the file list for this language.
def on_files(files, config):
    language = current_language(config)
    conference = conference_for(config)
    content = calendar_for(conference, language, config.site_name, config.site_description or "", config.site_url)
    files.append(File.generated(config, language.prefix + CALENDAR_FILE, content=content))
    return files
