"""Faithful to the record: every statement traceable to the conclusions, in every language.

The programme's presenters, times and verbs are backed by the points they cite; figures
come from the data, and the data from the record; point 4 keeps the record's slip with
a note; each language keeps to its glossary (data/glossary.yml); no page shows "..",
a word in two scripts or an English attribute on a translated page.
"""

from __future__ import annotations

import copy
import re

import pytest
from jumbo_site.languages.dates import local_date
from jumbo_site.languages.transliteration import to_latin
from support.languages import ALL_PAGES, BY_LOCALE, DEFAULT, IDS, page_path, PAGES, TRANSLATED
from support.record import glossary_problems
from support.faithfulness import CONSTANTS, EVENT, NUMBER, POINTS, typed_dates


def english_text(soup, page) -> str:
    return " ".join(soup(page).select_one("article").get_text(" ").split())


@pytest.mark.parametrize("page", PAGES)
def test_english_pages_claim_nothing_the_record_does_not(soup, page):
    text = english_text(soup, page) + " " + soup(page).select_one('meta[name="description"]')["content"]
    assert re.findall(r"\b(adopted|opened|closed|opening|closing)\b", text, re.I) == []
    assert not re.search(rf"\b(around|about|some) {EVENT.participants_online}\b", text), "point 1 says exactly 30 online"


# Point 1 says the conference was held in Paris and followed online; "hybrid" (a format)
# is the site's word, not the record's. No page in any language adds it.
NOT_THE_RECORDS = re.compile(r"(?<!\w)(hybrid\w*|hibrid\w*|хибрид\w*)", re.I)


@pytest.mark.parametrize("language,page", ALL_PAGES, ids=IDS)
def test_no_page_calls_the_format_what_the_record_does_not(soup, language, page):
    html = soup(page_path(language, page))
    text = html.select_one("article").get_text(" ") + " " + html.select_one('meta[name="description"]')["content"]
    assert NOT_THE_RECORDS.findall(text) == []


# --- Point 4 ---------------------------------------------------------------------

def point_4(soup, language):
    return soup(page_path(language, "conclusions/")).select_one("#point-4")


def test_english_point_4_keeps_procession_with_a_visible_sic_note(soup):
    item = point_4(soup, DEFAULT)
    note = item.select_one(".editorial-note").get_text()
    assert "sic" in note and "possession" in note
    assert "illicit procession" in item.get_text()


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda l: l.locale)
def test_each_translation_says_in_its_language_that_point_4_follows_the_evident_meaning(soup, language):
    note = point_4(soup, language).select_one(".editorial-note")
    english = point_4(soup, DEFAULT).select_one(".editorial-note").get_text()
    assert note is not None and note.get_text() != english
    quoted = [span.get_text() for span in note.select('[lang="en"]')]
    assert quoted == ["procession", "possession"]
    own = copy.copy(note)
    for span in own.select('[lang="en"]'):
        span.decompose()
    assert len(own.get_text().split()) >= 8  # a sentence of the translator's own


def allowed_numbers() -> set[str]:
    return CONSTANTS | {str(EVENT.participants_in_person), str(EVENT.participants_online), str(len(POINTS)), str(EVENT.date.day), str(EVENT.date.year)}


@pytest.mark.parametrize("language,page", ALL_PAGES, ids=IDS)
def test_no_page_prints_a_figure_that_differs_from_the_data(soup, language, page):
    html = soup(page_path(language, page))
    article = copy.copy(html.select_one("article"))
    # The record's own text (compared with the original in English) and the point links.
    # Headings are left out (the programme's carry no number: test_conference_data); so is the PDF's size,
    # measured from the file at build time ("PDF, 24 kB").
    for element in article.select("ol.numbered-points, a[href*='#point-'], .print-url, .headerlink, .takeaway__meta, h1, h2, h3"):
        element.decompose()
    dates = [time.get_text() for time in article.select("time")]
    for time in article.select("time"):
        time.decompose()
    text = " ".join(article.get_text(" ").split()) + " " + html.select_one('meta[name="description"]')["content"]
    assert typed_dates(text, language) == []
    assert sorted(set(NUMBER.findall(text)) - allowed_numbers()) == []
    event_date = local_date(EVENT.date, language.date_locale if not language.transliterate_from else "sr")
    event_date = to_latin(event_date) if language.transliterate_from else event_date
    assert all(d == event_date for d in dates if "2021" in d)


# --- No doubled full stop ----------------------------------------------------------

DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


@pytest.mark.parametrize("language,page", ALL_PAGES, ids=IDS)
def test_no_page_shows_a_doubled_full_stop(soup, language, page):
    html = soup(page_path(language, page))
    # Joined without spaces: "<time>6. decembar 2021.</time>." reads "2021..".
    texts = [html.body.get_text("")] + [meta["content"] for meta in html.select('meta[name="description"], meta[property^="og:"]')]
    assert [DOUBLE_STOP.search(t)[0] for t in texts if DOUBLE_STOP.search(t)] == []


# --- French punctuation keeps its no-break space -------------------------------------

# French sets « : ; ? ! » » and « « » apart with a no-break space (U+00A0 or U+202F); an
# ordinary space lets the sign wrap to the next line on its own.
BREAKABLE_FRENCH_SPACE = re.compile(r" [:;?!»]|« ")


@pytest.mark.parametrize("page", PAGES)
def test_french_pages_put_no_breakable_space_before_high_punctuation(soup, page):
    html = copy.copy(soup(page_path(BY_LOCALE["fr"], page)))  # the parsed page is shared: edit a copy
    for hidden in html.select("script, style, [lang]:not(html)"):
        if hidden.decomposed:  # inside one already removed (a missing page's English, notice and all)
            continue
        if hidden.get("lang", "fr") != "fr" or hidden.name in ("script", "style"):
            hidden.decompose()
    texts = [html.body.get_text("")] + [meta["content"] for meta in html.select('meta[name="description"], meta[property^="og:"]')]
    assert [m.group(0) for t in texts for m in BREAKABLE_FRENCH_SPACE.finditer(t)] == []


# --- No English attribute on a translated page ------------------------------------

ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
OPEN_GRAPH_TEXT = ("og:title", "og:description", "og:site_name", "og:image:alt")


# Values that are rightly the same word as the English (French "Point 7": a point's name).
SAME_WORD = {("fr", "Navigation"), ("fr", "Programme")} | {("fr", f"Point {n}") for n in range(1, 12)}


def attribute_texts(html) -> set[str]:
    values = set()
    for element in html.select(",".join(f"[{name}]" for name in ATTRIBUTES)):
        if element.find_parent(attrs={"lang": True}) is not html.html and element.find_parent(attrs={"lang": True}) is not None:
            continue  # inside text marked as another language (the switcher's "English")
        if element.get("lang") and element["lang"] != html.html["lang"]:
            continue
        values.update(element[name] for name in ATTRIBUTES if element.has_attr(name))
    values.update(meta["content"] for meta in html.select('meta[name="description"]'))
    values.update(meta["content"] for meta in html.select("meta[property]") if meta["property"] in OPEN_GRAPH_TEXT)
    return {value for value in values if re.search(r"[^\W\d_]{2}", value)}


@pytest.mark.parametrize("language,page", [(l, p) for l, p in ALL_PAGES if not l.default], ids=[i for i, (l, _) in zip(IDS, ALL_PAGES) if not l.default])
def test_translated_pages_carry_no_english_attribute(soup, translation_state, language, page):
    """Not even on a page not yet translated: there only the page's own title and
    description are the English page's (with its text); the interface is translated."""
    english_page = soup(page_path(DEFAULT, page))
    english = attribute_texts(english_page)
    same = {value for locale, value in SAME_WORD if locale == language.locale}
    if translation_state(language, page) == "missing":
        same |= {meta["content"] for meta in english_page.select('meta[name="description"], meta[property="og:title"], meta[property="og:description"]')}
    assert sorted(attribute_texts(soup(page_path(language, page))) & english - same) == []


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda l: l.locale)
def test_the_footer_copyright_names_the_rcc_in_the_pages_language(soup, language):
    def copyright(html):
        return html.select_one(".md-copyright__highlight").get_text(strip=True)

    translated = copyright(soup(page_path(language, "")))
    assert translated != copyright(soup("")) and glossary_problems("Regional Cooperation Council", translated, language) == []


# --- The glossary ------------------------------------------------------------------

def page_text(html) -> str:
    article = copy.copy(html.select_one("article"))
    for element in article.select('[lang="en"], .translation-notice'):
        element.decompose()
    return " ".join(article.get_text(" ").split()) + " " + html.select_one('meta[name="description"]')["content"]


@pytest.mark.parametrize("language,page", [(l, p) for l, p in ALL_PAGES if not l.default], ids=[i for i, (l, _) in zip(IDS, ALL_PAGES) if not l.default])
def test_pages_use_the_glossary_forms_of_their_language(soup, language, page):
    english = page_text(soup(page_path(DEFAULT, page)))
    assert glossary_problems(english, page_text(soup(page_path(language, page))), language) == []
