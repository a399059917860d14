"""The editor's loop: a one-language preview that reloads after a save, a quiet log
in which a warning still stops the build, and the diff of the English since a
translation's version. (The locked dependencies: tests/test_setup.py.)
Speed is measured by scripts/benchmark-build, not asserted here."""

from __future__ import annotations

import re
import shutil
import subprocess
import urllib.error
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from jumbo_site.translations.translation_status import source_hash
from jumbo_site.translations.translations_cli import main as translations
from support.languages import LANGUAGES
from support.live_preview import build_languages, free_port, LivePreview
from support.project import build, files_of, ROOT

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


def test_the_cache_keeps_apart_what_other_versions_of_python_or_the_packages_made(monkeypatch):
    from jumbo_site.build import build_cache

    mine = build_cache._toolchain()
    build_cache._toolchain.cache_clear()
    real = build_cache.importlib.metadata.version
    monkeypatch.setattr(build_cache.importlib.metadata, "version", lambda name: "0.0" if name == "pillow" else real(name))
    try:
        assert build_cache._toolchain() != mine
    finally:
        build_cache._toolchain.cache_clear()


@pytest.mark.parametrize("kept", ["on disk", "in memory (SITE_CACHE=off)"])
def test_a_changed_template_is_compiled_again_never_run_from_its_old_bytecode(tmp_path, kept):
    from jumbo_site.build import build_cache
    import jinja2

    memory = build_cache.TemplateMemory()
    template = tmp_path / "theme/page.html"

    def cache() -> jinja2.BytecodeCache:  # on disk: a new one each time, as in the next build's process
        return build_cache.TemplateCache(tmp_path / "cache/templates") if kept == "on disk" else memory

    def rendered() -> str:  # a new environment, as in each language build
        environment = jinja2.Environment(loader=jinja2.FileSystemLoader(template.parent), bytecode_cache=cache())
        return environment.get_template("page.html").render(name="Paris")

    def kept_for(source: str) -> bool:  # whether the cache serves compiled code for this source
        return cache().get_bucket(jinja2.Environment(), "page.html", str(template), source).code is not None

    template.parent.mkdir()
    template.write_text("Old {{ name }}", encoding="utf-8")
    assert rendered() == rendered() == "Old Paris"
    assert kept_for("Old {{ name }}")

    template.write_text("New {{ name }}", encoding="utf-8")  # the kept entry holds the old source's checksum
    assert not kept_for("New {{ name }}")
    assert rendered() == "New Paris"
    assert kept_for("New {{ name }}") and not kept_for("Old {{ name }}")


def test_a_template_compiled_with_escaping_is_kept_apart_from_the_same_template_without(tmp_path):
    from jumbo_site.build import build_cache
    import jinja2

    (tmp_path / "theme").mkdir()
    (tmp_path / "theme/page.html").write_text("{{ name }}", encoding="utf-8")
    bytecode = build_cache.TemplateCache(tmp_path / "cache/templates")

    def rendered(escaped: bool) -> str:
        environment = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path / "theme"), bytecode_cache=bytecode, autoescape=escaped)
        return environment.get_template("page.html").render(name="<b>")

    assert [rendered(False), rendered(True), rendered(False)] == ["<b>", "&lt;b&gt;", "<b>"]
    assert len(list((tmp_path / "cache/templates").iterdir())) == 2  # one entry each


# --- No cache outlives a save (file_versions.py) --------------------------------


@pytest.fixture
def sources_copy(tmp_path, monkeypatch) -> Path:
    """Copies of the interface strings, the data and the pages, which the readers below read instead."""
    from jumbo_site.data import conference_data
    from jumbo_site.languages import kosovo_mentions, material_strings, site_i18n
    from jumbo_site.search import search_index

    for folder in ("strings", "data", "docs/en"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    strings = tmp_path / "strings"
    monkeypatch.setattr(site_i18n, "STRINGS_DIR", strings)
    monkeypatch.setattr(kosovo_mentions, "STRINGS_DIR", strings)
    monkeypatch.setattr(material_strings, "STRINGS_DIR", strings)
    monkeypatch.setattr(material_strings, "MATERIAL_STRINGS_DIR", strings / "material")
    monkeypatch.setattr(conference_data, "DATA_DIR", tmp_path / "data")
    monkeypatch.setattr(search_index, "DATA_DIR", tmp_path / "data")
    return tmp_path


# Replace old by new in a file, as an editor saves it: in place, or (replaced=True) as
# editors that write a new file and rename it over the old one do.
def save(path: Path, old: str, new: str, replaced: bool = False) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} does not contain {old!r}"
    written = path.with_name(path.name + ".new") if replaced else path
    written.write_text(text.replace(old, new, 1), encoding="utf-8")
    written.replace(path)


@pytest.mark.parametrize("replaced", [False, True], ids=["saved in place", "saved by renaming a new file over it"])
def test_the_interface_strings_are_read_again_after_a_save(sources_copy, replaced):
    from jumbo_site.languages.site_i18n import language_strings

    strings = sources_copy / "strings"
    assert language_strings("fr")["calendar.add"] == "Ajouter au calendrier"
    assert language_strings("sr-Latn", "sr")["calendar.add"] == "Dodajte u kalendar"
    save(strings / "fr.yml", "calendar.add: Ajouter au calendrier", "calendar.add: Ajouter à l’agenda", replaced)
    save(strings / "sr.yml", "calendar.add: Додајте у календар", "calendar.add: Додај", replaced)
    assert language_strings("fr")["calendar.add"] == "Ajouter à l’agenda"
    assert language_strings("sr-Latn", "sr")["calendar.add"] == "Dodaj", "Serbian Latin is transliterated from the saved Cyrillic"


def test_the_names_of_kosovo_are_read_again_by_the_build_after_a_save(sources_copy):
    from jumbo_site.languages.kosovo_footnote import on_config as a_build_starts
    from jumbo_site.languages.kosovo_mentions import unmarked

    assert unmarked("la Kossovie du Nord") == []
    save(sources_copy / "strings/fr.yml", "kosovo.names: [Kosovo]", "kosovo.names: [Kosovo, Kossovie]")
    a_build_starts(None)  # the names are looked up once a build: mentions() runs thousands of times
    assert unmarked("la Kossovie du Nord") == ["Kossovie"], "the new name is a mention that needs its asterisk"


def test_texts_checked_for_kosovo_are_checked_again_when_its_names_change(sources_copy):
    from jumbo_site.data.conference_data import conference_for
    from jumbo_site.data.front_matter import on_config as check_the_site_texts
    from jumbo_site.languages.kosovo_footnote import on_config as a_build_starts

    config = load_config(str(ROOT / "mkdocs.yml"))
    save(sources_copy / "data/programme.yml", "        Les échanges ont souligné", "        La Kossovie du Nord. Les échanges ont souligné")
    save(sources_copy / "strings/fr.yml", "calendar.add: Ajouter au calendrier", "calendar.add: Ajouter au calendrier de la Kossovie")
    conference_for(config), check_the_site_texts(config)  # no name of Kosovo yet: both pass
    save(sources_copy / "strings/fr.yml", "kosovo.names: [Kosovo]", "kosovo.names: [Kosovo, Kossovie]")
    a_build_starts(config)
    with pytest.raises(PluginError, match=r"data/programme.yml.*'Kossovie' must be written 'Kossovie\*'"):
        conference_for(config)
    with pytest.raises(PluginError, match=r"strings/fr.yml, key 'calendar.add': 'Kossovie' must be written 'Kossovie\*'"):
        check_the_site_texts(config)


def test_material_s_strings_are_read_again_after_a_save(sources_copy):
    from jumbo_site.languages.material_strings import material_strings_for

    bosnian = next(lang for lang in LANGUAGES if lang.locale == "bs")
    assert material_strings_for(bosnian)["search.placeholder"] == "Pretraži"
    save(sources_copy / "strings/material/bs.yml", "search.placeholder: Pretraži", "search.placeholder: Traži na stranici")
    assert material_strings_for(bosnian)["search.placeholder"] == "Traži na stranici"


def test_the_programme_and_the_partners_are_read_again_after_a_save(sources_copy):
    from jumbo_site.data.conference_data import conference_for

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert conference_for(config).sessions[0].summary["fr"].startswith("Les échanges ont souligné")
    save(sources_copy / "data/programme.yml", "        Les échanges ont souligné", "        Marqueur 4711. Les échanges ont souligné")
    assert conference_for(config).sessions[0].summary["fr"].startswith("Marqueur 4711. Les échanges")
    assert conference_for(config).partners[0].id == "rcc"
    save(sources_copy / "data/partners.yml", "  - id: rcc\n", "  - id: rcc-secretariat\n")
    with pytest.raises(PluginError, match="rcc"):
        conference_for(config)  # the programme's organisers name a partner that no longer exists


def test_the_glossary_is_read_again_after_a_save(sources_copy):
    from jumbo_site.search.search_index import equivalents

    french = next(lang for lang in LANGUAGES if lang.locale == "fr")
    assert not any("Kooperationsrat" in words for pattern, words in equivalents(french))
    save(sources_copy / "data/glossary.yml", "    also: [Regional Cooperation Council]", "    also: [Regional Cooperation Council, Kooperationsrat]")
    assert any("Kooperationsrat" in words for pattern, words in equivalents(french)), "a new search word of the RCC's abbreviation"


def test_the_pages_left_untranslated_are_read_again_after_a_save(sources_copy):
    from jumbo_site.languages.page_language import _source_only_paths

    config = load_config(str(ROOT / "mkdocs.yml"))
    config.docs_dir = str(sources_copy / "docs")
    assert "about/" not in _source_only_paths(config)
    save(sources_copy / "docs/en/about.md", "---\n", "---\ntranslate: false\n")
    assert "about/" in _source_only_paths(config), "a page marked translate: false is served in English only"


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


def test_the_translation_status_page_names_the_diff_command(soup):
    assert "scripts/translations diff LANGUAGE PAGE" in soup("translations/").get_text()


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
