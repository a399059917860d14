"""The conference's own look (issue 24): a site that reads as the event, not a manual.
No documentation chrome, the Serbian entries named by script, the header's wordmark,
contrast in every state, target sizes and a reading measure, seen in Chromium."""

from __future__ import annotations

import pytest
from support.languages import LANGUAGES, page_path, PAGES, strings_for
from support.project import read_yaml, ROOT
from support.look import SERBIAN_NAMES


@pytest.mark.parametrize("language", LANGUAGES, ids=[lang.locale for lang in LANGUAGES])
def test_every_switcher_names_the_serbian_scripts(soup, language):
    for page in PAGES:
        links = {a["lang"]: a.get_text(strip=True) for a in soup(page_path(language, page)).select(".md-select__link")}
        assert {tag: links[tag] for tag in SERBIAN_NAMES} == SERBIAN_NAMES, page


@pytest.mark.parametrize("language", LANGUAGES, ids=[lang.locale for lang in LANGUAGES])
def test_the_point_index_lists_every_point_by_number_and_first_words_and_adds_no_heading(soup, language):
    page = soup(page_path(language, "conclusions/"))
    article = page.select_one("article")
    index = article.select_one("nav.point-index")
    assert index is not None and index.get("aria-label") == strings_for(language)["conclusions.index"]
    points = article.select("ol.numbered-points > li[id^=point-]")
    links = index.select("a")
    assert [a["href"] for a in links] == [f"#point-{n}" for n in range(1, 12)] == ["#" + li["id"] for li in points]
    for number, (link, point) in enumerate(zip(links, points), start=1):
        assert link.select_one(".point-index__number").get_text() == str(number)
        words = link.select_one(".point-index__words").get_text().rstrip("…").split()
        text = " ".join(point.find("p").get_text(" ").split()).removeprefix(f"{number}.").split()
        assert 3 <= len(words) and words == [w.strip() for w in text[: len(words)]], (number, words, text[:8])
    assert article.select("h2, h3, h4, h5, h6") == []  # the record has no headings but its title


@pytest.mark.parametrize("language", LANGUAGES, ids=[lang.locale for lang in LANGUAGES])
def test_the_share_panel_offers_the_pages_link_the_pdf_and_the_open_data(soup, language):
    strings = strings_for(language)
    panel = soup(page_path(language, "conclusions/")).select_one("article .conclusions-share")
    assert panel is not None and panel.get("aria-label") == strings["conclusions.share"]
    button = panel.select_one("button.copy-link")
    assert button is not None and button.has_attr("hidden") and button.get_text() == strings["conclusions.copy"]
    hrefs = [a["href"] for a in panel.select("a")]
    assert hrefs == ["../conclusions.pdf", ("../" * (1 + bool(language.prefix))) + "conclusions.json"], hrefs


# --- The programme as an agenda ------------------------------------------------------

SESSIONS = read_yaml(ROOT / "data" / "programme.yml")["sessions"]


@pytest.mark.parametrize("language", LANGUAGES, ids=[lang.locale for lang in LANGUAGES])
def test_the_programme_is_an_agenda_of_the_sessions_in_the_records_order_with_their_points(soup, language):
    agenda = soup(page_path(language, "programme/")).select_one("article ul.agenda")
    assert agenda is not None
    items = agenda.find_all("li", recursive=False)
    assert [li.h2["id"] for li in items] == [session["id"] for session in SESSIONS]
    for item, session in zip(items, SESSIONS):
        assert "agenda__item--" + session["kind"] in item["class"]
        assert item.select_one("p.agenda__summary").get_text(strip=True)
        points = [a["href"].rsplit("#", 1)[1] for a in item.select(".agenda__points a")]
        assert points == [f"point-{n}" for n in session["points"]]
        assert item.find("time") is None and "start" not in session  # the record gives no times


# --- The partners as cards by role ---------------------------------------------------

PARTNERS = read_yaml(ROOT / "data" / "partners.yml")["partners"]
ROLES = ["co-chair", "partner", "presenter", "regional-initiative"]


def named_in(partner_id: str) -> list[str]:
    """The sessions of data/programme.yml that name the partner: presenter, update or presentation."""
    return [
        s["id"] for s in SESSIONS
        if partner_id in [p["partner"] for p in s.get("presenters", [])] + s.get("followed_by", []) + s.get("trafficking_presentation", [])
    ]


@pytest.mark.parametrize("language", LANGUAGES, ids=[lang.locale for lang in LANGUAGES])
def test_the_partners_are_cards_by_role_linking_their_sessions_and_only_a_website_the_data_has(soup, language):
    article = soup(page_path(language, "partners/")).select_one("article")
    for role in ROLES:
        cards = article.select_one(f"h2#{role}").find_next_sibling("ul")
        assert "partner-cards" in cards["class"]
        members = [p for p in PARTNERS if p["role"] == role]
        assert [li["id"] for li in cards.select("li.partner-card")] == [f"partner-{p['id']}" for p in members]
        for card, partner in zip(cards.select("li.partner-card"), members):
            assert card.select_one(".partner-card__name").get_text(strip=True)
            sessions = [a["href"].rsplit("#", 1)[1] for a in card.select(".partner-card__sessions a")]
            assert sessions == named_in(partner["id"])
            outside = [a["href"] for a in card.select("a[href^='https:']")]
            assert outside == ([partner["website"]] if partner.get("website") else [])
