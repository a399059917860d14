"""No input stalls or crashes the build (issue 21): limits before any parser reads a
file, and messages naming the file instead of
tracebacks. In-process calls to the checkers on small folders; the build's own
wiring is tried once in tests/builds/test_bad_input.py. Speed figures are in
scripts/benchmark-content-limits, not here."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from support.project import ROOT

from jumbo_site.data.data_entry import DataEntry
from jumbo_site.data.strict_yaml import read_data_file
from jumbo_site.languages import kosovo_mentions, site_i18n
from jumbo_site.safety import content_limits

PAGE_START = "---\ntitle: About\ndescription: About the conference\n---\n\n"  # the body starts on line 6
# The inputs that stalled Python-Markdown or made it recurse, each in a page, and what the refusal says.
BAD_PAGES = {
    "100,000 nested [": ("[" * 100_000 + "x", "line 6: more than 20 [ brackets open at once"),
    "links left open": ("[x](y " * 20_000, "line 6: more than 20 ( parentheses open at once"),
    "nested images": ("![" * 3_000 + "x", "line 6: more than 20 [ brackets"),
    "a list in a list …": ("- " * 5_000 + "x", "line 6: lists, quotes and indentation nested more than 20 deep"),
    "a quote in a quote …": (">" * 5_000 + " x", "line 6: lists, quotes and indentation nested more than 20 deep"),
    "indented lists": ("\n".join("    " * level + "- x" for level in range(300)), "line 26: lists, quotes and indentation"),
    "nested emphasis": ("*a _" * 3_000 + "x" + "_ b*" * 3_000, "line 6: more than 20 emphasis (* or _) open at once"),
    "a run of *": ("*" * 3_000 + "x" + "*" * 3_000, "line 6: more than 20 * or _ in a row"),
    "100,000 escapes in a paragraph": ("intro\n" + "\\\\" * 100_000, "line 6: a paragraph or list of more than 20000 characters"),
    "35,000 links": (("[a](b) " * 2_700 + "\n\n") * 13, "line 6: more than 2000 links (or ] brackets) in one file"),
    "a 300 KB page": ("word " * 59_980, "300 KB; a file here holds at most 256 KB"),
}
LEGITIMATE_PAGE = """\
# Title with [[2021-12-06]] and [[programme]]

[![The logo](../assets/images/logo.png)](https://www.rcc.int/) (see [point 7](conclusions.md#point-7) (and *its* note))

1. **Kosovo\\*** and _file_names_with_underscores_, ***both***
    - a nested item
        > a quote in it
        > > and a quote in that

* * *
________________

    an indented code block ((((( ]]]]] *****
"""


def project(tmp_path, files: dict[str, str | bytes]) -> SimpleNamespace:
    """A project folder holding the given files; the config content_limits.on_config reads."""
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))


def refusal(tmp_path, files: dict[str, str | bytes]) -> str:
    with pytest.raises(PluginError) as error:
        content_limits.on_config(project(tmp_path, files))
    return str(error.value)


def test_the_site_s_own_content_is_within_the_limits():
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"))
    assert content_limits.on_config(config) is config


def test_ordinary_nesting_links_emphasis_rules_and_code_are_accepted(tmp_path):
    config = project(tmp_path, {"docs/en/about.md": PAGE_START + LEGITIMATE_PAGE})
    assert content_limits.on_config(config) is config


@pytest.mark.parametrize("name", BAD_PAGES)
def test_a_page_that_would_stall_or_crash_markdown_is_refused_naming_file_and_line(tmp_path, name):
    body, expected = BAD_PAGES[name]
    assert refusal(tmp_path, {"docs/en/about.md": PAGE_START + body}).startswith(f"docs/en/about.md{', ' if 'line' in expected else ': '}{expected}")


@pytest.mark.parametrize(
    "path, content, expected",
    [
        ("docs/en/about.md", PAGE_START.encode() + "Caf\u00e9 in Paris.\n".encode("latin-1"), "docs/en/about.md, line 6, column 4: the byte 0xe9 is not UTF-8"),
        ("data/programme.yml", "event:\n  city: \u00c9vry\n".encode("latin-1"), "data/programme.yml, line 2, column 9: the byte 0xc9 is not UTF-8"),
        ("strings/fr.yml", "site.name: \u00e9t\u00e9\n".encode("latin-1"), "strings/fr.yml, line 1, column 12: the byte 0xe9"),
        ("docs/en/about.md", "---\ntitle: About\ndescription: &d About\nsummary: *d\n---\n", "docs/en/about.md, line 3: an anchor (&…)"),
        ("docs/en/about.md", "---\ntitle: !!timestamp 2021-13-45\n---\n", "docs/en/about.md, line 2: a tag (!…)"),
        ("data/partners.yml", "partners:\n  - id: a\n" + "x: " + "[" * 100_000, "data/partners.yml, line 3: lists and mappings nested more than 20 deep"),
        ("data/programme.yml", "event:\n  updated: !!timestamp 2021-13-45\n", "data/programme.yml, line 2: a tag (!…)"),
        ("strings/en.yml", "? !!set {a, b}\n: x\n", "strings/en.yml, line 1: a tag (!…)"),
        ("data/programme.yml", "x" * 300_000, "data/programme.yml: 300 KB; a file here holds at most 256 KB"),
    ],
)
def test_a_content_file_is_refused_before_any_parser_reads_it(tmp_path, path, content, expected):
    assert refusal(tmp_path, {path: content}).startswith(expected)


# A billion laughs: nine lines that expand to 10^9 values once the aliases are followed.
BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(ord('a') + n)}: &{chr(ord('a') + n)} [{', '.join(['*' + chr(ord('a') + n - 1)] * 10)}]\n" for n in range(1, 9)
)


def test_a_billion_laughs_in_a_data_file_is_refused_at_once_naming_the_line(tmp_path):
    assert refusal(tmp_path, {"data/programme.yml": BILLION_LAUGHS}).startswith("data/programme.yml, line 1: an anchor (&…)")


@pytest.mark.parametrize(
    "content, expected",
    [
        (BILLION_LAUGHS, "data/programme.yml, line 1: not valid YAML (an anchor (&…)"),
        ("event:\n  updated: !!timestamp 2021-13-45\n", "data/programme.yml, line 2: not valid YAML (a tag (!…)"),
        ("? !!set {a, b}\n: x\n", "data/programme.yml, line 1: not valid YAML (a tag (!…)"),
        ("event:\n  updated: 2021-13-45\n".encode() + b"  city: \xe9\n", "data/programme.yml, line 3, column 9: the byte 0xe9 is not UTF-8"),
    ],
)
def test_the_data_reader_itself_refuses_what_gave_tracebacks(tmp_path, content, expected):
    path = tmp_path / "programme.yml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(PluginError) as error:
        read_data_file(path, "programme.yml", ("event",))
    assert str(error.value).startswith(expected)


@pytest.fixture
def strings_copy(tmp_path, monkeypatch):
    """A copy of the interface strings that the Kosovo* check and the strings reader read."""
    folder = tmp_path / "strings"
    folder.mkdir(parents=True)
    for path in site_i18n.STRINGS_DIR.glob("*.yml"):
        (folder / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(site_i18n, "STRINGS_DIR", folder)
    monkeypatch.setattr(kosovo_mentions, "STRINGS_DIR", folder)
    return folder  # no cache to clear: each is keyed on the versions of the files it read


@pytest.mark.parametrize("emptied", ["[]", "", '""', "[' ']"])
def test_emptied_kosovo_names_are_refused_naming_the_strings_file(strings_copy, emptied):
    path = strings_copy / "fr.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("kosovo.names:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith((" ", "-")))
    path.write_text("\n".join([*lines[:start], f"kosovo.names: {emptied}", *lines[end:]]), encoding="utf-8")
    with pytest.raises(PluginError) as error:
        kosovo_mentions.mentions("Kosovo* took part.")
    assert str(error.value).startswith("strings/fr.yml, key 'kosovo.names': expected")


def test_an_oversized_data_text_is_refused_before_markdown_reads_it():
    assert content_limits.text_problem("word " * 2_000) == "10000 characters; a text has at most 5000: put long texts in a page"
    assert content_limits.text_problem("[" * 3_000).startswith("line 1: more than 20 [ brackets")
    assert content_limits.text_problem("Co-chaired by the RCC and [France](https://www.diplomatie.gouv.fr/) (Kosovo\\*).") is None


@pytest.mark.parametrize("text, problem", [("word " * 2_000, "10000 characters; a text has at most 5000"), ("[" * 3_000, "line 1: more than 20 [ brackets")])
def test_a_data_text_over_the_limits_is_refused_naming_file_entry_and_field(text, problem):
    entry = DataEntry("programme.yml", "sessions[0] (id: exchanges)", {"title": {"en": text}})
    with pytest.raises(PluginError) as error:
        entry.text("title", ["en"])
    assert str(error.value).startswith(f"data/programme.yml: sessions[0] (id: exchanges), field 'title': language 'en': {problem}")


def test_the_links_of_a_page_and_of_the_data_texts_it_shows_are_counted_together():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="en/programme.md"))
    assert content_limits.on_page_markdown("[a](b) " * 2_000, page, None, None)
    with pytest.raises(PluginError, match=r"^docs/en/programme.md: more than 2000 links \(or \] brackets\) with the data texts it shows"):
        content_limits.on_page_markdown("[a](b) " * 2_001, page, None, None)


def test_a_code_block_may_show_any_nesting_and_length():
    code = "```text\n" + "[" * 50 + "(" * 50 + "\n" + "x" * 30_000 + "\n```\n"
    assert content_limits.markdown_problem("A paragraph.\n\n" + code + "\nAnother paragraph.\n") is None


def test_an_opening_fence_that_never_closes_hides_nothing():
    # Python-Markdown reads no fence there: the lines after it are Markdown, and checked.
    assert content_limits.markdown_problem("A paragraph.\n\n```\n" + "[" * 50 + "\n").startswith("line 4: more than 20 [")


@pytest.mark.parametrize("opening", ["```!", "   ```", "``` x y"], ids=["an info string Markdown refuses", "indented", "two words"])
def test_a_fence_python_markdown_does_not_take_as_code_hides_nothing(opening):
    # Only what Python-Markdown's fenced_code reads as a code block is exempt (markdown_fences.py).
    text = f"A paragraph.\n\n{opening}\n" + "[" * 50 + f"\n{opening.strip().split()[0].rstrip('!')}\n"
    assert content_limits.markdown_problem(text).startswith("line 4: more than 20 [")


@pytest.mark.parametrize(
    "glossary, message",
    [
        ("terms:\n  salw:\n    fr: {use: [ALPC]}\n", "term 'salw': expected 'en: [its English form(s)]'"),
        ("terms:\n  salw:\n    en: [SALW]\n    fr: ALPC\n", "term 'salw', 'fr': expected {use: [form, …], avoid: [form, …]}"),
        ("terms:\n", "expected 'terms:' with one entry per term"),
        ("terms:\n  salw:\n    en: [a*a*b]\n", "term 'salw': 'a*a*b': one '*' per word at most"),
    ],
    ids=["no English", "a language as text", "no terms", "two stars in a word"],
)
def test_a_bad_glossary_stops_the_build_naming_the_term(tmp_path, monkeypatch, glossary, message):
    from jumbo_site.build.file_versions import version
    from jumbo_site.search import search_index

    (tmp_path / "glossary.yml").write_text(glossary, encoding="utf-8")
    monkeypatch.setattr(search_index, "DATA_DIR", tmp_path)
    with pytest.raises(PluginError) as error:
        search_index._glossary(version(tmp_path / "glossary.yml"))  # keyed on the file's version: nothing to clear
    assert message in str(error.value)


def test_a_chain_of_a_thousand_folders_gives_a_message_not_a_traceback(tmp_path):
    from jumbo_site.safety import content_folders

    folders = [tmp_path / "docs"]
    for _ in range(1_100):  # deeper than Python's recursion limit
        folders.append(folders[-1] / "a")
    for folder in folders:
        folder.mkdir()
    (folders[-1] / "link.md").symlink_to(tmp_path / "nowhere")
    try:
        assert "a symbolic link" in content_folders.content_problem(tmp_path)
    finally:  # from the bottom up: shutil.rmtree (pytest's clean-up) recurses, and would fail
        (folders[-1] / "link.md").unlink()
        for folder in reversed(folders):
            folder.rmdir()


def test_a_strings_file_that_is_not_yaml_is_refused_naming_its_file_and_line(strings_copy):
    (strings_copy / "fr.yml").write_text("site.name: Jumbo\nsite.description: [broken\n", encoding="utf-8")
    with pytest.raises(PluginError) as error:
        site_i18n.read_strings(strings_copy / "fr.yml")
    assert str(error.value).startswith("strings/fr.yml, line 3: not valid YAML (")
