"""The editor's loop: a one-language preview that reloads after a save, a quiet log
in which a warning still stops the build, and the diff of the English since a
translation's version. (The locked dependencies: tests/builds/test_setup.py.)
Speed is measured by scripts/benchmark-build, not asserted here."""

from __future__ import annotations

import re
import subprocess
import urllib.error
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.live_preview import LivePreview, build_languages, free_port
from support.project import ROOT, build, files_of

from jumbo_site.translations.translation_status import source_hash
from jumbo_site.translations.translations_cli import main as translations

LANGUAGE_LINE = re.compile(r"^INFO +- +languages: (\S+): \d+ pages in [\d.]+ s$")
SERVING_LINE = re.compile(r"^INFO +- +\[[\d:]+\] Serving on http://127\.0\.0\.1:\d+/$")


def html(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "lxml")


def served(preview: LivePreview, path: str) -> bool:
    try:
        preview.get(path)
        return True
    except urllib.error.HTTPError as error:
        assert error.code == 404, error
        return False


# --- scripts/serve --language ----------------------------------------------


@pytest.mark.parametrize(
    "locale, source, added, shown",
    [
        ("fr", "docs/fr/about.md", "Marqueur de relecture 4711.", "Marqueur de relecture 4711."),
        # Serbian Latin is edited in Cyrillic (docs/sr) and shown transliterated.
        ("sr-Latn", "docs/sr/about.md", "Пробни текст 4711.", "Probni tekst 4711."),
    ],
)
def test_a_language_preview_serves_that_language_and_reloads_after_a_save(project_copy, locale, source, added, shown):
    page = f"{locale}/about/"
    last_line = (project_copy / source).read_text(encoding="utf-8").rstrip("\n").splitlines()[-1]
    with LivePreview(project_copy, "--language", locale) as preview:
        assert html(preview.get(page)).html["lang"] == locale
        assert served(preview, "about/"), "the default language is built too (missing pages fall back to it)"
        assert not served(preview, "sq/about/"), "only the previewed language (and the default one) is built"
        seconds, reloaded = preview.edit_and_reload(source, last_line, f"{last_line}\n\n{added}", page)
        assert shown in html(reloaded).get_text(), f"the page shows the saved edit after the reload ({seconds:.2f} s)"
        log = preview.output().splitlines()
    assert log, "scripts/serve printed nothing"
    warnings = [line for line in log if line.startswith("WARNING")]
    assert len(warnings) == 1 and '"GET /sq/about/ HTTP/1.1" code 404' in warnings[0], "the one warning: the page this test asked for in vain"
    for line in set(log) - set(warnings):
        assert LANGUAGE_LINE.match(line) or SERVING_LINE.match(line), f"a line that is neither a language build nor the address: {line!r}"
    assert {LANGUAGE_LINE.match(line)[1] for line in log if LANGUAGE_LINE.match(line)} == {"en", locale}


def test_a_refused_save_shows_its_message_in_the_browser_and_the_next_good_save_the_page(project_copy):
    page, source = "fr/about/", "docs/fr/about.md"
    last_line = (project_copy / source).read_text(encoding="utf-8").rstrip("\n").splitlines()[-1]
    bad = f"{last_line}\n\n<script>alert(4712)</script>"
    with LivePreview(project_copy, "--language", "fr") as preview:
        _, refused = preview.edit_and_reload(source, last_line, bad, page)
        shown = html(refused)
        assert shown.h1.get_text() == "The preview could not be built", "the browser shows the refusal, not the last good page"
        message = shown.pre.get_text()
        assert source in message and "<script>" in message, f"the message names the file and what it refused: {message!r}"
        assert "alert(4712)" not in "".join(str(tag) for tag in shown.find_all("script")), "the refused text is shown, never run"
        for other in ("fr/", "about/"):  # every page, so no tab shows a stale page
            assert html(preview.get(other)).h1.get_text() == "The preview could not be built"
        _, fixed = preview.edit_and_reload(source, bad, last_line, page)
        assert html(fixed).html["lang"] == "fr" and "could not be built" not in fixed, "the next good save brings the page back"


# The data an editor changes (a session summary) and an interface string, each seen
# after its save: watched, and read anew (no cache keeps the old text).
@pytest.mark.parametrize(
    "source, old, new, shown",
    [
        ("data/programme.yml", "        Les échanges ont souligné", "        Marqueur de relecture 4711. Les échanges ont souligné", "Marqueur de relecture 4711."),
        ("strings/fr.yml", "calendar.add: Ajouter au calendrier", "calendar.add: Ajouter à l’agenda 4711", "Ajouter à l’agenda 4711"),
    ],
    ids=["a session summary", "an interface string"],
)
def test_a_language_preview_shows_a_saved_data_text_and_interface_string(project_copy, source, old, new, shown):
    page = "fr/programme/"
    with LivePreview(project_copy, "--language", "fr") as preview:
        assert shown not in html(preview.get(page)).get_text()
        # edit_and_reload fails when no reload comes within 60 s of the save
        seconds, reloaded = preview.edit_and_reload(source, old, new, page)
        assert shown in html(reloaded).get_text(), f"the page shows the saved edit of {source} after the reload ({seconds:.2f} s)"
        # A second save of the same file: a cache keyed on the first edit would keep it.
        seconds, reloaded = preview.edit_and_reload(source, new, new.replace("4711", "4712"), page)
        assert shown.replace("4711", "4712") in html(reloaded).get_text(), f"the page shows the second edit of {source} ({seconds:.2f} s)"


def test_serve_of_every_language_shows_a_saved_interface_string_in_serbian_latin_too(project_copy):
    with LivePreview(project_copy) as preview:
        seconds, reloaded = preview.edit_and_reload("strings/sr.yml", "calendar.add: Додајте у календар", "calendar.add: Додајте у календар 4711", "sr-Latn/programme/")
        assert "Dodajte u kalendar 4711" in html(reloaded).get_text(), f"transliterated from the saved Cyrillic ({seconds:.2f} s)"


def test_serve_without_a_language_serves_every_language(project_copy):
    with LivePreview(project_copy) as preview:
        for locale in ("fr", "sq", "mk", "sr", "sr-Latn"):
            assert html(preview.get(f"{locale}/")).html["lang"] in (locale, "sr-Cyrl")


def test_an_unknown_preview_language_is_refused_with_the_list_of_languages(project_copy):
    result = subprocess.run(
        [str(ROOT / "scripts/serve"), "--language", "xx", "-f", str(project_copy / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{free_port()}"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode != 0
    assert "'xx' is not a language of this site: en, fr, sq, bs, hr, cnr, mk, sr, sr-Latn" in result.stderr


# --- Quiet build log ---------------------------------------------------------


def test_the_build_prints_one_line_per_language_and_a_warning_still_stops_it(project_copy, tmp_path):
    build_languages(project_copy, ["en", "fr"])
    clean = build(project_copy / "mkdocs.yml", tmp_path / "clean")
    assert clean.returncode == 0, clean.stderr[-3000:]
    assert [LANGUAGE_LINE.match(line)[1] for line in clean.stderr.splitlines()] == ["en", "fr"]

    page = project_copy / "docs/fr/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[lien](nulle-part.md)\n", encoding="utf-8")
    broken = build(project_copy / "mkdocs.yml", tmp_path / "broken")
    assert broken.returncode != 0
    warnings = [line for line in broken.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings and "fr/about.md" in warnings[0] and "nulle-part.md" in warnings[0]


# --- What one build keeps for the next (build_cache.py) ------------------------


def test_a_build_from_the_cache_has_the_bytes_of_a_build_without_it_and_sees_every_change(project_copy, tmp_path):
    build_languages(project_copy, ["en", "mk"])
    cache = tmp_path / "cache"

    def built(name: str, cache_setting: str) -> dict[str, bytes]:
        result = build(project_copy / "mkdocs.yml", tmp_path / name, SITE_CACHE=cache_setting, SITE_PDF="off")
        assert result.returncode == 0, result.stderr[-3000:]
        return files_of(tmp_path / name)

    fresh, filling, reading = built("fresh", "off"), built("filling", str(cache)), built("reading", str(cache))
    assert {path.parent.name for path in cache.rglob("*") if path.is_file()} == {"templates", "link-previews", "conclusions", "data-schema", "calendars"}
    assert fresh == filling == reading

    # A template and a card's words change: compiled and drawn again, never the old bytes.
    template = project_copy / "overrides/main.html"
    template.write_text(template.read_text(encoding="utf-8").replace('content="#4051b5"', 'content="#4051b6"'), encoding="utf-8")
    strings = project_copy / "strings/mk.yml"
    strings.write_text(strings.read_text(encoding="utf-8").replace('site.name: "Шеста', 'site.name: "Нова шеста', 1), encoding="utf-8")
    changed, changed_fresh = built("changed", str(cache)), built("changed-fresh", "off")
    assert changed == changed_fresh
    card = "assets/images/og-mk.png"
    assert changed[card] != reading[card] and changed["assets/images/og-en.png"] == reading["assets/images/og-en.png"]
    assert '<meta name="theme-color" content="#4051b6">' in changed["mk/index.html"].decode()

    # A data text on the English card (the city): drawn again from the cache's own key, never the old card.
    programme = project_copy / "data/programme.yml"
    programme.write_text(programme.read_text(encoding="utf-8").replace("    en: Paris\n", "    en: Paris, France\n", 1), encoding="utf-8")
    moved, moved_fresh = built("moved", str(cache)), built("moved-fresh", "off")
    assert moved == moved_fresh
    assert moved["assets/images/og-en.png"] != changed["assets/images/og-en.png"] and moved["assets/images/og-mk.png"] == changed["assets/images/og-mk.png"]


@pytest.mark.parametrize("folder_mode, parent_mode", [(0o777, 0o755), (0o700, 0o777)], ids=["others write it", "others can swap it"])
def test_a_build_cache_that_others_can_write_stops_the_build(project_copy, tmp_path, folder_mode, parent_mode):
    build_languages(project_copy, ["en"])
    shared = tmp_path / "parent/cache"
    shared.mkdir(parents=True)
    shared.chmod(folder_mode)  # compiled templates are code: nobody else may plant them,
    shared.parent.chmod(parent_mode)  # or put another folder in this one's place
    result = build(project_copy / "mkdocs.yml", tmp_path / "site", SITE_CACHE=str(shared), SITE_PDF="off")
    shared.parent.chmod(0o755)
    assert result.returncode != 0
    assert f"The build cache {shared} is not a folder of yours that only you can write" in result.stderr
    assert not any(shared.iterdir())


# --- What changed in the English ---------------------------------------------


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def two_versions(tmp_path) -> Path:
    """A git repository whose English about.md has two versions; the French one translates the first."""
    docs = tmp_path / "repo/docs"
    (docs / "en").mkdir(parents=True)
    (docs / "fr").mkdir()
    git(tmp_path / "repo", "init", "-q")
    git(tmp_path / "repo", "config", "user.email", "editor@example.org")
    git(tmp_path / "repo", "config", "user.name", "Editor")
    english = docs / "en/about.md"
    english.write_text("---\ntitle: About\n---\n# About\n\nAbout 80 participants.\n", encoding="utf-8")
    (docs / "fr/about.md").write_text(
        f"---\ntitle: À propos\nsource_hash: {source_hash(english)}\n---\n# À propos\n\nEnviron 80 participants.\n", encoding="utf-8"
    )
    git(tmp_path / "repo", "add", "-A")
    git(tmp_path / "repo", "commit", "-q", "-m", "First version")
    english.write_text("---\ntitle: About\n---\n# About\n\nAbout 80 participants in Paris; 30 more online.\n", encoding="utf-8")
    git(tmp_path / "repo", "commit", "-q", "-am", "Second version")
    return docs


def test_translations_diff_shows_the_english_changes_since_the_translated_version(two_versions, capsys):
    assert translations(["diff", "fr", "about"], docs=two_versions) == 0
    out = capsys.readouterr().out
    assert "--- docs/en/about.md as translated" in out and "First version" in out
    assert "+++ docs/en/about.md now" in out
    assert "-About 80 participants.\n" in out
    assert "+About 80 participants in Paris; 30 more online.\n" in out


def test_translations_diff_says_when_no_commit_has_the_recorded_version(two_versions, capsys):
    french = two_versions / "fr/about.md"
    french.write_text(re.sub(r"source_hash: \w+", "source_hash: abcdefabcdef", french.read_text(encoding="utf-8")), encoding="utf-8")
    assert translations(["diff", "fr", "about"], docs=two_versions) == 1
    out = capsys.readouterr().out
    assert "No commit in the history of docs/en/about.md has the version that docs/fr/about.md records" in out
    assert "Second version" in out and "First version" in out, "the English page's history is shown instead"


def test_an_outdated_translation_links_to_its_editor_and_names_the_diff_command(project_copy, tmp_path):
    build_languages(project_copy, ["en", "fr"])
    english = project_copy / "docs/en/about.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA sentence added after the translation.\n", encoding="utf-8")
    result = build(project_copy / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    notice = html((tmp_path / "site/fr/about/index.html").read_text(encoding="utf-8")).select_one('[data-translation-status="outdated"]')
    edit = notice.select_one(".translation-notice__edit")
    assert edit.a["href"].endswith("/edit/main/docs/fr/about.md")
    assert edit.code.get_text() == "scripts/translations diff fr about"
