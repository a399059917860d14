"""Translators' tools: XLIFF and PO round trips for every language and page, the
import's refusals (each with a crafted file, nothing written), and the files read back
by independent parsers (Translate Toolkit's storage classes, lxml). In-process, on a
copy of the project; one build shows an imported change on the site."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from lxml import etree
from support.live_preview import copy_project
from support.translator_formats import edit_xliff
from translate.storage import pypo, tbx, tmx, xliff

from jumbo_site.translations import text_segments as ts
from jumbo_site.translations import translator_files as tf
from jumbo_site.translations.terminology import DEPRECATED, Glossary, memory
from jumbo_site.translations.translations_cli import _generated_from, _languages


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> tf.Project:
    """A copy of the project (import writes into it)."""
    root = copy_project(tmp_path_factory.mktemp("translators") / "project")
    source, languages = _languages()
    return tf.project(root, source, languages, _generated_from())


def tree(project: tf.Project) -> dict[str, str]:
    """The sha256 of every file import may write: docs/, data/, strings/."""
    return {
        path.relative_to(project.root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in ("docs", "data", "strings")
        for path in sorted((project.root / folder).rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("fmt", ["xliff", "po"])
def test_round_trip_every_language_and_page_has_no_diff(project, tmp_path, fmt):
    before = tree(project)
    pages = project.pages()
    for language in project.languages:
        files = tf.export(project, language, None, fmt, tmp_path / language)
        assert len(files) == len(pages) + len(project.data_files()) + 1
        assert tf.import_files(project, files) == []
    assert tree(project) == before


@pytest.mark.parametrize("language", ["fr", "sr"])
def test_a_missing_page_is_made_from_the_english_and_its_segments(project, tmp_path, language):
    """The importer's rebuilding is exercised for real: each page is deleted, then imported from
    its export; its body comes back byte for byte, and its front matter reads the same."""
    files = tf.export(project, language, None, "po", tmp_path)
    pages = [f for f in files if not f.name.startswith(("data-", "strings."))]
    originals = {page: (project.docs / language / f"{page.name.split('.')[0]}.md").read_text(encoding="utf-8") for page in pages}
    try:
        for page in pages:
            (project.docs / language / f"{page.name.split('.')[0]}.md").unlink()
        tf.import_files(project, pages)
        for page, original in originals.items():
            made = (project.docs / language / f"{page.name.split('.')[0]}.md").read_text(encoding="utf-8")
            assert made.split("\n---\n", 1)[1] == original.split("\n---\n", 1)[1], page.name
            assert yaml.safe_load(made.split("---\n")[1]) == yaml.safe_load(original.split("---\n")[1]), page.name
    finally:
        for page, original in originals.items():
            (project.docs / language / f"{page.name.split('.')[0]}.md").write_text(original, encoding="utf-8")


def edit_po(path: Path, ident: str, change, header: dict | None = None) -> None:
    store = pypo.pofile.parsestring(path.read_bytes())
    for unit in store.units:
        if not unit.isheader() and unit.getcontext() == ident:
            unit.target = change(unit.target)
    if header:
        store.updateheader(add=True, **header)
    path.write_bytes(bytes(store))


# --- Refusals: each with a crafted file, and nothing written ------------------------------


@pytest.fixture
def exported(project, tmp_path):
    def made(language="fr", page="about", fmt="po"):
        [path] = tf.export(project, language, [page], fmt, tmp_path / fmt)
        return path

    return made


def refused(project, files, *words):
    before = tree(project)
    with pytest.raises(tf.ImportRefused) as error:
        tf.import_files(project, files)
    for word in words:
        assert word in str(error.value), str(error.value)
    assert tree(project) == before, "a refused import wrote files"
    return str(error.value)


def test_a_file_from_an_older_english_is_refused_naming_the_changed_segments(project, exported):
    path = exported()
    english = project.docs / "en" / "about.md"
    original = english.read_text(encoding="utf-8")
    try:
        english.write_text(original.replace("# About\n", "# About us\n"), encoding="utf-8")
        refused(project, [path], "about.fr.po", "Export again", "b1")
    finally:
        english.write_text(original, encoding="utf-8")


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda t: t.replace("](conclusions.md#point-10)", ""), ["missing [, ](conclusions.md#point-10)"]),
        (lambda t: t + " [[programme]]", ["doubled or added [[programme]]"]),
        (lambda t: t.replace("[[date]]", "[[date]] [[date]]"), ["doubled or added [[date]]"]),
        (lambda t: t.replace("([point 10](conclusions.md#point-10))", "(](conclusions.md#point-10)point 10[)"), ["missing ["]),
    ],
    ids=["missing link target", "added marker", "doubled marker", "reordered link"],
)
def test_broken_inline_codes_are_refused(project, exported, change, words):
    path = exported()
    segment = "b3" if "date" in words[0] else "b4"
    edit_po(path, segment, change)
    refused(project, [path], "about.fr.po", f"segment {segment}", *words)


@pytest.mark.parametrize(
    "language, target, words",
    [
        ("sr", "О конференцији conference", ["'conference' is in Latin script"]),
        ("mk", "За конференцијата events", ["'events' is in Latin script"]),
        ("fr", "À propos de la Конференция", ["in Cyrillic script"]),
        ("fr", "À propos de lа conférence", ["mixes Latin and Cyrillic"]),  # Cyrillic а in "la"
    ],
    ids=["latin in serbian", "latin in macedonian", "cyrillic in french", "mixed word"],
)
def test_a_target_in_the_wrong_script_is_refused(project, exported, language, target, words):
    path = exported(language)
    edit_po(path, "b1", lambda _: target)
    refused(project, [path], f"about.{language}.po", "segment b1", *words)


def test_serbian_latin_is_never_imported(project, exported):
    path = exported("sr")
    edit_po(path, "b1", lambda t: t, header={"Language": "sr-Latn"})
    refused(project, [path], "sr-Latn is generated from sr and never imported")
    with pytest.raises(SystemExit, match="generated"):
        tf.documents(project, "sr-Latn")


@pytest.mark.parametrize(
    "header, ident, words",
    [
        ({"Language": "de"}, None, ["unknown language 'de'"]),
        ({"X_Jumbo_Original": "docs/fr/nowhere.md"}, None, ["unknown page 'docs/fr/nowhere.md'"]),
        ({}, "b99", ["unknown segment 'b99'"]),
    ],
    ids=["language", "page", "segment"],
)
def test_unknown_language_page_or_segment_is_refused(project, exported, header, ident, words):
    path = exported()
    if ident:
        text = path.read_text(encoding="utf-8").replace('msgctxt "b1"', f'msgctxt "{ident}"')
        path.write_text(text, encoding="utf-8")
    else:
        edit_po(path, "b1", lambda t: t, header=header)
    refused(project, [path], "about.fr.po", *words)


def test_nothing_is_written_unless_every_file_is_good(project, exported, tmp_path):
    good = exported("fr", "about", "xliff")
    edit_xliff(good, "b2", lambda text: "Une bonne modification")
    bad = exported("fr", "privacy", "po")
    edit_po(bad, "b1", lambda _: "Политика")
    refused(project, [good, bad], "privacy.fr.po", "segment b1")


# --- The files read back by independent parsers --------------------------------------------


def test_xliff_is_1_2_and_read_back_by_translate_toolkit_and_lxml(project, tmp_path):
    files = tf.export(project, "mk", None, "xliff", tmp_path)
    namespace = {"x": tf.XLIFF_12}
    for path in files:
        root = etree.parse(str(path)).getroot()  # well-formed XML
        assert root.tag == f"{{{tf.XLIFF_12}}}xliff" and root.get("version") == "1.2"
        assert not [el for el in root.iter() if isinstance(el.tag, str) and not el.tag.startswith(f"{{{tf.XLIFF_12}}}")]
        units = root.findall(".//x:trans-unit", namespace)
        assert len({unit.get("id") for unit in units}) == len(units)
        store = xliff.xlifffile.parsestring(path.read_bytes())
        assert len(store.units) == len(units)
    about = xliff.xlifffile.parsestring((tmp_path / "about.mk.xlf").read_bytes())
    unit = next(u for u in about.units if u.xmlelement.get("id") == "b3")
    placeholders = [el for el in unit.xmlelement.iter(f"{{{tf.XLIFF_12}}}ph")]
    assert [el.text for el in placeholders] == ["[[date]]", "[[date]]"]  # in the source and in the target
    assert unit.isapproved() and "[[date]]" in unit.target


def test_po_is_read_back_and_marks_outdated_segments_fuzzy_with_the_english_before(project, tmp_path):
    page = project.docs / "en" / "privacy.md"
    old = page.read_text(encoding="utf-8")
    try:
        page.write_text(old.replace("This site collects no personal data.", "This site collects no personal data at all."), encoding="utf-8")
        [path] = tf.export(project, "fr", ["privacy"], "po", tmp_path, old_english=lambda language, name: old)
        store = pypo.pofile.parsestring(path.read_bytes())
        units = {unit.getcontext(): unit for unit in store.units if not unit.isheader()}
        assert units["b2"].isfuzzy() and "This site collects no personal data." in units["b2"].prev_source
        assert not units["b1"].isfuzzy()  # its English did not change
        assert tf.import_files(project, [path]) == []  # unreviewed: the page is not marked up to date
    finally:
        page.write_text(old, encoding="utf-8")
    [missing] = tf.export(project, "fr", ["privacy"], "po", tmp_path / "none")
    assert all(u.target for u in pypo.pofile.parsestring(missing.read_bytes()).units)


def test_glossary_as_tbx_marks_forms_to_avoid_as_deprecated(project):
    data = Glossary.read(project.root / "data" / "glossary.yml")
    store = tbx.tbxfile.parsestring(data.tbx())
    assert len(store.units) == len(data.terms)
    rcc = next(u for u in store.units if u.xmlelement.get("id") == "rcc-abbreviation")
    french = {term.text: term.deprecated for term in rcc.get_target_terms("fr")}
    assert french == {"CCR": False, "RCC": True}
    assert DEPRECATED in data.tbx().decode()


def test_memory_as_tmx_holds_every_current_pair(project):
    pairs = tf.memory_pairs(project)
    store = tmx.tmxfile.parsestring(memory(pairs))
    assert len(store.units) == len(pairs) > 1000
    french = next(u for u in store.units if u.getcontext() == "docs/en/about.md#b1" and u.gettarget("fr"))
    assert (french.source, french.gettarget("fr")) == ("About", "À propos")


def test_markdown_segments_keep_codes_apart():
    layout = ts.page_layout("---\ntitle: T\n---\n\n# Head {#id}\n\n1. One [a](x.md#p) Kosovo*.\n2. Two<br>\n\n[[programme]]\n", "x.md")
    assert [(s.id, s.text) for s in layout.segments] == [("title", "T"), ("b1", "Head"), ("b2.1", "One [a](x.md#p) Kosovo*."), ("b2.2", "Two<br>")]
    assert ts.codes("One [a](x.md#p) Kosovo*.") == ["[", "](x.md#p)", "*"]
    assert ts.rebuild(layout, {"b1": "Tête", "title": "A: b"}) == "---\ntitle: 'A: b'\n---\n\n# Tête {#id}\n\n1. One [a](x.md#p) Kosovo*.\n2. Two<br>\n\n[[programme]]\n".replace("'A: b'", ts.yaml_scalar("A: b"))


def test_a_changed_data_text_and_string_are_written_into_their_yaml(project, tmp_path):
    """A folded (`>-`) data text and an interface string, changed in the tool, land in their
    YAML files: the value read back is the new one, every other language's is as it was."""
    files = tf.export(project, "mk", None, "po", tmp_path)
    data, strings = tmp_path / "data-programme.mk.po", tmp_path / "strings.mk.po"
    assert data in files and strings in files
    edit_po(data, "sessions.exchanges.summary", lambda t: t + " Нова реченица: со двоточка.")
    edit_po(strings, "footer.privacy", lambda t: "Приватност: ново")
    before = {name: yaml.safe_load((project.root / name).read_text(encoding="utf-8")) for name in ("data/programme.yml", "strings/mk.yml")}
    originals = {name: (project.root / name).read_text(encoding="utf-8") for name in before}
    try:
        assert sorted(p.name for p in tf.import_files(project, [data, strings])) == ["mk.yml", "programme.yml"]
        programme = yaml.safe_load((project.root / "data/programme.yml").read_text(encoding="utf-8"))
        summary = programme["sessions"][0]["summary"]
        assert summary["mk"] == before["data/programme.yml"]["sessions"][0]["summary"]["mk"] + " Нова реченица: со двоточка."
        assert {k: v for k, v in summary.items() if k != "mk"} == {k: v for k, v in before["data/programme.yml"]["sessions"][0]["summary"].items() if k != "mk"}
        strings_mk = yaml.safe_load((project.root / "strings/mk.yml").read_text(encoding="utf-8"))
        assert strings_mk == {**before["strings/mk.yml"], "footer.privacy": "Приватност: ново"}
    finally:
        for name, text in originals.items():
            (project.root / name).write_text(text, encoding="utf-8")


def test_a_data_text_in_the_wrong_script_is_refused(project, tmp_path):
    [data] = [f for f in tf.export(project, "sr", None, "xliff", tmp_path) if f.name == "data-programme.sr.xlf"]
    edit_xliff(data, "event.city", lambda _: "Pariz")
    refused(project, [data], "data-programme.sr.xlf", "segment event.city", "'Pariz' is in Latin script")


@pytest.mark.parametrize(
    "ident, change",
    [("b3", lambda t: t.replace(". ", ".\n\n## ", 1)), ("b6", lambda t: "- " + t), ("b1", lambda t: t + " {#other}")],
    ids=["paragraph split into a heading", "paragraph made a list", "attribute list added"],
)
def test_a_target_that_changes_the_markdown_structure_is_refused(project, exported, ident, change):
    path = exported("hr")
    edit_po(path, ident, change)
    refused(project, [path], "about.hr.po")
