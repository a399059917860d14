"""Translators write data, never code: Material's strings for the languages it lacks
and each language's name and site texts are plain-text files (issue 21, route 6 and
"mkdocs.yml is code"). In-process: the checkers and the one template, on small inputs."""

from __future__ import annotations

import jinja2
import pytest
from mkdocs.exceptions import PluginError
from support.languages import BY_LOCALE
from support.project import ROOT

from jumbo_site.languages import material_strings, site_i18n
from jumbo_site.languages.transliteration import to_latin


# Material's partials/language.html as the site overrides it, with the given globals.
def template_strings(material_strings_global, theme_language="en"):
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(ROOT / "overrides"), jinja2.FileSystemLoader(material_strings.MATERIAL_LANGUAGES.parent.parent)])
    env = jinja2.Environment(loader=loader)
    env.globals.update(material_strings=material_strings_global, page_language=None, config={"theme": {"language": theme_language}})
    return env.get_template("partials/language.html").module


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(material_strings, "MATERIAL_STRINGS_DIR", tmp_path / "strings/material")
    monkeypatch.setattr(material_strings, "STRINGS_DIR", tmp_path / "strings")
    monkeypatch.setattr(site_i18n, "STRINGS_DIR", tmp_path / "strings")
    material_strings.MATERIAL_STRINGS_DIR.mkdir(parents=True)
    return material_strings.MATERIAL_STRINGS_DIR  # no cache to clear: keyed on each file's version


# The site's Bosnian file with the line of `key` holding `text` (YAML as written).
def write_bs(folder, key, text):
    lines = (ROOT / "strings/material/bs.yml").read_text(encoding="utf-8").splitlines()
    (folder / "bs.yml").write_text("\n".join(f"{key}: {text}" if line.startswith(f"{key}:") else line for line in lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("locale", ["bs", "cnr", "sr-Latn", "sq"])
def test_the_one_template_prints_every_material_text_from_the_data(locale):
    """Printed as the data has it, never compiled; Serbian Latin's are Material's Serbian transliterated."""
    strings = material_strings.material_strings_for(BY_LOCALE[locale])
    printed = template_strings(strings, theme_language=locale)
    english = material_strings.shipped_strings("en")
    keys = [key for key in english if key not in material_strings.SETTINGS]
    assert [(key, printed.t(key)) for key in keys] == [(key, strings.get(key) or english[key]) for key in keys]
    if locale == "sr-Latn":
        assert strings == {key: to_latin(value) for key, value in material_strings.shipped_strings("sr").items()}


def test_a_language_material_has_keeps_material_s_file():
    assert material_strings.material_strings_for(BY_LOCALE["fr"]) is None
    assert template_strings(None, theme_language="fr").t("search.placeholder") == "Rechercher"


@pytest.mark.parametrize("text", ["\"{{ lipsum.__globals__.os.popen('id').read() }}\"", "\"{% include 'base.html' %}\""])
def test_jinja_syntax_in_a_material_strings_file_is_printed_as_it_is(data_dir, text):
    write_bs(data_dir, "search.placeholder", text)
    strings = material_strings.material_strings_for(BY_LOCALE["bs"])
    assert template_strings(strings, theme_language="bs").t("search.placeholder") == text.strip('"')


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "'Traži\" onfocus=\"alert(1)'", "Tra&#x17E;i"])
def test_markup_in_a_material_strings_file_stops_the_build_naming_file_and_key(data_dir, text):
    write_bs(data_dir, "search.placeholder", text)
    with pytest.raises(PluginError, match=r"strings/material/bs.yml, key 'search.placeholder': expected plain text"):
        material_strings.material_strings_for(BY_LOCALE["bs"])


def test_a_missing_or_unknown_material_key_stops_the_build_naming_it(data_dir):
    write_bs(data_dir, "search.placeholder", "Traži")
    path = data_dir / "bs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("search.reset:", "search.rest:"), encoding="utf-8")
    with pytest.raises(PluginError, match=r"strings/material/bs.yml: missing key\(s\) search.reset"):
        material_strings.material_strings_for(BY_LOCALE["bs"])
    path.write_text(path.read_text(encoding="utf-8").replace("search.rest:", "search.reset:") + "direction: rtl\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"strings/material/bs.yml: unknown key\(s\) direction"):
        material_strings.material_strings_for(BY_LOCALE["bs"])


def test_no_language_file_is_a_template():
    """Translators add data (strings/), never a Jinja file to copy."""
    assert not list((ROOT / "overrides/partials/languages").glob("*"))


def test_mkdocs_yml_holds_no_language_texts():
    """Translators never edit mkdocs.yml: no language entry has a text, nor the site one beyond MkDocs' required name."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert (config.site_description, config.copyright) == (None, None)
    assert [e.locale for e in config.plugins["i18n-iso"].config.languages if any(e.get(f) for f in ("name", "site_name", "site_description", "copyright"))] == []


def test_a_mixed_script_word_in_material_s_strings_stops_the_build(tmp_path):
    """Checked like the site's own strings: each language build reads its Material file too."""
    from jumbo_site.safety import mixed_scripts

    (tmp_path / "strings/material").mkdir(parents=True)
    (tmp_path / "strings/material/bs.yml").write_text("search.placeholder: Pretra\u0436i\n", encoding="utf-8")
    read = [path for folder, pattern in mixed_scripts.sources(BY_LOCALE["bs"]) for path in (tmp_path / folder).glob(pattern)]
    assert [mixed_scripts.first_mixed_word(path.read_text(encoding="utf-8"))[1] for path in read] == ["Pretra\u0436i"]


def test_a_language_without_material_strings_stops_the_build_saying_which_file_to_add(data_dir):
    import dataclasses

    with pytest.raises(PluginError, match=r"Material has no interface strings for 'xx': add strings/material/xx.yml"):
        material_strings.material_strings_for(dataclasses.replace(BY_LOCALE["bs"], locale="xx"))


def test_albanian_takes_material_s_strings_with_one_correction_as_data():
    """Material's sq.html names the search box "Vendmbajtës" ("placeholder"): the site's
    data file corrects that one text and keeps every other of Material's."""
    shipped = material_strings.shipped_strings("sq")
    strings = material_strings.material_strings_for(BY_LOCALE["sq"])
    assert shipped["search.placeholder"] == "Vendmbajtës" and strings["search.placeholder"] == "Kërko"
    assert {key: value for key, value in strings.items() if key != "search.placeholder" and key in shipped} == {
        key: value for key, value in shipped.items() if key != "search.placeholder"
    }


def test_a_correction_that_repeats_material_s_text_stops_the_build(data_dir):
    (data_dir / "sq.yml").write_text('search.placeholder: "Vendmbajtës"\n', encoding="utf-8")
    with pytest.raises(PluginError, match=r"strings/material/sq.yml: key\(s\) search.placeholder only repeat Material's own text"):
        material_strings.material_strings_for(BY_LOCALE["sq"])
