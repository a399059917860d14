"""The translation workflow: freshness, honest fallbacks, the status command and page, edit links."""

from __future__ import annotations

import pytest

from jumbo_site.translations.translation_status import DRIFT, MISSING, OUTDATED, UP_TO_DATE
from support.languages import BY_LOCALE, LANGUAGES, page_path, PAGES
from support.project import shown_state
from support.translations import notice, PAGE_FILES, TRANSLATED


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if not lang.default], ids=lambda lang: lang.locale)
def test_each_pages_notice_tells_its_state_and_sends_translators_to_the_folder_that_holds_it(soup, translation_state, language):
    """On the session's site (a page of each state in every language): the notice says
    the page's state; an outdated one names the command and the file of the folder that
    holds the text (`sr` for Serbian Latin: a generated language has no folder of its
    own); the page's edit link (in the footer) opens that file, or a new one where it is missing."""
    origin = language.transliterate_from or language.locale
    states = set()
    for page in PAGES:
        html, name, state = soup(page_path(language, page)), page.rstrip("/") or "index", translation_state(language, page)
        states.add(state)
        element = notice(html)
        assert element.get("data-translation-status") == shown_state(state), page
        commands = [code.get_text() for code in element.select("code")]
        edits = [a["href"].split("/main/", 1)[1] for a in element.select("a[href*='/edit/'], a[href*='/new/']")]
        if state == OUTDATED:
            assert commands == [f"scripts/translations diff {origin} {name}"] and edits == [f"docs/{origin}/{name}.md"], page
        else:
            assert commands == edits == [], page
        button = html.select_one("footer a.site-edit-link[rel='edit']")["href"]
        assert button.endswith(f"/new/main/docs/{origin}?filename={name}.md" if state == MISSING else f"/edit/main/docs/{origin}/{name}.md"), page
    assert OUTDATED in states, "the session's site has an outdated page in every language"
    assert states <= {UP_TO_DATE, OUTDATED, MISSING, DRIFT}


def test_edit_links_open_the_file_that_holds_the_page(soup):
    def edit(path):
        return soup(path).select_one("footer a.site-edit-link[href*='/edit/']")["href"]

    assert edit("about/").endswith("/edit/main/docs/en/about.md")
    assert edit("fr/about/").endswith("/edit/main/docs/fr/about.md")
    assert edit("sr-Latn/about/").endswith("/edit/main/docs/sr/about.md")


def test_the_status_page_is_english_only_and_lists_every_language(site, soup, translation_state):
    html = soup("translations/")
    header = [th.get_text(strip=True) for th in html.select("article table th")]
    assert header == ["page"] + TRANSLATED
    assert sorted(row.td.get_text(strip=True) + ".md" for row in html.select("article table tbody tr")) == PAGE_FILES
    cells = {(row.td.get_text(strip=True), locale): td.get_text(strip=True) for row in html.select("article table tbody tr") for locale, td in zip(TRANSLATED, row.select("td")[1:])}
    assert len(cells) == len(TRANSLATED) * len(PAGE_FILES)
    pages = {page.rstrip("/") or "index": page for page in PAGES}
    assert cells == {(name, locale): translation_state(BY_LOCALE[locale], pages[name]) for name, locale in cells}  # each page's state, as it is
    assert [a["lang"] for a in html.select(".md-select__link")] == ["en"]
    assert not any((site / lang.prefix / "translations").exists() for lang in LANGUAGES if not lang.default)
    assert "translations/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
