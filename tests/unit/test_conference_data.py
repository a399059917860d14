"""Programme and partners from data/: rendering, bad input, calendar files, event metadata."""

from __future__ import annotations

import datetime

from support.conference_data import CONFERENCE
from support.languages import LANGUAGES


def test_a_calendar_from_the_build_cache_is_the_one_made_anew_and_a_changed_time_is_made_again(tmp_path, monkeypatch):
    from dataclasses import replace

    from jumbo_site.takeaways.calendar_file import calendar_for

    french = next(lang for lang in LANGUAGES if lang.locale == "fr")
    sessions = list(CONFERENCE.sessions)
    sessions[1] = replace(sessions[1], start=datetime.time(10, 0), end=datetime.time(11, 30))  # a VTIMEZONE too
    timed = replace(CONFERENCE, sessions=tuple(sessions))
    made = {}
    for cache in ("off", str(tmp_path / "cache"), str(tmp_path / "cache")):  # made, made and kept, read
        monkeypatch.setenv("SITE_CACHE", cache)
        made.setdefault("timed", []).append(calendar_for(timed, french, "Site", "About", "https://example.org/"))
    assert made["timed"][0] == made["timed"][1] == made["timed"][2] and b"BEGIN:VTIMEZONE" in made["timed"][0]
    sessions[1] = replace(sessions[1], start=datetime.time(10, 15))
    moved = calendar_for(replace(CONFERENCE, sessions=tuple(sessions)), french, "Site", "About", "https://example.org/")
    assert b"T101500" in moved and b"T101500" not in made["timed"][0]
