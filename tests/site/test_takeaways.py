"""Take-aways: an accessible PDF of the conclusions per language, the conclusions as open
data, and a link-preview card per language, all made at build time from the pages' sources."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import jsonschema
import pikepdf
import pytest
from bs4 import BeautifulSoup
from pdfminer.high_level import extract_text
from PIL import Image

from jumbo_site.languages.site_i18n import strings_for
from support.languages import BY_LOCALE, LANGUAGES, page_path, PAGES
from support.project import ROOT
from support.record import squeezed

PDF_LIMIT = 250_000  # bytes: 250 KB
SCHEMA = ROOT / "jumbo_site" / "takeaways" / "conclusions.schema.json"


def pdf_path(site: Path, language) -> Path:
    return site / language.prefix / "conclusions.pdf"


def page_points(soup, language) -> list[dict]:
    """The numbered points as the conclusions page shows them: id and text, without the number."""
    points = []
    for item in soup(page_path(language, "conclusions/")).select("ol.numbered-points > li"):
        item = BeautifulSoup(str(item), "lxml").li
        # The number, and the reading tools beside the point (copy link, the English text).
        for aside in item.select("a.point-number, .point-tools"):
            aside.decompose()
        points.append({"id": item["id"], "text": " ".join(item.get_text().split())})
    return points


# --- The PDFs ------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_the_pdf_is_tagged_in_the_pages_language_with_embedded_fonts_and_one_bookmark_per_point(site, soup, language):
    html_lang = soup(page_path(language, "conclusions/")).html["lang"]
    with pikepdf.open(pdf_path(site, language)) as pdf:
        assert str(pdf.Root.Lang) == html_lang
        assert "/StructTreeRoot" in pdf.Root
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True and str(pdf.docinfo.Title).strip()
        fonts = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" and obj.get("/Subtype") != "/Type0"]
        assert fonts
        for font in fonts:
            descriptor = font.FontDescriptor
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), f"{font.BaseFont} is not embedded"
            assert "Noto-Sans" in str(font.BaseFont), f"{font.BaseFont} is not the bundled font"
        with pdf.open_outline() as outline:
            assert len(outline.root) == 11
            assert [entry.title.split(".")[0] for entry in outline.root] == [str(n) for n in range(1, 12)]


def body_text(path: Path, language, page_url: str) -> str:
    """The PDF's text without its page furniture (the address and "Page 1 of 2" lines)."""
    counter = re.escape(strings_for(language)["takeaways.pdf.pages"]).replace(r"\{page\}", r"\d+").replace(r"\{pages\}", r"\d+")
    lines = extract_text(path).splitlines()
    return "\n".join(line for line in lines if line.strip() != page_url and not re.fullmatch(counter, line.strip()))


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_the_pdf_has_every_point_as_the_page_has_it(site, soup, site_url, language):
    text = squeezed(body_text(pdf_path(site, language), language, site_url + page_path(language, "conclusions/")))
    points = page_points(soup, language)
    assert len(points) == 11
    for point in points:
        assert squeezed(point["text"]) in text, f"{point['id']} differs from the page"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_the_pdf_is_at_most_250_kb(site, language):
    assert pdf_path(site, language).stat().st_size <= PDF_LIMIT


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_the_pdf_is_byte_identical_across_two_builds(site, rebuilt_site, language):
    assert pdf_path(site, language).read_bytes() == pdf_path(rebuilt_site, language).read_bytes()


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_the_conclusions_and_home_pages_offer_the_pdf_in_the_readers_language_with_its_size(site, soup, site_url, language):
    strings = strings_for(language)
    kilobytes = round(pdf_path(site, language).stat().st_size / 1000)
    for page in ("conclusions/", ""):
        links = [a for a in soup(page_path(language, page)).select("a[href]") if a["href"].endswith(".pdf")]
        assert len(links) == 1, f"{page_path(language, page)}: one link to the PDF"
        link = links[0]
        assert urljoin(site_url + page_path(language, page), link["href"]) == site_url + language.prefix + "conclusions.pdf"
        assert link["type"] == "application/pdf"
        text = " ".join(link.get_text().split())
        assert text.startswith(strings["takeaways.pdf.download"])
        assert re.search(rf"\bPDF, {kilobytes}\s?\w+\)", text), text


# --- Open data -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def open_data(site) -> dict:
    return json.loads((site / "conclusions.json").read_text(encoding="utf-8"))


def test_the_open_data_validates_against_its_schema(site, open_data):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(open_data)
    assert json.loads((site / "conclusions.schema.json").read_text(encoding="utf-8")) == schema


def test_the_open_data_has_every_language_with_eleven_points_and_english_authoritative(open_data, site_url):
    entries = open_data["languages"]
    assert [entry["code"] for entry in entries] == [language.html_lang for language in LANGUAGES]
    assert len(entries) == 9
    for entry, language in zip(entries, LANGUAGES):
        assert entry["name"] == language.name
        assert entry["authoritative"] is language.default
        assert entry["url"] == site_url + page_path(language, "conclusions/")
        assert entry["pdf"] == site_url + language.prefix + "conclusions.pdf"
        assert [point["number"] for point in entry["points"]] == list(range(1, 12))
    assert [entry["code"] for entry in entries if entry["authoritative"]] == ["en"]


def test_each_open_data_point_is_the_pages_text_at_the_pages_address(open_data, soup, site_url):
    for entry, language in zip(open_data["languages"], LANGUAGES):
        page = site_url + page_path(language, "conclusions/")
        points = page_points(soup, language)
        assert [(p["id"], p["url"], p["text"]) for p in entry["points"]] == [(p["id"], f"{page}#{p['id']}", p["text"]) for p in points]


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_the_about_page_links_the_open_data_in_the_readers_language(soup, site_url, language):
    about = soup(page_path(language, "about/"))
    targets = {urljoin(site_url + page_path(language, "about/"), a["href"]): a for a in about.select("a[href]")}
    link = targets[site_url + "conclusions.json"]
    assert strings_for(language)["takeaways.open-data.link"] == " ".join(link.get_text().split())
    assert site_url + "conclusions.schema.json" in targets
    # Only a link: no page loads the data (the first-visit weight stays as it was).
    for path in PAGES:
        assert "conclusions.json" not in str(soup(page_path(language, path)).select("link, script, img"))


# --- Link previews -------------------------------------------------------------------


def card(site: Path, site_url: str, html) -> str:
    image = html.select_one('meta[property="og:image"]')["content"]
    assert image.startswith(site_url)
    return image[len(site_url) :]


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_every_page_shows_its_languages_card_of_1200_by_630(site, soup, site_url, language):
    others = {BY_LOCALE[lang.locale] for lang in LANGUAGES if lang != language}
    images = set()
    for path in PAGES:
        html = soup(page_path(language, path))
        images.add(card(site, site_url, html))
        assert html.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
        own = html.select_one('meta[property="og:locale"]')["content"]
        alternates = [m["content"] for m in html.select('meta[property="og:locale:alternate"]')]
        assert len(alternates) == len(set(alternates)) and own not in alternates
        expected = {soup(page_path(other, path)).select_one('meta[property="og:locale"]')["content"] for other in others} - {own}
        assert set(alternates) == expected
    assert len(images) == 1, f"{language.locale}: one card for every page"
    with Image.open(site / images.pop()) as image:
        assert image.format == "PNG" and image.size == (1200, 630)


def test_the_cards_of_english_macedonian_and_serbian_latin_differ(site, soup, site_url):
    cards = {locale: (site / card(site, site_url, soup(page_path(BY_LOCALE[locale], "")))).read_bytes() for locale in ("en", "mk", "sr-Latn")}
    assert len(set(cards.values())) == 3


def test_the_cards_are_byte_identical_across_two_builds(site, rebuilt_site):
    cards = sorted((site / "assets" / "images").glob("og-*.png"))
    assert len(cards) == len(LANGUAGES)
    for path in cards:
        assert path.read_bytes() == (rebuilt_site / path.relative_to(site)).read_bytes()
