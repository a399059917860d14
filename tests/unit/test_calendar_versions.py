"""The calendar files are versioned by the data's `event.updated` (SEQUENCE, LAST-MODIFIED),
keep their UIDs, are named in their language, and parse in two libraries (icalendar and
vobject): on the session build, and in-process for a later `updated`."""

from __future__ import annotations

import datetime

import icalendar
from support.calendar_versions import CONFERENCE_DAY
from support.languages import LANGUAGES

from jumbo_site.takeaways.calendar_file import _calendar
from jumbo_site.takeaways.takeaways import calendar_name


def test_each_language_has_its_own_file_name():
    names = [calendar_name(language) for language in LANGUAGES]
    assert len(set(names)) == len(names) and "jumbo-2021-mk.ics" in names


def calendar(updated: datetime.date) -> icalendar.Calendar:
    timed = (("opening", datetime.time(9, 30), datetime.time(10, 0), "Opening", "The opening."),)
    values = ("https://example.org/", "example.org", CONFERENCE_DAY, updated, "Europe/Paris", "en", "Jumbo 2021", "The conference.", "Paris", timed)
    return icalendar.Calendar.from_ical(_calendar(*values))


def test_a_later_updated_date_is_a_later_revision_of_the_same_events():
    before, after = calendar(datetime.date(2026, 12, 6)).walk("VEVENT"), calendar(datetime.date(2026, 12, 7)).walk("VEVENT")
    assert [str(e["uid"]) for e in before] == [str(e["uid"]) for e in after]
    for old, new in zip(before, after):
        assert int(new["sequence"]) == int(old["sequence"]) + 1
        assert new.decoded("last-modified") > old.decoded("last-modified")
