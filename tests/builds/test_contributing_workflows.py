"""The editors' workflows of CONTRIBUTING.md, on a copy of the repository: each one,
committed alone, leaves the checks of the site's state green. One strict build of the
copy (by the copy's own tests, which check the site's state: its pages in every
language, their notices and data), and the copy's `scripts/translations --check`."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup
from support.project import BUILD_TIMEOUT, ROOT, read_yaml

from jumbo_site.data.conference_data import ROLES

# The copy's tests that read the state of its site and data (not its bad-input builds).
STATE_TESTS = [
    "tests/site/test_conference_data.py::test_each_language_has_a_calendar_file_that_parses",
    "tests/site/test_conference_data.py::test_programme_shows_the_sessions_of_the_data_in_the_page_language",
    "tests/unit/test_translations.py::test_the_sites_translations_pass_the_check_whatever_their_state",
    "tests/site/test_translations.py::test_the_status_page_is_english_only_and_lists_every_language",
    "tests/site/test_translations.py::test_each_pages_notice_tells_its_state_and_sends_translators_to_the_folder_that_holds_it",
    "tests/unit/test_pages.py",
    "tests/site/test_pages.py",
    "tests/unit/test_languages.py",
    "tests/site/test_languages.py",
    "tests/site/test_faithfulness.py::test_translated_pages_carry_no_english_attribute",
    "tests/site/test_faithfulness.py::test_pages_use_the_glossary_forms_of_their_language",
    "tests/site/test_reading.py::test_home_partners_are_grouped_by_role_as_on_the_partners_page",
    "tests/site/test_conference_data.py::test_partners_page_lists_every_partner_with_an_anchor",
    "tests/builds/test_conference_data.py::test_bad_data_stops_the_build_naming_file_entry_and_field",
]
ENGLISH_PAGE = "docs/en/about.md"
ADDED = "The conference conclusions are available in nine languages on this site."
NEW_PAGE = "docs/en/documents.md"
NEW_PAGE_TEXT = """---
title: Documents
description: The documents of the conference on this site.
---

# Documents

The [conclusions](conclusions.md) of the conference are published on this site in every language.
"""


def git(repository: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}  # fmt: skip
    result = subprocess.run(["git", *args], cwd=repository, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def in_copy(repository: Path) -> dict:
    """The environment for commands in the copy: it shares this work tree's .venv, whose
    editable install points to this work tree's package; the copy's own comes first."""
    return {**os.environ, "PYTHONPATH": str(repository)}


def commit_only(repository: Path, path: str, message: str, *more: str) -> None:
    """Commit the file the editor changed (and the few the workflow names); nothing else
    needs changing with it."""
    git(repository, "add", "--", path, *more)
    git(repository, "commit", "-q", "-m", message, "--", path, *more)
    assert git(repository, "status", "--porcelain") == ""


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> dict:
    """A git repository holding the project's files (as in this work tree), and in it
    the three workflows, one commit each."""
    repository = tmp_path_factory.mktemp("editor") / "repository"
    files = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (repository / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repository / name)
    git(repository, "init", "-q", "-b", "main")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "The project as it is")
    (repository / ".venv").symlink_to(ROOT / ".venv")  # the scripts' environment, not part of the repository
    (repository / ".git/info/exclude").write_text(".venv\n", encoding="utf-8")

    # 1. Change an English page (its translations become outdated).
    page = repository / ENGLISH_PAGE
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{ADDED}\n", encoding="utf-8")
    commit_only(repository, ENGLISH_PAGE, "About: one more sentence")

    # 2. Change event.updated to a later date.
    data = repository / "data/programme.yml"
    updated = read_yaml(data)["event"]["updated"] + datetime.timedelta(days=1)
    text, count = re.subn(r"(?m)^  updated: .*$", f"  updated: {updated.isoformat()}", data.read_text(encoding="utf-8"))
    assert count == 1
    data.write_text(text, encoding="utf-8")
    commit_only(repository, "data/programme.yml", "Programme: updated")

    # 3. Give the first debate without times a start and an end. (Only where a point
    # gives them, says CONTRIBUTING; test_faithful.py holds the data to the record,
    # which gives none: not run here, that check would rightly refuse this time.)
    sessions = read_yaml(data)["sessions"]
    untimed = next(s for s in sessions if s["kind"] == "debate" and "start" not in s)
    text = data.read_text(encoding="utf-8")
    marker = f"  - id: {untimed['id']}\n"
    assert text.count(marker) == 1
    text = text.replace(marker, marker + '    start: "09:30"\n    end: "10:15"\n')
    data.write_text(text, encoding="utf-8")
    commit_only(repository, "data/programme.yml", f"Programme: times of {untimed['id']}")

    # 4. Add an English page, translated into no language yet, and list it in the navigation.
    (repository / NEW_PAGE).write_text(NEW_PAGE_TEXT, encoding="utf-8")
    config = repository / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("\n  - about.md\n") == 1
    config.write_text(text.replace("\n  - about.md\n", "\n  - about.md\n  - documents.md\n"), encoding="utf-8")
    commit_only(repository, NEW_PAGE, "Documents: a new English page", "mkdocs.yml")

    # 5. Reorder the partners (here: the whole list reversed).
    partners = repository / "data/partners.yml"
    head, _, entries = partners.read_text(encoding="utf-8").partition("partners:\n")
    blocks = [block.strip("\n") for block in re.split(r"(?m)^(?=  - id: )", entries) if block.strip()]
    assert len(blocks) == len(read_yaml(partners)["partners"]) > 2
    partners.write_text(head + "partners:\n" + "\n\n".join(reversed(blocks)) + "\n", encoding="utf-8")
    order = [p["id"] for role in ROLES for p in read_yaml(partners)["partners"] if p["role"] == role]  # as the page groups them
    commit_only(repository, "data/partners.yml", "Partners: a new order")
    return {"repository": repository, "updated": updated, "session": untimed["id"], "partners": order}


def test_the_translation_check_passes_and_reports_the_outdated_page(edited):
    result = subprocess.run(
        ["bash", "scripts/translations", "--check"], cwd=edited["repository"], env=in_copy(edited["repository"]), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    [row] = [line for line in result.stdout.splitlines() if line.startswith("about.md ")]
    assert "outdated" in row and "up to date" not in row, result.stdout


def test_the_copys_own_tests_of_the_sites_state_pass_on_its_strict_build(edited, tmp_path):
    """The copy's pytest builds its site once, strictly, and checks it (the tests that
    used to fail on these workflows among them); then a look at that build."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--basetemp={tmp_path / 'run'}", *STATE_TESTS],
        cwd=edited["repository"], env=in_copy(edited["repository"]), capture_output=True, text=True, timeout=BUILD_TIMEOUT + 300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    assert re.search(r"\b\d{3,} passed", result.stdout) and "skipped" not in result.stdout, result.stdout[-2000:]

    [site] = [path.parent for path in (tmp_path / "run").glob("site[0-9]*/sitemap.xml")]
    programme = BeautifulSoup((site / "fr/programme/index.html").read_text(encoding="utf-8"), "lxml")
    section = programme.select_one(f"h2#{edited['session']}").find_next(class_="session-time")
    assert [t["datetime"] for t in section.select("time")] == ["2021-12-06T09:30", "2021-12-06T10:15"]
    [event] = icalendar.Calendar.from_ical((site / "fr/jumbo-2021-fr.ics").read_bytes()).walk("VEVENT")[:1]
    assert event.decoded("dtstamp").date() == edited["updated"]
    about = BeautifulSoup((site / "fr/about/index.html").read_text(encoding="utf-8"), "lxml")
    assert about.select_one(".translation-notice")["data-translation-status"] == "outdated"
    assert ADDED in (site / "about/index.html").read_text(encoding="utf-8")
    for locale in ("fr", "sr", "sr-Latn"):  # the new page: English under each language's notice
        documents = BeautifulSoup((site / locale / "documents/index.html").read_text(encoding="utf-8"), "lxml")
        assert documents.select_one(".translation-notice")["data-translation-status"] == "missing"
        assert documents.select_one('div[lang="en"] h1').get_text(strip=True).rstrip("¶") == "Documents"
    partners_page = BeautifulSoup((site / "fr/partners/index.html").read_text(encoding="utf-8"), "lxml")
    assert [li["id"] for li in partners_page.select("article li[id^=partner-]")] == [f"partner-{pid}" for pid in edited["partners"]]
