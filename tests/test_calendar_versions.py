"""The calendar files are versioned by the data's `event.updated` (SEQUENCE, LAST-MODIFIED),
keep their UIDs, are named in their language, and parse in two libraries (icalendar and
vobject): on the session build, and in-process for a later `updated`."""

from __future__ import annotations

import datetime

import icalendar
import pytest
import vobject
from conftest import LANGUAGES, ROOT, read_yaml

from jumbo_site.takeaways.calendar_file import _calendar
from jumbo_site.takeaways.takeaways import calendar_name

EVENT = read_yaml(ROOT / "data/programme.yml")["event"]
UPDATED = EVENT["updated"]
CONFERENCE_DAY = datetime.date(2021, 12, 6)


def calendar_file(site, language) -> bytes:
    return (site / language.prefix / calendar_name(language)).read_bytes()


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_each_event_carries_sequence_and_last_modified_from_event_updated_in_two_parsers(site, language):
    text = calendar_file(site, language)
    midnight = datetime.datetime.combine(UPDATED, datetime.time(0, 0), tzinfo=datetime.timezone.utc)
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert events
    for event in events:
        assert event.decoded("last-modified") == midnight
        assert int(event["sequence"]) == (UPDATED - CONFERENCE_DAY).days
    parsed = vobject.readOne(text.decode("utf-8"))
    assert [str(e.uid.value) for e in parsed.vevent_list] == [str(e["uid"]) for e in events]
    for event in parsed.vevent_list:
        assert event.last_modified.value == midnight
        assert int(event.sequence.value) == (UPDATED - CONFERENCE_DAY).days
        assert event.dtstart.value == CONFERENCE_DAY or event.dtstart.value.date() == CONFERENCE_DAY


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
