"""Search in each reader's language, in the browser: Cyrillic, diacritics, both Serbian scripts."""

from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from support.languages import BY_LOCALE, LANGUAGES, page_path

from jumbo_site.languages.transliteration import to_latin

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


class SearchTab:
    """A tab open on a language's home page, loaded once, with every request it made."""

    def __init__(self, context, url: str):
        self.page = context.new_page()
        self.requested: list[str] = []
        self.page.on("request", lambda request: self.requested.append(urlsplit(request.url).path))
        self.page.goto(url)


@pytest.fixture(scope="module")
def search_tabs(browser, server):
    """One search page load per language: search_tabs(language) opens it the first time."""
    context = browser.new_context()
    tabs: dict[str, SearchTab] = {}

    def tab(language) -> SearchTab:
        if language.locale not in tabs:
            tabs[language.locale] = SearchTab(context, server + page_path(language, ""))
        return tabs[language.locale]

    yield tab
    context.close()


def search(search_tabs, language, query) -> list[str]:
    """Type the query into the language's search box as a reader does; return the result
    links, as paths from the site root."""
    page = search_tabs(language).page
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")  # the previous query's results go
    expect(page.locator(".md-search-result__item")).to_have_count(0)
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for()
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    return [urlsplit(href).path for href in hrefs]


def only_in_language(paths: list[str], language) -> bool:
    others = [lang.prefix for lang in LANGUAGES if lang.prefix and lang.prefix != language.prefix]
    return all(p.startswith("/" + language.prefix) and not any(p.startswith("/" + o) for o in others) for p in paths)


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_a_word_from_the_conclusions_finds_them_and_only_pages_of_the_language(search_tabs, soup, language):
    word = distinctive_word(soup, language)
    paths = search(search_tabs, language, word)
    assert f"/{language.prefix}conclusions/" in paths, word
    assert only_in_language(paths, language), paths


@pytest.mark.parametrize("language", [l for l in LANGUAGES if l.locale != "en"], ids=lambda l: l.locale)
def test_the_same_word_typed_without_diacritics_finds_the_page(search_tabs, soup, language):
    word = distinctive_word(soup, language)
    plain = without_diacritics(word)
    assert plain != word
    paths = search(search_tabs, language, plain)
    assert f"/{language.prefix}conclusions/" in paths, plain
    assert only_in_language(paths, language)


def test_serbian_cyrillic_pages_find_a_latin_query(search_tabs, soup):
    word = to_latin(distinctive_word(soup, BY_LOCALE["sr"]))
    assert f"/sr/conclusions/" in search(search_tabs, BY_LOCALE["sr"], word)


def test_serbian_latin_pages_find_a_cyrillic_query(search_tabs, soup):
    word = distinctive_word(soup, BY_LOCALE["sr"])
    assert f"/sr-Latn/conclusions/" in search(search_tabs, BY_LOCALE["sr-Latn"], word)


def test_a_partial_word_finds_pages(search_tabs):
    assert "/hr/conclusions/" in search(search_tabs, BY_LOCALE["hr"], "suradnj")  # suradnja, suradnje, suradnju …


# The README's examples, typed as a reader without those letters on the keyboard types them.
@pytest.mark.parametrize("locale,typed,found", [("hr", "vijece", "Vijeće"), ("bs", "vijece", "Vijeće"), ("sq", "sigurise", "sigurisë")])
def test_the_readmes_examples_find_the_word_with_its_diacritics(search_tabs, locale, typed, found):
    paths = search(search_tabs, BY_LOCALE[locale], typed)
    page = search_tabs(BY_LOCALE[locale]).page
    marked = page.eval_on_selector_all(".md-search-result__item mark", "marks => marks.map(m => m.textContent)")
    assert found in marked, marked
    assert only_in_language(paths, BY_LOCALE[locale]), paths


@pytest.mark.parametrize("locale,typed", [("en", "Kosov"), ("sq", "Kosov"), ("sr-Latn", "Kosov"), ("mk", "Косов"), ("sr", "Косов")])
def test_the_stem_of_kosovo_finds_the_pages_that_name_it(search_tabs, locale, typed):
    language = BY_LOCALE[locale]
    assert f"/{language.prefix}about/" in search(search_tabs, language, typed)


def test_title_matches_come_first(search_tabs):
    paths = search(search_tabs, BY_LOCALE["en"], "programme")
    assert paths[0] == "/programme/"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_each_language_has_its_own_index_and_loads_no_other(search_tabs, site, language):
    index = json.loads((site / language.prefix / "search/index.json").read_text(encoding="utf-8"))
    assert index["lang"] == language.html_lang
    assert index["sections"] and all(s["url"].startswith(language.prefix) for s in index["sections"])
    search(search_tabs, language, "a")
    indexes = [p for p in search_tabs(language).requested if p.endswith(".json")]
    assert indexes == [f"/{language.prefix}search/index.json"]


@pytest.mark.parametrize("opening", ["focus", "/", "s", "f"])
@pytest.mark.parametrize("language", [BY_LOCALE["en"], BY_LOCALE["mk"]], ids=lambda l: l.locale)
def test_search_code_and_index_load_on_first_use_and_the_first_query_finds_results(browser, server, soup, language, opening):
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(server + page_path(language, ""), wait_until="networkidle")
    assert not [path for path in requested if "search" in path], requested  # not with the page
    if opening == "focus":
        page.locator("input.md-search__input").focus()
    else:
        page.keyboard.press(opening)  # the key opens the search and puts the query there
    page.keyboard.type(distinctive_word(soup, language))
    page.locator(".md-search-result__item").first.wait_for()
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    assert [path for path in requested if "search" in path] == ["/assets/javascripts/search.js", f"/{language.prefix}search/index.json"]
    context.close()


# Readers, journalists and officials type the abbreviation they know, in any language:
# each finds, in the reader's language, the conclusions that name the term in that
# language's form (the glossary's forms in every language, and its `also` names).
EQUIVALENTS = ["SALW", "ALPC", "AVL", "МЛО", "small arms and light weapons", "RCC", "CCR", "KBR", "СРС", "UNODC", "ONUDC", "УНОДЦ", "IHEDN"]


@pytest.mark.parametrize("typed", EQUIVALENTS)
@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_any_languages_form_of_a_glossary_term_finds_the_page_in_the_readers_language(search_tabs, language, typed):
    paths = search(search_tabs, language, typed)
    assert any(p.startswith(f"/{language.prefix}conclusions/") for p in paths), paths
    assert only_in_language(paths, language), paths
