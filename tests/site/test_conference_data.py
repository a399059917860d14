"""Programme and partners from data/: rendering, bad input, calendar files, event metadata."""

from __future__ import annotations

import datetime
import json
import re
from urllib.parse import urljoin

import icalendar
import pytest

from jumbo_site.data.conference_data import ROLES, localise
from support.languages import LANGUAGES, page_path, PAGES
from support.project import read_yaml, ROOT
from support.conference_data import CONFERENCE
# The date editors set in data/programme.yml when they change the programme (CONTRIBUTING).
UPDATED = read_yaml(ROOT / "data/programme.yml")["event"]["updated"]


def words(element) -> str:
    """The element's text with runs of ordinary white space as one space (no-break spaces kept)."""
    return re.sub(r"[ \t\r\n]+", " ", element.get_text(" ")).strip()


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_programme_shows_the_sessions_of_the_data_in_the_page_language(soup, language):
    headings = soup(page_path(language, "programme/")).select("article h2[id]")
    assert [h["id"] for h in headings] == [s.id for s in CONFERENCE.sessions]
    assert [words(h).rstrip("¶ ") for h in headings] == [localise(s.title, language) for s in CONFERENCE.sessions]


# Headings as a reader of each language expects them (typed here, not read from data/):
# no number the record never gives, and "panel" where point 8 says "the panel on
# organized crime".
SESSION_HEADINGS = {
    "en": ("Debates on violent extremism", "Panel on organised crime"),
    "fr": ("Débats sur l’extrémisme violent", "Table ronde sur la criminalité organisée"),
    "sq": ("Debatet për ekstremizmin e dhunshëm", "Paneli për krimin e organizuar"),
    "bs": ("Debate o nasilnom ekstremizmu", "Panel o organizovanom kriminalu"),
    "hr": ("Rasprave o nasilnom ekstremizmu", "Panel o organiziranom kriminalu"),
    "cnr": ("Rasprave o nasilnom ekstremizmu", "Panel o organizovanom kriminalu"),
    "mk": ("Дебати за насилниот екстремизам", "Панел за организираниот криминал"),
    "sr": ("Расправе о насилном екстремизму", "Панел о организованом криминалу"),
    "sr-Latn": ("Rasprave o nasilnom ekstremizmu", "Panel o organizovanom kriminalu"),
}


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_the_programme_names_the_debates_and_the_panel_in_the_page_language(soup, language):
    html = soup(page_path(language, "programme/"))
    headings = tuple(words(html.select_one(f"article h2#{id}")).rstrip("¶ ") for id in ("violent-extremism", "organised-crime"))
    assert headings == SESSION_HEADINGS[language.locale]
    assert not any(re.search(r"\d", words(h)) for h in html.select("article h2")), "the record numbers no session"


# The labels before the presenters, the updates and the separate SALW presentation.
LABELS = {
    "en": ("Presentations by:", "Followed by updates on:", "Presentation on trafficking:"),
    "fr": ("Exposés de\u202f:", "Puis points d’actualité sur\u202f:", "Présentation sur le trafic\u202f:"),
    "sq": ("Prezantime nga:", "Pastaj përditësime për nismat:", "Prezantim për trafikimin:"),
    "bs": ("Izlaganja:", "Potom najnovije informacije o inicijativama:", "Izlaganje o nezakonitoj trgovini:"),
    "hr": ("Izlaganja:", "Potom prikazi najnovijeg stanja:", "Izlaganje o nezakonitoj trgovini:"),
    "cnr": ("Izlaganja:", "Potom najnovije informacije o inicijativama:", "Izlaganje o nezakonitoj trgovini:"),
    "mk": ("Презентации од:", "Потоа ажурирани информации за:", "Презентација за нелегалната трговија:"),
    "sr": ("Излагања:", "Потом информације о најновијем стању:", "Излагање о недозвољеној трговини:"),
    "sr-Latn": ("Izlaganja:", "Potom informacije o najnovijem stanju:", "Izlaganje o nedozvoljenoj trgovini:"),
}


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_the_salw_roadmap_is_its_own_presentation_not_an_update(soup, language):
    """Point 8: updates on IISG, the Berlin Process group and the UNODC roadmap; then,
    on trafficking, a presentation on the SALW roadmap."""
    presented_by, updates, trafficking = LABELS[language.locale]
    section = soup(page_path(language, "programme/")).select_one("article h2#organised-crime").find_next_siblings("p")
    by_label = {}
    for p in section:
        if (strong := p.find("strong")) and p.find_previous("h2")["id"] == "organised-crime":
            by_label[words(strong)] = [a["href"].split("#")[1] for a in p.select("a[href*='#partner-']")]
    assert by_label[presented_by] == ["partner-customs-france"]
    assert by_label[updates] == ["partner-iisg", "partner-berlin-process-security", "partner-unodc-roadmap"]
    assert by_label[trafficking] == ["partner-salw-roadmap"]


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_sessions_link_their_presenters_and_conclusions(soup, language):
    html = soup(page_path(language, "programme/"))
    links = {a["href"] for a in html.select("article a[href]")}
    for session in CONFERENCE.sessions:
        assert all(f"../partners/#partner-{p.partner}" in links for p in session.presenters)
        assert all(f"../partners/#partner-{pid}" in links for pid in session.followed_by + session.trafficking_presentation)
        assert all(f"../conclusions/#point-{n}" in links for n in session.points)


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_partners_page_lists_every_partner_with_an_anchor(soup, language):
    html = soup(page_path(language, "partners/"))
    # By role, in the order of the roles; within a role, in the order of the file (editors may reorder it).
    assert [li["id"] for li in html.select("article li[id^=partner-]")] == [f"partner-{p.id}" for role in ROLES for p in CONFERENCE.partners if p.role == role]


# --- Calendar files ------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_each_language_has_a_calendar_file_that_parses(site, soup, language):
    calendar = icalendar.Calendar.from_ical((site / language.prefix / "conference.ics").read_bytes())
    assert calendar["version"] == "2.0" and calendar["prodid"]
    events = calendar.walk("VEVENT")  # the day, then any session with times
    [event] = [e for e in events if not isinstance(e.decoded("dtstart"), datetime.datetime)]
    assert event["uid"] and len({e["uid"] for e in events}) == len(events)
    stamp = datetime.datetime.combine(UPDATED, datetime.time(0, 0), tzinfo=datetime.timezone.utc)
    assert {e.decoded("dtstamp") for e in events} == {stamp}
    assert event.decoded("dtstart") == datetime.date(2021, 12, 6)
    assert event.decoded("dtend") == datetime.date(2021, 12, 7)
    assert str(event["summary"]) == soup(page_path(language, "")).select_one('meta[property="og:site_name"]')["content"]
    assert event["summary"].params["LANGUAGE"] == language.html_lang


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
@pytest.mark.parametrize("page", ["", "programme/"])
def test_home_and_programme_link_to_the_calendar_of_their_language(soup, language, page):
    links = [a["href"] for a in soup(page_path(language, page)).select("article a[download]")]
    assert [urljoin("/" + page_path(language, page), href) for href in links] == [f"/{language.prefix}conference.ics"]


# --- Event metadata ---------------------------------------------------------------


# Every property the home pages' Event states, and where it comes from: the record
# (date, city, theme, organisers, "followed online"), or the site itself.
EVENT_PROPERTIES = {
    "@context", "@type",
    "name",  # the record's title
    "description",  # the record's theme
    "startDate", "endDate",  # point 1: the date, no time
    "eventAttendanceMode",  # point 1: around 80 in Paris, 30 online
    "location",  # point 1: Paris
    "organizer",  # points 1 and 11: the RCC, with the French ministry and IHEDN
    "inLanguage", "url", "image",  # the site
}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_home_pages_describe_the_event_in_json_ld_with_no_more_than_the_record(site, soup, site_url, language):
    [script] = soup(page_path(language, "")).select('script[type="application/ld+json"]')
    event = json.loads(script.string)
    assert set(event) == EVENT_PROPERTIES
    assert event["@type"] == "Event" and event["@context"] == "https://schema.org"
    assert event["name"] and event["description"] == localise(CONFERENCE.event.theme, language)
    # The record gives the date only, as the calendar file's all-day entry does.
    calendar = icalendar.Calendar.from_ical((site / language.prefix / "conference.ics").read_bytes())
    [all_day] = [c for c in calendar.walk("VEVENT") if not isinstance(c.decoded("dtstart"), datetime.datetime)]
    assert event["startDate"] == event["endDate"] == all_day.decoded("dtstart").isoformat() == "2021-12-06"
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    location = event["location"]
    assert location["@type"] == "Place" and location["address"]["addressCountry"] == "FR"
    assert location["name"] == location["address"]["addressLocality"] == localise(CONFERENCE.event.city, language)
    assert "VirtualLocation" not in script.string, "no online address is in the record"
    assert [org["name"] for org in event["organizer"]] == [localise(CONFERENCE.partner(pid).name, language) for pid in CONFERENCE.event.organisers]
    assert event["inLanguage"] == language.html_lang
    assert event["url"] == site_url + language.prefix


# Open Graph's language_TERRITORY for each language (both Serbian scripts share sr_RS).
OG_LOCALE = {"en": "en_GB", "fr": "fr_FR", "sq": "sq_AL", "bs": "bs_BA", "hr": "hr_HR", "cnr": "cnr_ME", "mk": "mk_MK", "sr": "sr_RS", "sr-Latn": "sr_RS"}


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_a_description_and_open_graph_tags(site, soup, site_url, language, page):
    html = soup(page_path(language, page))
    og = {m["property"]: m["content"] for m in html.select("meta[property^='og:']")}
    assert html.select_one('meta[name="description"]')["content"] == og["og:description"] != ""
    assert og["og:title"] and og["og:type"] == "website"
    assert og["og:url"] == site_url + page_path(language, page)
    assert og["og:image"].startswith(site_url) and (site / og["og:image"][len(site_url) :]).is_file()
    assert og["og:locale"] == OG_LOCALE[language.locale]
    alternates = [m["content"] for m in html.select("meta[property='og:locale:alternate']")]
    assert sorted(alternates) == sorted(set(OG_LOCALE.values()) - {OG_LOCALE[language.locale]})


def test_the_data_is_not_published(site):
    assert not list(site.rglob("*.yml"))
