"""Every page, in every language, as built: language, structure, links, RCC usage."""

from __future__ import annotations

import copy
import functools
import re
from urllib.parse import urljoin

import pytest
from support.languages import ALL_PAGES, DEFAULT, IDS, kosovo_names, LANGUAGES, page_path, PAGES
from support.record import seed_points
from support.pages import css_urls, is_elsewhere



def words(element) -> str:
    return " ".join(element.get_text(" ").split())


@pytest.mark.parametrize("language,page", ALL_PAGES, ids=IDS)
def test_page_exists_with_its_language_and_a_title(site, soup, language, page):
    assert (site / page_path(language, page) / "index.html").is_file()
    html = soup(page_path(language, page))
    assert html.html["lang"] == language.html_lang
    assert html.find("h1") and words(html.find("h1"))
    assert html.title and words(html.title)


@pytest.mark.parametrize("language", LANGUAGES, ids=[lang.locale for lang in LANGUAGES])
def test_conclusions_have_points_1_to_11_each_with_a_visible_permalink(soup, language):
    html = soup(page_path(language, "conclusions/"))
    items = html.select("ol.numbered-points > li")
    assert [item["id"] for item in items] == [f"point-{n}" for n in range(1, 12)]
    for number, item in enumerate(items, start=1):
        link = item.select_one("a.point-number")
        assert link["href"] == f"#point-{number}"
        assert words(link) == f"{number}."


def test_english_points_are_the_seed_text(soup):
    items = [copy.copy(item) for item in soup("conclusions/").select("ol.numbered-points > li")]
    for item in items:
        item.select_one("a.point-number").decompose()
        # The editor's note on point 4 ("procession [sic]") is not the record's text.
        for note in item.select(".editorial-note"):
            note.decompose()
        item.select_one(".point-tools").decompose()  # the Copy link button
    assert [words(item) for item in items] == seed_points()


@pytest.mark.parametrize("language,page", ALL_PAGES, ids=IDS)
def test_switcher_names_every_language_in_itself_with_lang_and_hreflang(soup, language, page):
    links = soup(page_path(language, page)).select(".md-select__link")
    assert [(a.get_text(strip=True), a["lang"], a["hreflang"]) for a in links] == [
        (lang.name, lang.html_lang, lang.html_lang) for lang in LANGUAGES
    ]


@pytest.mark.parametrize("language,page", ALL_PAGES, ids=IDS)
def test_switcher_leads_to_the_same_page_and_back(soup, language, page):
    here = "/" + page_path(language, page)
    for link in soup(page_path(language, page)).select(".md-select__link"):
        target = urljoin(here, link["href"])
        other = next(lang for lang in LANGUAGES if lang.html_lang == link["lang"])
        assert target == "/" + page_path(other, page)
        back = soup(target.lstrip("/")).select_one(f'.md-select__link[lang="{language.html_lang}"]')
        assert urljoin(target, back["href"]) == here


@pytest.mark.parametrize("language,page", ALL_PAGES, ids=IDS)
def test_head_alternates_are_absolute_reciprocal_and_have_x_default(soup, site_url, language, page):
    alternates = {
        link["hreflang"]: link["href"] for link in soup(page_path(language, page)).select('head link[rel="alternate"][hreflang]')
    }
    expected = {lang.html_lang: site_url + page_path(lang, page) for lang in LANGUAGES}
    expected["x-default"] = site_url + page_path(DEFAULT, page)
    assert alternates == expected


@pytest.mark.parametrize("language,page", [(l, p) for l, p in ALL_PAGES if not l.default], ids=[i for i, (l, _) in zip(IDS, ALL_PAGES) if not l.default])
def test_translated_pages_say_the_english_text_prevails(soup, language, page):
    notice = soup(page_path(language, page)).select_one(".translation-notice")
    assert notice is not None
    assert notice.a["hreflang"] == DEFAULT.html_lang
    assert urljoin("/" + page_path(language, page), notice.a["href"]) == "/" + page_path(DEFAULT, page)


def test_english_pages_carry_no_translation_notice(soup):
    assert all(soup(page).select_one(".translation-notice") is None for page in PAGES)


# Every form of the name, in any language, as a reader would search for it: Kosovo, Kosova,
# Kosovën, Kosovu, Косово, Косову … (the asterisk, if any, captured).
KOSOVO_STEM = re.compile(r"\b(?:Kosov|Косов)\w*(\s?\*)?", re.IGNORECASE)


@pytest.mark.parametrize("language,page", ALL_PAGES, ids=IDS)
def test_every_mention_of_kosovo_carries_the_asterisk_and_the_page_the_footnote(soup, language, page):
    html = soup(page_path(language, page))
    content = copy.copy(html.select_one("article"))  # the parsed page is shared: change a copy
    footnote = content.select_one("#kosovo-footnote")
    if footnote:
        footnote.extract()
    text = words(content)
    names = "|".join(map(re.escape, sorted(kosovo_names(language), key=len, reverse=True)))
    mentions = re.findall(rf"\b(?:{names})\b(\s?\*)?", text)
    # Independently of the build's list of names: any word on the stem, in either script.
    mentions += re.findall(KOSOVO_STEM, text)
    if mentions:
        assert footnote is not None, "names Kosovo without the footnote"
        assert "1244/1999" in words(footnote)
        assert all(asterisk.strip() == "*" for asterisk in mentions), "a mention without its asterisk"


def test_kosovo_is_named_somewhere_in_every_language(soup):
    """The footnote test above only bites where Kosovo is named: make sure it is."""
    for language in LANGUAGES:
        assert soup(page_path(language, "about/")).select_one("#kosovo-footnote"), language.locale


RESOURCE_ATTRIBUTES = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "use": ["href", "xlink:href"],
    "image": ["href", "xlink:href"],
}
RESOURCE_RELS = {"stylesheet", "preconnect", "dns-prefetch", "preload", "prefetch", "modulepreload", "icon", "manifest"}


def test_no_page_loads_a_resource_from_another_host(site, site_url):
    elsewhere = functools.partial(is_elsewhere, site_url=site_url)
    offenders = []
    from bs4 import BeautifulSoup

    for path in site.rglob("*.html"):
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for tag, attributes in RESOURCE_ATTRIBUTES.items():
            for element in html.find_all(tag):
                for attribute in attributes:
                    for url in (element.get(attribute) or "").split(","):
                        if url.strip() and elsewhere(url.split()[0]):
                            offenders.append(f"{path.relative_to(site)}: <{tag} {attribute}={url}>")
        for link in html.find_all("link"):
            if RESOURCE_RELS & set(link.get("rel", [])) and elsewhere(link.get("href", "")):
                offenders.append(f"{path.relative_to(site)}: <link rel={link['rel']} href={link['href']}>")
        for style in html.find_all("style"):
            offenders += [f"{path.relative_to(site)}: {u}" for u in css_urls(style.get_text()) if elsewhere(u)]
    for path in site.rglob("*.css"):
        offenders += [f"{path.relative_to(site)}: {u}" for u in css_urls(path.read_text(encoding="utf-8")) if elsewhere(u)]
    assert offenders == []
