"""The translation workflow: freshness, honest fallbacks, the status command and page, edit links."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from conftest import DEFAULT, LANGUAGES, PAGES, build, build_languages, page_path, strings_for
from translation_status import DRIFT, MISSING, OUTDATED, UP_TO_DATE, main, report

BY_LOCALE = {lang.locale: lang for lang in LANGUAGES}
TRANSLATED = [lang.locale for lang in LANGUAGES if not lang.default and not lang.transliterate_from]


def status_command(capsys, docs, *args) -> tuple[int, str]:
    code = main(list(args), docs=docs)
    return code, capsys.readouterr().out


def built_page(site, locale: str, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page_path(BY_LOCALE[locale], page) / "index.html").read_text(encoding="utf-8"), "lxml")


def notice(html):
    return html.select_one(".translation-notice")


def test_every_translation_of_the_current_site_is_up_to_date(capsys):
    from conftest import ROOT

    code, out = status_command(capsys, ROOT / "docs", "--check")
    assert code == 0
    table = report(ROOT / "docs", DEFAULT.locale, TRANSLATED)
    assert {status.state for status in table.values()} == {UP_TO_DATE}
    assert len(table) == len(TRANSLATED) * len(PAGES)


def test_changing_an_english_page_outdates_its_translations_until_marked(project_copy, tmp_path, capsys):
    docs = project_copy / "docs"
    build_languages(project_copy, ["en", "fr", "sr", "sr-Latn"])
    about = docs / "en/about.md"
    about.write_text(about.read_text(encoding="utf-8").replace("The Jumbo conference is", "The Jumbo conference has been"), encoding="utf-8")

    code, out = status_command(capsys, docs, "--check")
    assert code == 0, "merely outdated translations do not fail the check"
    assert re.search(r"^about\.md\s+" + r"\s+".join([OUTDATED] * len(TRANSLATED)), out, re.M)

    assert build(project_copy / "mkdocs.yml", tmp_path / "before").returncode == 0
    for locale in ("fr", "sr", "sr-Latn"):
        element = notice(built_page(tmp_path / "before", locale, "about/"))
        assert element["data-translation-status"] == "outdated"
        assert strings_for(BY_LOCALE[locale])["notice.outdated"] in element.get_text()
        assert element.a["href"] == "../../about/"
    assert notice(built_page(tmp_path / "before", "fr", "programme/")).get("data-translation-status") is None

    assert status_command(capsys, docs, "mark", "fr", "about")[0] == 0
    assert report(docs, "en", TRANSLATED)["fr", "about.md"].state == UP_TO_DATE
    assert report(docs, "en", TRANSLATED)["sq", "about.md"].state == OUTDATED
    assert build(project_copy / "mkdocs.yml", tmp_path / "after").returncode == 0
    assert notice(built_page(tmp_path / "after", "fr", "about/")).get("data-translation-status") is None
    assert notice(built_page(tmp_path / "after", "sr", "about/"))["data-translation-status"] == "outdated"


def test_a_missing_translation_shows_the_english_page_marked_as_such(project_copy, tmp_path, capsys):
    docs = project_copy / "docs"
    build_languages(project_copy, ["en", "fr"])
    (docs / "fr/about.md").unlink()
    code, out = status_command(capsys, docs, "--check")
    assert code == 0 and report(docs, "en", TRANSLATED)["fr", "about.md"].state == MISSING

    result = build(project_copy / "mkdocs.yml", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = built_page(tmp_path / "out", "fr", "about/")
    assert html.html["lang"] == "fr"
    element = notice(html)
    assert element["data-translation-status"] == "missing"
    assert strings_for(BY_LOCALE["fr"])["notice.missing"] in element.get_text()
    content = html.select_one('div[lang="en"]')
    assert content is not None and content.h1.get_text(strip=True).rstrip("¶") == "About"
    assert content.select_one("#kosovo-footnote")  # English content keeps its English footnote
    switcher = {a["lang"]: a["href"] for a in html.select(".md-select__link")}
    assert switcher == {"en": "../../about/", "fr": "./"}
    edit = html.select_one("a.md-content__button[href*='/new/']")
    assert edit["href"].endswith("/new/main/docs/fr?filename=about.md")


def test_a_translation_that_lost_a_numbered_point_is_structural_drift(project_copy, capsys):
    docs = project_copy / "docs"
    conclusions = docs / "hr/conclusions.md"
    text = conclusions.read_text(encoding="utf-8")
    conclusions.write_text(re.sub(r"(?ms)^11\. .*", "", text), encoding="utf-8")
    code, out = status_command(capsys, docs, "--check")
    assert code == 1
    assert report(docs, "en", TRANSLATED)["hr", "conclusions.md"].state == DRIFT
    assert "docs/hr/conclusions.md: structural drift: numbered points differ (English 11, here 10)" in out


def test_a_translation_without_source_hash_or_english_page_fails_the_check(project_copy, capsys):
    docs = project_copy / "docs"
    about = docs / "mk/about.md"
    about.write_text(re.sub(r"(?m)^source_hash:.*\n", "", about.read_text(encoding="utf-8")), encoding="utf-8")
    (docs / "sq/agenda.md").write_text("---\ntitle: Agjenda\ndescription: x\n---\n# Agjenda\n", encoding="utf-8")
    code, out = status_command(capsys, docs, "--check")
    assert code == 1
    assert "docs/mk/about.md: no source_hash: run: scripts/translations mark mk about" in out
    assert "docs/sq/agenda.md: unknown source: no English page docs/en/agenda.md" in out


def test_edit_links_open_the_file_that_holds_the_page(soup):
    def edit(path):
        return soup(path).select_one("a.md-content__button[href*='/edit/']")["href"]

    assert edit("about/").endswith("/edit/main/docs/en/about.md")
    assert edit("fr/about/").endswith("/edit/main/docs/fr/about.md")
    assert edit("sr-Latn/about/").endswith("/edit/main/docs/sr/about.md")


def test_the_status_page_is_english_only_and_lists_every_language(site, soup):
    html = soup("translations/")
    header = [th.get_text(strip=True) for th in html.select("article table th")]
    assert header == ["page"] + TRANSLATED
    assert len(html.select("article table tbody tr")) == len(PAGES)
    cells = [td.get_text(strip=True) for row in html.select("article table tbody tr") for td in row.select("td")[1:]]
    assert cells == [UP_TO_DATE] * len(PAGES) * len(TRANSLATED)
    assert [a["lang"] for a in html.select(".md-select__link")] == ["en"]
    assert not any((site / lang.prefix / "translations").exists() for lang in LANGUAGES if not lang.default)
    assert "translations/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
