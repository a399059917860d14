"""The conference's own site: a landing page built from the data, tabs, footer links,
reading tools (compare with the English, copy a point's link), the language
suggestion, reflow at 320 px, the dark scheme, and the home page's speed and weight."""

from __future__ import annotations

import copy
import functools
import gzip
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from babel.dates import format_date
from bs4.element import NavigableString, TemplateString

from jumbo_site.data.conference_data import data_languages, load_conference, localise
from support.languages import BY_LOCALE, DEFAULT, LANGUAGES, page_path, strings_for, TRANSLATED
from support.reading import config

ids = functools.partial(map, lambda lang: lang.locale)


def site_name(language) -> str:
    return strings_for(language)["site.name"]


@functools.cache
def conference():
    return load_conference(data_languages(config()))


def norm(text: str) -> str:
    return " ".join(text.split())


def words(element) -> str:
    return norm(element.get_text(" "))


def target(site: Path, page: str, href: str) -> tuple[Path, str]:
    """The built file a link on `page` leads to, and its fragment."""
    parts = urlsplit(urljoin("/" + page, href))
    path = site / parts.path.lstrip("/")
    return (path / "index.html" if parts.path.endswith("/") else path), parts.fragment


def has_id(file: Path, fragment: str) -> bool:
    from bs4 import BeautifulSoup

    return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml").find(id=fragment) is not None


# --- Landing page -----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES, ids=ids(LANGUAGES))
def test_every_home_page_has_one_h1_the_conference_name_which_the_body_shows_once(soup, language):
    html = soup(page_path(language, ""))
    assert [words(h1) for h1 in html.find_all("h1")] == [site_name(language)]
    assert words(html.select_one("article")).count(site_name(language)) == 1


@pytest.mark.parametrize("language", LANGUAGES, ids=ids(LANGUAGES))
def test_every_home_page_shows_theme_date_city_attendance_and_co_chairs_from_the_data(soup, language):
    event = conference().event
    hero = soup(page_path(language, "")).select_one(".home-hero")
    text = words(hero)
    assert norm(localise(event.theme, language)) in text
    cldr_date = format_date(event.date, "long", locale=language.date_locale)
    assert words(hero.select_one(f'time[datetime="{event.date.isoformat()}"]')) == norm(cldr_date)
    assert localise(event.city, language) in text
    co_chairs = [p for p in conference().partners if p.role == "co-chair"]
    assert co_chairs and all(localise(p.name, language) in text for p in co_chairs)


@pytest.mark.parametrize("language", LANGUAGES, ids=ids(LANGUAGES))
def test_attendance_is_around_80_in_person_and_30_online_as_the_conclusions_give_it(soup, language):
    """Point 1: "around 80 participants", "followed online by 30 persons": the
    qualifier of the first figure is not repeated before the second."""
    event = conference().event
    facts = [words(dd) for dd in soup(page_path(language, "")).select(".home-facts dd")]
    attendance = next(fact for fact in facts if str(event.participants_in_person) in fact)
    before = attendance.split(str(event.participants_in_person))[0].split()
    assert before, "a qualifier ('around') comes before the in-person figure"
    assert re.search(rf"\b{event.participants_online}\b", attendance)
    assert f"{before[-1]} {event.participants_online}" not in attendance
    if language.default:
        assert f"around {event.participants_in_person}" in attendance and f"around {event.participants_online}" not in attendance


@pytest.mark.parametrize("language", LANGUAGES, ids=ids(LANGUAGES))
def test_every_home_page_offers_conclusions_programme_calendar_and_pdf(site, soup, language):
    home = page_path(language, "")
    links = [a["href"] for a in soup(home).select(".home-actions a")]
    wanted = [
        page_path(language, "conclusions/") + "index.html",
        page_path(language, "programme/") + "index.html",
        page_path(language, "conference.ics"),
        page_path(language, "conclusions.pdf"),
    ]
    assert [str(target(site, home, href)[0].relative_to(site)) for href in links] == wanted
    assert all((site / path).is_file() for path in wanted)


@pytest.mark.parametrize("language", LANGUAGES, ids=ids(LANGUAGES))
def test_debate_cards_link_to_existing_programme_sections_and_conclusion_points(site, soup, language):
    home = page_path(language, "")
    debates = [s for s in conference().sessions if s.kind == "debate"]
    cards = soup(home).select(".home-card")
    assert [words(card.h3) for card in cards] == [norm(localise(s.title, language)) for s in debates]
    for card, session in zip(cards, debates):
        assert words(card.p) and norm(localise(session.summary, language)).startswith(words(card.p))
        file, fragment = target(site, home, card.h3.a["href"])
        assert file == site / page_path(language, "programme/") / "index.html" and fragment == session.id and has_id(file, fragment)
        points = [target(site, home, a["href"]) for a in card.select(".home-card__points a")]
        assert [fragment for _, fragment in points] == [f"point-{n}" for n in session.points]
        assert all(f == site / page_path(language, "conclusions/") / "index.html" and has_id(f, p) for f, p in points)


@pytest.mark.parametrize("language", LANGUAGES, ids=ids(LANGUAGES))
def test_home_partners_are_grouped_by_role_as_on_the_partners_page(site, soup, language):
    home = page_path(language, "")
    groups = soup(home).select(".home-partners__group")
    roles = [role for role in ("co-chair", "partner", "presenter", "regional-initiative") if any(p.role == role for p in conference().partners)]
    headings = [copy.copy(soup(page_path(language, "partners/")).find("h2", id=role)) for role in roles]
    for heading in headings:
        heading.select_one(".headerlink").decompose()
    assert [words(g.h3) for g in groups] == [words(h2) for h2 in headings]
    for group, role in zip(groups, roles, strict=True):
        links = [target(site, home, a["href"]) for a in group.select("a")]
        assert [fragment for _, fragment in links] == [f"partner-{p.id}" for p in conference().partners if p.role == role]
        assert all(has_id(file, fragment) for file, fragment in links)


# The home heading and the partners page's title claim no status the record does not
# give: co-chairs (point 9), partners (point 1), presenters and initiatives, each named.
EVERYONE = {
    "en": "Co-chairs, partners, presenters and initiatives",
    "fr": "Coprésidents, partenaires, intervenants et initiatives",
    "sq": "Bashkëkryesuesit, partnerët, prezantuesit dhe nismat",
    "bs": "Kopredsjedavajući, partneri, izlagači i inicijative",
    "hr": "Supredsjedatelji, partneri, izlagači i inicijative",
    "cnr": "Kopredsjedavajući, partneri, izlagači i inicijative",
    "mk": "Копретседавачи, партнери, излагачи и иницијативи",
    "sr": "Копредседавајући, партнери, излагачи и иницијативе",
    "sr-Latn": "Kopredsedavajući, partneri, izlagači i inicijative",
}


@pytest.mark.parametrize("language", LANGUAGES, ids=ids(LANGUAGES))
def test_the_home_heading_and_the_partners_page_name_every_role(soup, language):
    home, partners = soup(page_path(language, "")), soup(page_path(language, "partners/"))
    assert words(home.select_one("h2#home-partners")) == EVERYONE[language.locale]
    h1 = copy.copy(partners.select_one("article h1"))
    for link in h1.select(".headerlink"):
        link.decompose()
    assert words(h1) == EVERYONE[language.locale]
    assert partners.title.get_text().startswith(EVERYONE[language.locale])
    tab = [words(a) for a in home.select(".md-tabs__link") if a["href"].rstrip("/").endswith("partners")]
    assert tab in ([], [EVERYONE[language.locale]])


# --- Navigation and footer --------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES, ids=ids(LANGUAGES))
def test_the_footer_links_accessibility_privacy_and_translation_status_in_the_readers_language(site, soup, language):
    page = page_path(language, "conclusions/")
    links = [target(site, page, a["href"])[0] for a in soup(page).select(".site-footer-links a[href]") if not a["href"].startswith("https:")]
    assert links == [site / page_path(language, "accessibility/") / "index.html", site / page_path(language, "privacy/") / "index.html", site / "translations/index.html"]
    assert all(file.is_file() for file in links)


# --- Compare with the English -----------------------------------------------------------


def english_points(soup) -> list[str]:
    points = []
    for item in soup("conclusions/").select("ol.numbered-points > li"):
        item = copy.copy(item)
        for extra in item.select(".point-number, .point-tools"):
            extra.decompose()
        points.append(words(item))
    return points


@pytest.mark.parametrize("language", TRANSLATED, ids=ids(TRANSLATED))
def test_every_translated_conclusions_page_has_11_disclosures_holding_the_english_point(soup, language):
    english = english_points(soup)
    html = soup(page_path(language, "conclusions/"))
    disclosures = html.select("ol.numbered-points > li > .point-tools > details.compare-english")
    assert len(disclosures) == len(english) == 11
    for number, (details, point) in enumerate(zip(disclosures, english), start=1):
        assert details.find_parent("li")["id"] == f"point-{number}"
        assert words(details.summary) and details.summary.find(lang=True) is None
        assert details.select_one("div")["lang"] == "en"
        assert words(details.select_one("div")) == point


def test_the_english_page_has_no_disclosure(soup):
    assert soup("conclusions/").select("details.compare-english") == []


@pytest.mark.parametrize("language", TRANSLATED, ids=ids(TRANSLATED))
def test_the_english_points_are_not_indexed_as_the_translations_text(site, soup, language):
    index = json.loads((site / language.prefix / "search/index.json").read_text(encoding="utf-8"))
    text = " ".join(section["text"] for section in index["sections"])
    assert [point[:60] for point in english_points(soup) if point[:60] in text] == []
    assert "point-7" in " ".join(section["url"] for section in index["sections"])  # the points themselves are


# A Serbian reader is offered the other script in words that name it: "available in
# Serbian" alone would say nothing to a reader who is already reading Serbian.
SERBIAN_OFFERS = {
    # (page's language, offered language): (message, link)
    ("sr", "sr-Latn"): ("Ova stranica je dostupna i na srpskom jeziku, na latinici.", "Pročitajte ovu stranicu na latinici"),
    ("sr-Latn", "sr-Cyrl"): ("Ова страница је доступна и на српском језику, на ћирилици.", "Прочитајте ову страницу на ћирилици"),
}


def template_text(element) -> str:
    """Text inside a <template> (BeautifulSoup keeps it as TemplateString, which get_text skips)."""
    return " ".join(element.get_text(" ", types=(NavigableString, TemplateString)).split())


@pytest.mark.parametrize("page_language,offered", SERBIAN_OFFERS, ids=["cyrillic-page", "latin-page"])
@pytest.mark.parametrize("page", ["", "conclusions/"])
def test_each_serbian_script_offers_the_other_by_name(soup, page_language, offered, page):
    html = soup(page_path(BY_LOCALE[page_language], page))
    [template] = html.select(f'.language-suggestion template[data-lang="{offered}"]')
    message, link = SERBIAN_OFFERS[page_language, offered]
    assert template_text(template.p) == f"{message} {link}"
    assert template_text(template.p.a) == link
    # Every other language's offer of that script names it too (one text per script).
    english = soup(page_path(DEFAULT, page))
    assert template_text(english.select_one(f'.language-suggestion template[data-lang="{offered}"]').p) == f"{message} {link}"


def test_the_gzip_server_compresses_like_github_pages(gzip_server):
    import urllib.request

    request = urllib.request.Request(gzip_server + "mk/", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert "<h1 " in gzip.decompress(response.read()).decode("utf-8")
