"""Faithful to the record: every statement traceable to the conclusions, in every language.

The programme's presenters, times and verbs are backed by the points they cite; figures
come from the data, and the data from the record; point 4 keeps the record's slip with
a note; each language keeps to its glossary (data/glossary.yml); no page shows "..",
a word in two scripts or an English attribute on a translated page.
"""

from __future__ import annotations

import datetime
import re

import pytest
from support.faithfulness import (
    CONFERENCE,
    CONSTANTS,
    EVENT,
    NUMBER,
    POINTS,
    typed_dates,
)
from support.languages import LANGUAGES, TRANSLATED
from support.project import ROOT
from support.record import form_pattern, glossary_problems

from jumbo_site.languages.transliteration import to_latin


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


def test_the_about_page_claims_only_what_is_true():
    """The site adds the economies' names (as the RCC names them): not every fact on it is
    the record's, every fact about the conference is."""
    about = " ".join((ROOT / "docs/en/about.md").read_text(encoding="utf-8").split())
    assert "Every fact on it comes from" not in about
    assert "Every fact about the conference comes from its conclusions; the six Western Balkans economies are named as the RCC names them." in about


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


def data_texts():
    for session in CONFERENCE.sessions:
        yield f"programme: {session.id}", session.title
        yield f"programme: {session.id}", session.summary
    for partner in CONFERENCE.partners:
        yield f"partners: {partner.id}", partner.name
        if partner.abbreviation:
            yield f"partners: {partner.id}, abbreviation", partner.abbreviation


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
