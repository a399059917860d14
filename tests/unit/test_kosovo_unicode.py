"""Kosovo* by Unicode's rules, not a list (issue 21, route 7), checked in process.

Each spelling below got "Kosovo" past the Kosovo* rule before: invisible characters
inside the word, look-alike letters from other scripts. Mentions are now matched on
their confusable skeleton (Unicode TR39, from ICU), and invisible characters
(Default_Ignorable_Code_Point, format and control characters) are refused in
content wherever they are written, named with their line and column.
"""

from __future__ import annotations

import pytest
from support.project import ROOT

from jumbo_site.languages.kosovo_mentions import mentions, missing_asterisk, unmarked
from jumbo_site.safety.invisible_characters import (
    first_invisible,
    is_invisible,
    problem,
)
from jumbo_site.safety.plain_text import markup_problem

INVISIBLE = {
    "right-to-left override": "\u202e",
    "left-to-right isolate": "\u2066",
    "combining grapheme joiner": "\u034f",
    "variation selector 16": "\ufe0f",
    "variation selector 17": "\U000e0100",
    "Hangul filler": "\u3164",
    "Hangul choseong filler": "\u115f",
    "Hangul jungseong filler": "\u1160",
    "halfwidth Hangul filler": "\uffa0",
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "soft hyphen": "\u00ad",
    "Mongolian vowel separator": "\u180e",
    "tag character": "\U000e0041",
}
LOOKALIKES = {
    "Armenian o": "K\u0585s\u0585v\u0585",
    "Lisu letters": "\ua4d7\ua4f3\ua4e2\ua4f3\ua4e6\ua4f3",
    "Coptic kapa and o": "\u2c95\u2c9fs\u2c9fv\u2c9f",
    "small capitals": "\u1d0b\u1d0f\ua731\u1d0f\u1d20\u1d0f",
    "Greek alpha in Kosova": "Kosov\u03b1",
    "Latin alpha in Kosova": "Kosov\u0251",
    "Cyrillic о among Latin": "K\u043es\u043ev\u043e",
    "Latin o among Cyrillic": "Кoсoвo",
    "mixed capitals": "KoSoVo",
    "fullwidth letters": "\uff2b\uff4f\uff53\uff4f\uff56\uff4f",
    "mathematical bold": "\U0001d40a\U0001d428\U0001d42c\U0001d428\U0001d42f\U0001d428",
    "digit zero for o": "K0s0v0",
}


@pytest.mark.parametrize("character", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_an_invisible_character_inside_kosovo_still_names_kosovo(character):
    assert unmarked(f"Delegates from Kos{character}ovo attended.") == [f"Kos{character}ovo"]
    assert not unmarked(f"Delegates from Kos{character}ovo* attended.")


@pytest.mark.parametrize("spelling", LOOKALIKES.values(), ids=LOOKALIKES.keys())
def test_a_lookalike_spelling_names_kosovo(spelling):
    assert unmarked(f"Delegates from {spelling} attended.") == [spelling]
    assert not unmarked(f"Delegates from {spelling}* attended.")


def test_the_sites_own_texts_name_kosovo_exactly_where_they_did():
    """No false mention in the site's real texts, and every real one still found."""
    texts = [path.read_text(encoding="utf-8") for folder in ("docs", "data", "strings") for path in sorted((ROOT / folder).rglob("*.[my][dm]*"))]
    found = [text[start:end] for text in texts for start, end, _ in mentions(text)]
    assert len(found) > 50 and {name.strip("*").casefold() for name in found} <= {
        "kosovo", "kosova", "kosovu", "kosovom", "kosovë", "kosovës", "kosovën", "косово", "косова", "косову", "косовом",
    }  # fmt: skip


def test_addresses_and_other_words_are_not_mentions():
    assert not mentions("https://example.org/kosovo-report and www.kosovo.example")
    assert not mentions("Kosovska Mitrovica, the Kosovar delegation, cosovo, kosmos")


@pytest.mark.parametrize("character", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_an_invisible_character_is_refused_with_its_code_point_name_line_and_column(character):
    assert is_invisible(character)
    line, column, what = problem(f"First line.\nThe word Kos{character}ovo.\n")
    assert (line, column) == (2, 13)
    assert f"U+{ord(character):04X}" in what


def test_an_invisible_character_written_as_an_entity_is_refused_where_the_entity_starts():
    assert first_invisible("Kos&#x202E;ovo") == (3, "\u202e")
    assert first_invisible("Kos&#8238;ovo") == (3, "\u202e")
    assert first_invisible("Kos&shy;ovo") == (3, "\u00ad")
    # As browsers read references: without ";", with leading zeros, a legacy name without ";".
    assert first_invisible("Kos&#8238ovo") == (3, "\u202e")
    assert first_invisible("&#0000000008238; ovosoK") == (0, "\u202e")
    assert first_invisible("Kos&#x000202e ovo") == (3, "\u202e")
    assert first_invisible("Kos&shyovo") == (3, "\u00ad")
    line, column, what = problem("A\nKos&zwj;ovo")
    assert (line, column) == (2, 4) and "U+200D ZERO WIDTH JOINER" in what


def test_what_languages_need_is_kept():
    for text in ("10\u00a0000 participants", "le 6\u202fdécembre", "Tab\tand\nnew line\r\n", "Ljubljana, Kosovë*, Косово*, Kosova*"):
        assert first_invisible(text) is None, text


@pytest.mark.parametrize("character", ["\u202e", "\u034f", "\ufe0f", "\u3164"], ids=["RLO", "CGJ", "VS16", "Hangul filler"])
def test_plain_texts_refuse_invisible_characters(character):
    """Titles, descriptions, interface strings and mkdocs.yml's texts (plain_text.py)."""
    assert f"U+{ord(character):04X}" in markup_problem(f"Delegates from Kos{character}ovo*")


def test_the_message_names_the_characters_that_only_look_like_the_name():
    assert "U+0585 ARMENIAN SMALL LETTER OH" in missing_asterisk("K\u0585sovo")
    assert "written with" not in missing_asterisk("Kosovë") and "written with" not in missing_asterisk("КОСОВО")
