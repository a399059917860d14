"""The nine languages: the table, scripts, translations, interface strings, dates, sitemap."""

from __future__ import annotations

import re

import pytest
from support.languages import DEFAULT, LANGUAGES, TRANSLATED, strings_for


def test_the_language_table_is_the_reference_table():
    """Paths, <html lang> and switcher names as the project's reference fixes them; the
    two Serbian entries name their script (issue 24: screen readers say both alike)."""
    assert [(lang.prefix, lang.html_lang, lang.name) for lang in LANGUAGES] == [
        ("", "en", "English"),
        ("fr/", "fr", "Français"),
        ("sq/", "sq", "Shqip"),
        ("bs/", "bs", "Bosanski"),
        ("hr/", "hr", "Hrvatski"),
        ("cnr/", "cnr", "Crnogorski"),
        ("mk/", "mk", "Македонски"),
        ("sr/", "sr-Cyrl", "Српски (ћирилица)"),
        ("sr-Latn/", "sr-Latn", "Srpski (latinica)"),
    ]


def material_keys(name: str) -> dict:
    """The keys and values of Material's strings for a language (the site's data file if any)."""
    from jumbo_site.languages.material_strings import _data_strings, shipped_strings

    return _data_strings(name) or shipped_strings(name)


# Keys that are settings, not text, or belong to features the site does not use.
NOT_TEXT = {"direction", "search.config.lang", "search.config.pipeline", "search.config.separator"}
UNUSED = re.compile(r"^(blog|rss|consent|meta\.comments|readtime)\b")


@pytest.mark.parametrize("language", [l for l in TRANSLATED if not l.transliterate_from], ids=lambda l: l.locale)
def test_material_interface_strings_are_complete(language):
    english, own = material_keys("en"), material_keys(language.locale)
    wanted = {key for key in english if key not in NOT_TEXT and not UNUSED.match(key)}
    assert sorted(wanted - set(own)) == []


# Strings that are rightly the same as the English (French "point {n}", "Point {n}").
SAME_AS_ENGLISH = {
    ("fr", "programme.point"), ("fr", "point.name"), ("fr", "kosovo.names"), ("bs", "kosovo.names"), ("hr", "kosovo.names"), ("sq", "home.theme"),
}


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda l: l.locale)
def test_site_interface_strings_are_translated(language):
    english, own = strings_for(DEFAULT), strings_for(language)
    assert own.keys() == english.keys()
    same = [key for key in english if own[key] == english[key] and (language.locale, key) not in SAME_AS_ENGLISH]
    assert same == []
