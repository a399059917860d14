"""The nine languages: the table, scripts, translations, interface strings, dates, sitemap."""

from __future__ import annotations

import copy
import re

import pytest
from bs4 import BeautifulSoup

from jumbo_site.languages.transliteration import to_latin
from support.languages import BY_LOCALE, DEFAULT, LANGUAGES, page_path, PAGES, TRANSLATED
from support.project import ROOT

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LETTER = re.compile(r"[^\W\d_]")


def text_of(html, selector="article") -> str:
    element = copy.copy(html.select_one(selector))
    # Permalinks; the print-only address; the size of the language's own PDF; the
    # English point a translation is compared with.
    for aside in element.select(".headerlink, .print-url, .takeaway__meta, .compare-english"):
        aside.decompose()
    return " ".join(element.get_text(" ").split())


def in_its_language(html) -> BeautifulSoup:
    """The page without what is marked as another language (a page not yet translated:
    the English content, around the notice in the page's language, which stays)."""
    html, language = copy.copy(html), html.html["lang"]
    for notice in html.select(f'[lang="{language}"] [lang]:not([lang="{language}"]) [lang="{language}"]'):
        notice.find_parent(lambda e: e.get("lang") not in (None, language)).insert_before(notice.extract())
    for foreign in html.body.select(f'[lang]:not([lang="{language}"])'):
        if not foreign.decomposed:
            foreign.decompose()
    return html


@pytest.mark.parametrize("locale", ["mk", "sr"])
@pytest.mark.parametrize("page", PAGES)
def test_cyrillic_pages_are_written_in_cyrillic(soup, locale, page):
    """What is in the page's language (on a page not yet translated, its notice)."""
    text = text_of(in_its_language(soup(page_path(BY_LOCALE[locale], page))))
    letters = LETTER.findall(text)
    cyrillic = [ch for ch in letters if CYRILLIC.match(ch)]
    # Latin is left for acronyms (IHEDN, UNODC, WCAG …) only.
    assert len(cyrillic) / len(letters) > 0.9


@pytest.mark.parametrize("page", PAGES)
def test_serbian_latin_pages_contain_no_cyrillic_letter(site, page):
    """Interface, title and metadata included; only text marked as another language
    (the switcher's "Македонски", "Српски") may be in another script."""
    html = in_its_language(BeautifulSoup((site / page_path(BY_LOCALE["sr-Latn"], page) / "index.html").read_text(encoding="utf-8"), "lxml"))
    assert CYRILLIC.findall(html.get_text(" ")) == []
    assert CYRILLIC.findall(" ".join(m["content"] for m in html.select("meta[content]"))) == []


@pytest.mark.parametrize("page", PAGES)
def test_serbian_latin_content_is_the_transliteration_of_the_cyrillic(soup, page):
    cyrillic = text_of(soup(page_path(BY_LOCALE["sr"], page)))
    latin = text_of(soup(page_path(BY_LOCALE["sr-Latn"], page)))
    assert latin == to_latin(cyrillic)
    assert latin != cyrillic


# Pages whose title is rightly the same word as the English one.
SAME_TITLE_AS_ENGLISH = {("fr", "programme/")}


def titles(html) -> tuple[str, str]:
    """The page's heading (without its permalink) and its own title (front matter, og:title)."""
    heading = copy.copy(html.select_one("article h1"))
    for link in heading.select(".headerlink"):
        link.decompose()
    return " ".join(heading.get_text(" ").split()), html.select_one('meta[property="og:title"]')["content"]


@pytest.mark.parametrize("language", TRANSLATED, ids=[lang.locale for lang in TRANSLATED])
@pytest.mark.parametrize("page", PAGES)
def test_titles_are_translated(soup, language, page):
    """The heading and the page title (not the whole <title>, which holds the translated
    site name). A page not yet translated shows the English one, marked as English."""
    html = soup(page_path(language, page))
    status = html.select_one(".translation-notice")
    if status is not None and status.get("data-translation-status") == "missing":
        assert html.select_one('article div[lang="en"] h1')
        return
    english, translated = titles(soup(page_path(DEFAULT, page))), titles(html)
    if (language.locale, page) in SAME_TITLE_AS_ENGLISH:
        assert translated == english
    else:
        assert translated[0] != english[0] and translated[1] != english[1], translated


# Interface text a reader sees, by where Material shows it. The English values
# must not appear on a page in another language.
INTERFACE = {
    "skip link": lambda html: html.select_one("a.md-skip").get_text(strip=True),
    "search placeholder": lambda html: html.select_one("input.md-search__input")["placeholder"],
    "language selector": lambda html: html.select_one(".md-select button")["aria-label"],
    "colour scheme": lambda html: html.select_one("[data-md-component=palette] button")["aria-label"],
    "footer links": lambda html: " | ".join(a.get_text(strip=True) for a in html.select(".site-footer-links a")),
    "table of contents": lambda html: html.select_one("nav.md-nav--secondary")["aria-label"],
}


@pytest.mark.parametrize("language", TRANSLATED, ids=[lang.locale for lang in TRANSLATED])
@pytest.mark.parametrize("where", INTERFACE)
def test_no_interface_text_is_left_in_english(soup, language, where):
    read = INTERFACE[where]
    assert read(soup(page_path(language, "conclusions/"))) != read(soup("conclusions/"))


# The search box's name, shown in it and read by screen readers: a word for "search"
# in each language (Material's Albanian file says "Vendmbajtës", "placeholder").
SEARCH_LABEL = {
    "en": "Search", "fr": "Rechercher", "sq": "Kërko", "bs": "Pretraži", "hr": "Pretraži",
    "cnr": "Pretraga", "mk": "Пребарување", "sr": "Претрага", "sr-Latn": "Pretraga",
}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES, ids=[lang.locale for lang in LANGUAGES])
@pytest.mark.parametrize("page", ["", "conclusions/"])
def test_the_search_box_is_named_search_in_the_page_language(soup, language, page):
    box = soup(page_path(language, page)).select_one("input.md-search__input")
    assert box["placeholder"] == box["aria-label"] == SEARCH_LABEL[language.locale]


# What a reader of each language expects the conference date to look like (CLDR "long").
CONFERENCE_DATE = {
    "en": "6 December 2021",
    "fr": "6 décembre 2021",
    "sq": "6 dhjetor 2021",
    "bs": "6. decembar 2021.",
    "hr": "6. prosinca 2021.",
    "cnr": "6. decembar 2021.",
    "mk": "6 декември 2021 г.",
    "sr": "6. децембар 2021.",
    "sr-Latn": "6. decembar 2021.",
}


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_the_conference_date_is_written_in_the_page_language(soup, language):
    dates = soup(page_path(language, "")).select('time[datetime="2021-12-06"]')
    assert dates and {" ".join(d.get_text().split()) for d in dates} == {CONFERENCE_DATE[language.locale]}


def test_sitemap_lists_every_page_in_every_language_with_absolute_alternates(site, site_url):
    sitemap = BeautifulSoup((site / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    urls = {url.loc.get_text(): url for url in sitemap.find_all("url")}
    assert set(urls) == {site_url + page_path(lang, page) for lang in LANGUAGES for page in PAGES}
    for page in PAGES:
        for lang in LANGUAGES:
            links = {link["hreflang"]: link["href"] for link in urls[site_url + page_path(lang, page)].find_all("link")}
            expected = {other.html_lang: site_url + page_path(other, page) for other in LANGUAGES}
            assert links == {**expected, "x-default": site_url + page_path(DEFAULT, page)}


def test_site_url_comes_from_the_environment(soup, site_url):
    """The test build was told SITE_URL=<the test server>; mkdocs.yml's default is another."""
    assert "example.github.io" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert soup("").select_one('link[rel="canonical"]')["href"] == site_url
