"""The editor's loop: a one-language preview that reloads after a save, a quiet log
in which a warning still stops the build, and the diff of the English since a
translation's version. (The locked dependencies: tests/builds/test_setup.py.)
Speed is measured by scripts/benchmark-build, not asserted here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from support.languages import LANGUAGES
from support.project import ROOT


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
    import jinja2

    from jumbo_site.build import build_cache

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
    import jinja2

    from jumbo_site.build import build_cache

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
