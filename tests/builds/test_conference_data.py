"""Programme and partners from data/: rendering, bad input, calendar files, event metadata."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup
from support.conference_data import CONFERENCE
from support.languages import LANGUAGES, page_path
from support.live_preview import build_languages, copy_project
from support.project import build

# --- Editing the data -------------------------------------------------------


def programme_pages(site) -> dict[str, str]:
    return {lang.locale: (site / page_path(lang, "programme/") / "index.html").read_text(encoding="utf-8") for lang in LANGUAGES}


def test_editing_a_session_title_changes_that_language_only(site, site_url, project_copy, tmp_path):
    """Compared with the session's site (a copy builds byte-identical: test_publishing)."""
    data = project_copy / "data/programme.yml"
    old = CONFERENCE.sessions[1].title["fr"]
    text = data.read_text(encoding="utf-8")
    assert text.count(old) == 1
    data.write_text(text.replace(old, "Débats sur la prévention de l’extrémisme violent"), encoding="utf-8")
    after = build(project_copy / "mkdocs.yml", tmp_path / "after", site_url=site_url)
    assert after.returncode == 0, after.stderr
    pages_before, pages_after = programme_pages(site), programme_pages(tmp_path / "after")
    changed = sorted(locale for locale in pages_before if pages_before[locale] != pages_after[locale])
    assert changed == ["fr"]
    assert "la prévention de l’extrémisme violent" in pages_after["fr"]


@pytest.fixture(scope="module")
def one_timed_session(tmp_path_factory) -> Path:
    """The French site built from data in which only the second session has times
    (any times the real data has are taken out first). With English: an English page
    not yet translated falls back to it, as on the published site."""
    project = copy_project(tmp_path_factory.mktemp("timed") / "project")
    build_languages(project, ["en", "fr"])
    data = project / "data/programme.yml"
    text = re.sub(r"(?m)^    (start|end): .*\n", "", data.read_text(encoding="utf-8"))
    assert text.count("    order: 2\n") == 1
    data.write_text(text.replace("    order: 2\n", '    order: 2\n    start: "10:00"\n    end: "11:30"\n'), encoding="utf-8")
    result = build(project / "mkdocs.yml", project / "out")
    assert result.returncode == 0, result.stderr
    return project / "out/fr"


def test_times_in_the_data_appear_on_the_page_and_in_the_calendar(one_timed_session):
    page = (one_timed_session / "programme/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2021-12-06T10:00">10:00</time>–<time datetime="2021-12-06T11:30">11:30</time>' in page
    calendar = icalendar.Calendar.from_ical((one_timed_session / "jumbo-2021-fr.ics").read_bytes())
    timed = [e for e in calendar.walk("VEVENT") if isinstance(e.decoded("dtstart"), datetime.datetime)]
    assert len(timed) == 1
    assert timed[0]["dtstart"].params["TZID"] == "Europe/Paris"
    assert timed[0].decoded("dtstart").isoformat() == "2021-12-06T10:00:00+01:00"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_sessions_without_times_show_none(one_timed_session):
    html = BeautifulSoup((one_timed_session / "programme/index.html").read_text(encoding="utf-8"), "lxml")
    assert len(html.select("article h2[id]")) == len(CONFERENCE.sessions) > 2
    assert len(html.select("article time[datetime^='2021-12-06T']")) == 2  # the one timed session's start and end
    assert len(html.select(".session-time")) == 1


def partner_entry(index: int, partner_id: str) -> str:
    """How an error names a partner: by its place in the file (which editors may reorder) and id."""
    return f"partners[{index}] (id: {partner_id})"


PARTNER_INDEX = {partner.id: index for index, partner in enumerate(CONFERENCE.partners)}
FIRST_CO_CHAIR = next(partner.id for partner in CONFERENCE.partners if partner.role == "co-chair")

# Each bad input: what is written into the data, and what the error must name.
BAD_INPUT = {
    "malformed YAML": ("programme.yml", lambda t: t.replace("sessions:\n", "sessions:\n  - id: [broken\n", 1), ["data/programme.yml, line", "not valid YAML"]),
    "unknown key": ("programme.yml", lambda t: t.replace("    kind: debate\n", "    kind: debate\n    speaker: Somebody\n", 1), ["sessions[1] (id: violent-extremism)", "'speaker'", "unknown field"]),
    "missing required field": ("partners.yml", lambda t: t.replace("    role: co-chair\n", "", 1), ["data/partners.yml", partner_entry(PARTNER_INDEX[FIRST_CO_CHAIR], FIRST_CO_CHAIR), "'role'", "missing"]),
    "missing language": ("programme.yml", lambda t: re.sub(r"\n      mk: Размени на мислења на конференцијата\n", "\n", t, count=1), ["sessions[0] (id: exchanges)", "'title'", "missing language 'mk'"]),
    "duplicate id": ("partners.yml", lambda t: t.replace("  - id: france\n", "  - id: rcc\n", 1), [partner_entry(max(PARTNER_INDEX["france"], PARTNER_INDEX["rcc"]), "rcc"), "'id'", "duplicate id 'rcc'"]),
    "unknown partner reference": ("programme.yml", lambda t: t.replace("partner: customs-france", "partner: customs-fr", 1), ["sessions[3] (id: organised-crime)", "'presenters'", "unknown partner 'customs-fr'"]),
    "end before start": ("programme.yml", lambda t: re.sub(r"(?m)^    (start|end): .*\n", "", t).replace("    order: 2\n", '    order: 2\n    start: "10:00"\n    end: "09:30"\n', 1), ["sessions[1] (id: violent-extremism)", "'end'", "not after the start"]),
}


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_data_stops_the_build_naming_file_entry_and_field(project_copy, tmp_path, case):
    file, change, expected = BAD_INPUT[case]
    path = project_copy / "data" / file
    original = path.read_text(encoding="utf-8")
    path.write_text(change(original), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != original, "the bad input was not written"
    result = build(project_copy / "mkdocs.yml", tmp_path / "out", language="en")
    assert result.returncode != 0
    for fragment in expected:
        assert fragment in result.stderr
