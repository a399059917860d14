"""Faithful to the record: every statement traceable to the conclusions, in every language.

The programme's presenters, times and verbs are backed by the points they cite; figures
come from the data, and the data from the record; point 4 keeps the record's slip with
a note; each language keeps to its glossary (data/glossary.yml); no page shows "..",
a word in two scripts or an English attribute on a translated page.
"""

from __future__ import annotations

import copy
import datetime
import re

import pytest
from babel.dates import get_month_names

from jumbo_site.data.conference_data import load_conference
from jumbo_site.languages.dates import local_date
from jumbo_site.languages.transliteration import to_latin
from support.languages import ALL_PAGES, BY_LOCALE, DEFAULT, IDS, LANGUAGES, page_path, PAGES, TRANSLATED
from support.project import build, only_language, ROOT
from support.record import form_pattern, glossary_problems, seed_points

DATA_LANGUAGES = [lang.locale for lang in LANGUAGES if not lang.transliterate_from]
CONFERENCE = load_conference(DATA_LANGUAGES)
EVENT = CONFERENCE.event
POINTS = seed_points()


def record_of(numbers) -> str:
    return " ".join(POINTS[n - 1] for n in numbers)


# --- The data says what the record says ----------------------------------------

def test_the_figures_in_the_data_are_the_records():
    """Point 1: "around 80 participants", "followed online by 30 persons"; 11 points."""
    assert f"around {EVENT.participants_in_person} participants" in POINTS[0]
    assert f"followed online by {EVENT.participants_online} persons" in POINTS[0]
    assert EVENT.date == datetime.date(2021, 12, 6) and "6th of December 2021" in POINTS[0]


@pytest.mark.parametrize("session", CONFERENCE.sessions, ids=lambda s: s.id)
def test_every_presenter_is_named_by_the_point_it_cites(session):
    assert session.points, "every session cites its points"
    if session.kind == "summary":
        assert session.presenters == () and session.followed_by == () and session.trafficking_presentation == ()
        assert session.start is None
    for presenter in session.presenters:
        assert presenter.point in session.points
        assert presenter.record in POINTS[presenter.point - 1], f"{presenter.partner}: not the words of point {presenter.point}"


@pytest.mark.parametrize("session", CONFERENCE.sessions, ids=lambda s: s.id)
def test_no_session_has_a_time_that_its_points_do_not_give(session):
    for time in filter(None, (session.start, session.end)):
        assert f"{time:%H:%M}" in record_of(session.points)


# Verbs that claim something happened; a session may use one only if its points do.
CLAIMS = re.compile(r"\b(open|clos|adopt|present|chair|launch|sign|welcom|keynote|speech|spoke|speak)\w*", re.I)


@pytest.mark.parametrize("session", CONFERENCE.sessions, ids=lambda s: s.id)
def test_no_session_uses_a_verb_that_its_points_do_not(session):
    record = record_of(session.points).lower()
    claimed = {m[1].lower() for m in CLAIMS.finditer(session.title["en"] + " " + session.summary["en"])}
    assert sorted(stem for stem in claimed if stem not in record) == []


# Words of the record that a summary must not drop: qualifiers ("illegal", "fully",
# "excellent" …) and what the record calls a session ("panel"). Each is checked in the
# record, then in the English title and summary of every session citing its point; the
# glossary (data/glossary.yml) holds each language to its form of the same words.
KEPT_WORDS = {
    "including at operational level": 3,
    "ambitious socio-economic, digital and green agenda": 4,
    "illegal migration flows": 7,
    "valuable recommendations": 7,
    "pressing challenges": 7,
    "panel on organi*ed crime": 8,
    "comprehensive updates": 8,
    "current regional coordination initiatives": 8,
    "fully support": 9,
    "all-inclusive security platform for dialogue": 10,
    "excellent organi*ation": 11,
}


@pytest.mark.parametrize("words,point", KEPT_WORDS.items(), ids=KEPT_WORDS.keys())
def test_the_programme_keeps_the_records_words(words, point):
    pattern = re.compile(form_pattern(words).pattern, re.I)
    assert pattern.search(" ".join(POINTS[point - 1].split())), f"point {point} does not say '{words}'"
    citing = [s for s in CONFERENCE.sessions if point in s.points]
    assert citing
    for session in citing:
        assert pattern.search(session.title["en"] + " " + " ".join(session.summary["en"].split())), f"{session.id}: '{words}' dropped"


def test_the_updates_and_the_salw_presentation_are_the_records():
    """Point 8: updates on (IISG, Berlin Process …, UNODC …); trafficking raised through a
    separate presentation on the SALW roadmap, which is not one of the updates."""
    record = " ".join(POINTS[7].split())
    updates = re.search(r"comprehensive updates on [^(]*\(([^)]*)\)", record)[1]
    trafficking = re.search(r"The issue of trafficking was also raised[^.]*\.", record)[0]
    [session] = [s for s in CONFERENCE.sessions if 8 in s.points]

    def named(pid, text):
        partner = CONFERENCE.partner(pid)
        return (partner.abbreviation or {}).get("en", "\0") in text or partner.name["en"] in text or any(
            word in text for word in re.findall(r"\b[A-Z]{3,}\b", partner.name["en"])
        )

    assert session.followed_by and all(named(pid, updates) and not named(pid, trafficking) for pid in session.followed_by)
    assert session.trafficking_presentation == ("salw-roadmap",)
    assert named("salw-roadmap", trafficking) and not named("salw-roadmap", updates)


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


def test_the_about_page_claims_only_what_is_true():
    """The site adds the economies' names (as the RCC names them): not every fact on it is
    the record's, every fact about the conference is."""
    about = " ".join((ROOT / "docs/en/about.md").read_text(encoding="utf-8").split())
    assert "Every fact on it comes from" not in about
    assert "Every fact about the conference comes from its conclusions; the six Western Balkans economies are named as the RCC names them." in about


# A programme entry the record does not back stops the build, naming file, entry and field.
UNBACKED = {
    "a summary with a presenter": (
        "    kind: summary\n    order: 1\n",
        "    kind: summary\n    order: 1\n    presenters:\n      - {partner: rcc, point: 2, record: The exchanges}\n",
        "sessions[0] (id: exchanges), field 'presenters': a summary of the conclusions is not a session",
    ),
    "a summary with a time": (
        "    kind: summary\n    order: 5\n",
        '    kind: summary\n    order: 5\n    start: "17:00"\n',
        "sessions[4] (id: stock-taking), field 'start': a summary of the conclusions is not a session",
    ),
    "a presenter citing a point the session does not": (
        "        point: 8\n",
        "        point: 9\n",
        "sessions[3] (id: organised-crime), field 'presenters': 'customs-france' cites point 9, which is not among the session's points [8]",
    ),
    "a presenter without the record's words": (
        "        record: The French customs shared their experience through the presentation of their strategy\n",
        "",
        "sessions[3] (id: organised-crime), field 'presenters': each presenter has partner, point and record",
    ),
}


@pytest.mark.parametrize("find,replace,message", UNBACKED.values(), ids=UNBACKED.keys())
def test_a_programme_entry_the_record_does_not_back_stops_the_build(project_copy, tmp_path, find, replace, message):
    data = project_copy / "data/programme.yml"
    text = data.read_text(encoding="utf-8")
    assert find in text
    data.write_text(text.replace(find, replace, 1), encoding="utf-8")
    only_language(project_copy, "en")
    result = build(project_copy / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0 and f"data/programme.yml: {message}" in result.stderr, result.stderr[-800:]


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


# --- Figures: from the data, never typed -------------------------------------------

# WCAG 2.1 and 2.2, EN 301 549, the directive, UNSCR; the statement's 320 px reflow and 400 % zoom.
CONSTANTS = {"2.1", "2.2", "301", "549", "2016/2102", "1244/1999", "320", "400"}
NUMBER = re.compile(r"\d+(?:[./]\d+)*")


def allowed_numbers() -> set[str]:
    return CONSTANTS | {str(EVENT.participants_in_person), str(EVENT.participants_online), str(len(POINTS)), str(EVENT.date.day), str(EVENT.date.year)}


def typed_dates(text: str, language) -> list[str]:
    """Dates written out in words (where a case ending needs it) that are not the event's."""
    month = get_month_names("wide", "format", language.date_locale)[EVENT.date.month][:5].lower()
    wrong = []
    for match in re.finditer(r"(\d{1,2})\.? (\w+) (\d{4})", text):
        day, word, year = match.groups()
        if (int(day), int(year)) != (EVENT.date.day, EVENT.date.year) or not word.lower().startswith(month[:5]):
            wrong.append(match[0])
    return wrong


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


@pytest.mark.parametrize("language", [l for l in LANGUAGES if not l.transliterate_from], ids=lambda l: l.locale)
def test_page_sources_type_no_figure_but_through_markers(language):
    """Outside the conclusions' own points, figures are [[markers]]: a correction is made once."""
    for path in sorted((ROOT / "docs" / language.locale).glob("*.md")):
        if path.name == "translations.md":
            continue
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^(\d+\. .*|source_hash: .*)$", "", text)  # the record's points; the version stamp
        text = re.sub(r"\[[^\]]*\]\((conclusions\.md)?#point-\d+\)", "", text)  # citations of a point
        text = re.sub(r"\[\[[^\]]*\]\]|\]\([^)]*\)", "", text)  # markers, link targets
        assert typed_dates(text, language) == [], path.name
        text = re.sub(r"\d{1,2}\.? \w+ \d{4}\.?", "", text)  # a date written out (checked above)
        assert sorted(set(NUMBER.findall(text)) - CONSTANTS) == [], f"{path.name}: type figures as markers"


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


def data_texts():
    for session in CONFERENCE.sessions:
        yield f"programme: {session.id}", session.title
        yield f"programme: {session.id}", session.summary
    for partner in CONFERENCE.partners:
        yield f"partners: {partner.id}", partner.name


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda l: l.locale)
def test_data_uses_the_glossary_forms_of_each_language(language):
    source = language.transliterate_from or language.locale
    problems = []
    for where, texts in data_texts():
        translated = to_latin(texts[source]) if language.transliterate_from else texts[source]
        problems += [f"{where}: {p}" for p in glossary_problems(texts["en"], translated, language)]
    assert problems == []


def test_contributing_tells_translators_to_check_the_glossary_first():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "data/glossary.yml" in guide.split("## Translate a page", 1)[1].split("\n## ", 1)[0]


# --- A word in two scripts stops the build -------------------------------------------

@pytest.mark.parametrize(
    "file,find,replace,word",
    [
        ("docs/mk/accessibility.md", "сѐ уште не е подложено", "сè уште не е подложено", "сè"),  # Latin è
        ("data/partners.yml", "sr: Француска\n", "sr: Фрaнцуска\n", "Фрaнцуска"),  # Latin a
    ],
    ids=["page", "data"],
)
def test_a_word_mixing_latin_and_cyrillic_stops_the_build_naming_file_and_line(project_copy, tmp_path, file, find, replace, word):
    path = project_copy / file
    text = path.read_text(encoding="utf-8")
    assert find in text
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")
    line = text[: text.index(find)].count("\n") + 1
    only_language(project_copy, "mk")
    result = build(project_copy / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert f"{file}, line {line}: the word '{word}' mixes Latin and Cyrillic" in result.stderr
