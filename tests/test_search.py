"""Search in each reader's language, in the browser: Cyrillic, diacritics, both Serbian scripts."""

from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import urlsplit

import pytest
from conftest import LANGUAGES, page_path
from transliteration import to_latin

BY_LOCALE = {lang.locale: lang for lang in LANGUAGES}
WORD = re.compile(r"[^\W\d_]+")


def without_diacritics(word: str) -> str:
    """How a reader types a word on a keyboard without its letters: Latin, no marks."""
    latin = to_latin(word).replace("đ", "dj").replace("Đ", "Dj")
    return "".join(ch for ch in unicodedata.normalize("NFD", latin) if not unicodedata.combining(ch))


def distinctive_word(soup, language) -> str:
    """The longest word of the conclusions with a letter beyond ASCII (any word in English)."""
    text = soup(page_path(language, "conclusions/")).select_one("ol.numbered-points").get_text(" ")
    candidates = [w for w in WORD.findall(text) if language.locale == "en" or not w.isascii()]
    return max(candidates, key=lambda w: (len(w), w))


def search(page, server, language, query) -> list[str]:
    """Type the query into the search box; return the result links, as paths from the site root."""
    page.goto(server + page_path(language, ""))
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for(timeout=5000)
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    return [urlsplit(href).path for href in hrefs]


def only_in_language(paths: list[str], language) -> bool:
    others = [lang.prefix for lang in LANGUAGES if lang.prefix and lang.prefix != language.prefix]
    return all(p.startswith("/" + language.prefix) and not any(p.startswith("/" + o) for o in others) for p in paths)


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_a_word_from_the_conclusions_finds_them_and_only_pages_of_the_language(page, server, soup, language):
    word = distinctive_word(soup, language)
    paths = search(page, server, language, word)
    assert f"/{language.prefix}conclusions/" in paths, word
    assert only_in_language(paths, language), paths


@pytest.mark.parametrize("language", [l for l in LANGUAGES if l.locale != "en"], ids=lambda l: l.locale)
def test_the_same_word_typed_without_diacritics_finds_the_page(page, server, soup, language):
    word = distinctive_word(soup, language)
    plain = without_diacritics(word)
    assert plain != word
    paths = search(page, server, language, plain)
    assert f"/{language.prefix}conclusions/" in paths, plain
    assert only_in_language(paths, language)


def test_serbian_cyrillic_pages_find_a_latin_query(page, server, soup):
    word = to_latin(distinctive_word(soup, BY_LOCALE["sr"]))
    assert f"/sr/conclusions/" in search(page, server, BY_LOCALE["sr"], word)


def test_serbian_latin_pages_find_a_cyrillic_query(page, server, soup):
    word = distinctive_word(soup, BY_LOCALE["sr"])
    assert f"/sr-Latn/conclusions/" in search(page, server, BY_LOCALE["sr-Latn"], word)


def test_a_partial_word_finds_pages(page, server):
    assert "/hr/conclusions/" in search(page, server, BY_LOCALE["hr"], "suradnj")  # suradnja, suradnje, suradnju …


def test_title_matches_come_first(page, server):
    paths = search(page, server, BY_LOCALE["en"], "programme")
    assert paths[0] == "/programme/"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_each_language_has_its_own_index_and_loads_no_other(page, server, site, language):
    index = json.loads((site / language.prefix / "search/index.json").read_text(encoding="utf-8"))
    assert index["lang"] == language.html_lang
    assert index["sections"] and all(s["url"].startswith(language.prefix) for s in index["sections"])
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    search(page, server, language, "a")
    indexes = [p for p in requested if p.endswith(".json")]
    assert indexes == [f"/{language.prefix}search/index.json"]


def test_materials_merged_index_is_not_published(site):
    assert not (site / "search/search_index.json").exists()
