"""A calendar file (RFC 5545) for each language: the event, and its sessions that have times.

Written beside each language's home page, named in its language (takeaways.calendar_name:
jumbo-2021-en.ics, mk/jumbo-2021-mk.ics, …), and linked as "add to calendar" with that name
as the download attribute. The data's `updated` date (data/programme.yml, event.updated)
versions every event: it is the DTSTAMP and LAST-MODIFIED (midnight UTC), and SEQUENCE is
the number of days from the conference to it, so a calendar app that has the event sees
a later revision whenever an editor moves `updated` on (CONTRIBUTING). Not the build
time: two builds of the same sources give the same file. The UIDs stay the same across
revisions (the event's date, the session's id, the site's host).
"""

from __future__ import annotations

import datetime
import zoneinfo
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from mkdocs.structure.files import File

from jumbo_site.build.build_cache import cached, key
from jumbo_site.data.conference_data import Conference, conference_for, localise
from jumbo_site.languages.site_i18n import Language, current_language
from jumbo_site.takeaways.takeaways import calendar_name

PRODUCT = "-//Regional Cooperation Council//Jumbo 2021 conference site//EN"


# The calendar in one language, as bytes: kept in the build cache (build_cache.py) by every
# value it prints, this file and, when sessions have times, the zone's file in the tz database
# (its VTIMEZONE's rules), so a build of unchanged data does not load icalendar (some 30 ms).
def calendar_for(conference: Conference, language: Language, site_name: str, description: str, site_url: str) -> bytes:
    event = conference.event
    city = localise(event.city, language)
    timed = tuple(
        (session.id, session.start, session.end, localise(session.title, language), localise(session.summary, language))
        for session in conference.sessions if session.start
    )  # fmt: skip
    values = (urljoin(site_url, language.prefix), urlsplit(site_url).hostname or "localhost", event.date, event.updated, event.timezone, language.html_lang, site_name, description, city, timed)
    zone = _zone_file(event.timezone) if timed else b""
    if zone is None:  # a zone that is not a file of the tz database's folders (the tzdata package's): made every time
        return _calendar(*values)
    return cached("calendars", key(Path(__file__).read_bytes(), repr(values), zone) + ".ics", lambda: _calendar(*values))


# The zone's file, where ZoneInfo reads it first (zoneinfo.TZPATH), or None.
def _zone_file(name: str) -> bytes | None:
    for folder in zoneinfo.TZPATH:
        if (path := Path(folder) / name).is_file():
            return path.read_bytes()
    return None


def _calendar(home, host, date, updated, timezone, html_lang, site_name, description, city, timed) -> bytes:
    from icalendar import Calendar, Event  # only for a calendar not yet kept

    stamp = datetime.datetime.combine(updated, datetime.time(0, 0), tzinfo=datetime.timezone.utc)
    sequence = max(0, (updated - date).days)  # grows with event.updated (RFC 5545 3.8.7.4)
    lang = {"LANGUAGE": html_lang}

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")

    whole_day = Event()
    whole_day.add("uid", f"jumbo-{date.isoformat()}@{host}")
    whole_day.add("dtstamp", stamp)
    whole_day.add("last-modified", stamp)
    whole_day.add("sequence", sequence)
    whole_day.add("dtstart", date)  # all day: the conclusions give no times
    whole_day.add("dtend", date + datetime.timedelta(days=1))
    whole_day.add("summary", site_name, parameters=lang)
    whole_day.add("description", f"{description}\n{home}", parameters=lang)
    whole_day.add("location", city, parameters=lang)
    whole_day.add("url", home)
    calendar.add_component(whole_day)

    zone = ZoneInfo(timezone)
    for session_id, start, end, title, summary in timed:
        session = Event()
        session.add("uid", f"{session_id}.jumbo-{date.isoformat()}@{host}")
        session.add("dtstamp", stamp)
        session.add("last-modified", stamp)
        session.add("sequence", sequence)
        session.add("dtstart", datetime.datetime.combine(date, start, tzinfo=zone))
        if end:
            session.add("dtend", datetime.datetime.combine(date, end, tzinfo=zone))
        session.add("summary", title, parameters=lang)
        session.add("description", summary, parameters=lang)
        session.add("location", city, parameters=lang)
        calendar.add_component(session)
    calendar.add_missing_timezones()  # a VTIMEZONE for Europe/Paris when sessions have times
    return calendar.to_ical()


# After the i18n plugin has rebuilt the file list for this language.
def on_files(files, config):
    language = current_language(config)
    conference = conference_for(config)
    content = calendar_for(conference, language, config.site_name, config.site_description or "", config.site_url)
    files.append(File.generated(config, language.prefix + calendar_name(language), content=content))
    return files
