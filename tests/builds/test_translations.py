"""The translation workflow: freshness, honest fallbacks, the status command and page, edit links."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.languages import BY_LOCALE, page_path, strings_for
from support.live_preview import build_languages, copy_project
from support.project import build
from support.translations import (
    FIXTURE_LANGUAGES,
    GENERATED,
    MISSING_PAGE,
    OUTDATED_PAGE,
    TRANSLATED,
    UNTOUCHED_PAGE,
    notice,
    status_command,
)

from jumbo_site.translations.translation_status import (
    DRIFT,
    MISSING,
    OUTDATED,
    UP_TO_DATE,
    report,
)
from jumbo_site.translations.translations_cli import main


def make_states(docs) -> None:
    for locale in TRANSLATED:
        main(["mark", locale], docs=docs)
    english = docs / f"en/{OUTDATED_PAGE}.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA sentence added to the English page.\n", encoding="utf-8")
    (docs / f"fr/{MISSING_PAGE}.md").unlink()


@pytest.fixture(scope="module")
def states(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the project in those states, and its site (English, French, both Serbian)."""
    project = copy_project(tmp_path_factory.mktemp("states") / "project")
    build_languages(project, FIXTURE_LANGUAGES)
    make_states(project / "docs")
    result = build(project / "mkdocs.yml", project / "site")
    assert result.returncode == 0, result.stderr
    return project, project / "site"


def built_page(site, locale: str, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page_path(BY_LOCALE[locale], page) / "index.html").read_text(encoding="utf-8"), "lxml")


def test_outdated_and_missing_translations_are_reported_but_do_not_fail_the_check(states, capsys):
    docs = states[0] / "docs"
    code, out = status_command(capsys, docs, "--check")
    assert code == 0, "merely outdated or missing translations do not fail the check"
    assert re.search(rf"^{OUTDATED_PAGE}\.md\s+" + r"\s+".join([OUTDATED] * len(TRANSLATED)), out, re.M), out
    table = report(docs, "en", TRANSLATED)
    assert table["fr", f"{MISSING_PAGE}.md"].state == MISSING
    assert table["sr", f"{MISSING_PAGE}.md"].state == UP_TO_DATE
    assert {table[locale, f"{UNTOUCHED_PAGE}.md"].state for locale in TRANSLATED} == {UP_TO_DATE}


@pytest.mark.parametrize("locale", ["fr", "sr", "sr-Latn"])
def test_an_outdated_translation_still_shows_with_a_notice_linking_to_the_english(states, locale):
    element = notice(built_page(states[1], locale, f"{OUTDATED_PAGE}/"))
    assert element["data-translation-status"] == "outdated"
    assert strings_for(BY_LOCALE[locale])["notice.outdated"] in element.get_text()
    assert element.a["href"] == f"../../{OUTDATED_PAGE}/"
    assert notice(built_page(states[1], locale, f"{UNTOUCHED_PAGE}/")).get("data-translation-status") is None


@pytest.mark.parametrize("language", GENERATED, ids=[lang.locale for lang in GENERATED])
def test_a_generated_languages_notice_sends_translators_to_the_language_it_is_made_from(states, language):
    """Serbian Latin has no folder of its own: the command and the edit link name the
    language it is made from (`sr`), never the generated one."""
    origin = language.transliterate_from
    edit = notice(built_page(states[1], language.locale, f"{OUTDATED_PAGE}/")).select_one(".translation-notice__edit")
    assert [code.get_text() for code in edit.select("code")] == [f"scripts/translations diff {origin} {OUTDATED_PAGE}"]
    assert [a["href"].split("/edit/main/", 1)[1] for a in edit.select("a")] == [f"docs/{origin}/{OUTDATED_PAGE}.md"]
    assert language.locale not in edit.get_text().split()


def test_a_missing_translation_shows_the_english_page_marked_as_such(states):
    html = built_page(states[1], "fr", f"{MISSING_PAGE}/")
    assert html.html["lang"] == "fr"
    element = notice(html)
    assert element["data-translation-status"] == "missing"
    assert strings_for(BY_LOCALE["fr"])["notice.missing"] in element.get_text()
    content = html.select_one('div[lang="en"]')
    assert content is not None and content.h1.get_text(strip=True).rstrip("¶") == "About"
    assert content.select_one("#kosovo-footnote")  # English content keeps its English footnote
    switcher = {a["lang"]: a["href"] for a in html.select(".md-select__link")}
    assert switcher == {"en": f"../../{MISSING_PAGE}/", "fr": "./", "sr-Cyrl": f"../../sr/{MISSING_PAGE}/", "sr-Latn": f"../../sr-Latn/{MISSING_PAGE}/"}
    edit = html.select_one("a.site-edit-link[href*='/new/']")
    assert edit["href"].endswith(f"/new/main/docs/fr?filename={MISSING_PAGE}.md")


def test_the_status_page_shows_each_state(states):
    html = built_page(states[1], "en", "translations/")
    header = [th.get_text(strip=True) for th in html.select("article table th")]
    rows = {row.td.get_text(strip=True): [td.get_text(strip=True) for td in row.select("td")[1:]] for row in html.select("article table tbody tr")}
    state = {(name, locale): cells[header.index(locale) - 1] for name, cells in rows.items() for locale in ("fr", "sr")}
    assert state[OUTDATED_PAGE, "fr"] == state[OUTDATED_PAGE, "sr"] == OUTDATED
    assert state[MISSING_PAGE, "fr"] == MISSING and state[MISSING_PAGE, "sr"] == UP_TO_DATE
    assert state[UNTOUCHED_PAGE, "fr"] == UP_TO_DATE


def test_marking_a_translation_clears_its_notice_only(states, tmp_path, capsys):
    project = tmp_path / "project"
    shutil.copytree(states[0], project, ignore=shutil.ignore_patterns("site"))
    docs = project / "docs"
    assert status_command(capsys, docs, "mark", "fr", OUTDATED_PAGE)[0] == 0
    assert report(docs, "en", TRANSLATED)["fr", f"{OUTDATED_PAGE}.md"].state == UP_TO_DATE
    assert report(docs, "en", TRANSLATED)["sq", f"{OUTDATED_PAGE}.md"].state == OUTDATED
    result = build(project / "mkdocs.yml", tmp_path / "after")
    assert result.returncode == 0, result.stderr
    assert notice(built_page(tmp_path / "after", "fr", f"{OUTDATED_PAGE}/")).get("data-translation-status") is None
    assert notice(built_page(tmp_path / "after", "sr", f"{OUTDATED_PAGE}/"))["data-translation-status"] == "outdated"


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
