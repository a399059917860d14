"""The calendar files are versioned by the data's `event.updated` (SEQUENCE, LAST-MODIFIED),
keep their UIDs, are named in their language, and parse in two libraries (icalendar and
vobject): on the session build, and in-process for a later `updated`."""

from __future__ import annotations

import datetime

import icalendar
import pytest
import vobject
from support.calendar_versions import CONFERENCE_DAY
from support.languages import LANGUAGES
from support.project import ROOT, read_yaml

from jumbo_site.takeaways.takeaways import calendar_name

EVENT = read_yaml(ROOT / "data/programme.yml")["event"]
UPDATED = EVENT["updated"]


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
