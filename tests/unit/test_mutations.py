"""The defect catalogue of scripts/mutation (tests/mutations.yml) cannot rot: every entry
still applies exactly once to the tree and names tests that exist; the appliers do what
the catalogue's header says. In-process, on the catalogue and small inputs; the defects
themselves are run by scripts/mutation, not here."""

from __future__ import annotations

import hashlib

import pytest
from support import mutation
from support.project import ROOT

DEFECTS = mutation.load()


def test_the_catalogue_holds_at_least_45_defects_over_every_kind_of_file():
    assert len(DEFECTS) >= 45
    kinds = {"docs/en/", "docs/fr/", "overrides/", "data/", "strings/", "docs/assets/stylesheets/", "docs/assets/javascripts/", "jumbo_site/", "mkdocs.yml"}
    assert {kind for kind in kinds if any(d.file.startswith(kind) for d in DEFECTS)} == kinds


@pytest.mark.parametrize("defect", DEFECTS, ids=lambda d: d.id)
def test_each_defect_applies_once_to_the_tree_and_names_existing_tests(defect):
    mutation.check_applies(defect)
    assert defect.apply((ROOT / defect.file).read_text(encoding="utf-8")) != (ROOT / defect.file).read_text(encoding="utf-8")


def test_a_find_that_no_longer_matches_once_names_the_entry_and_the_file():
    defect = mutation.Defect("gone", "pages", "x", "docs/en/about.md", "Paris", "Rome", ("tests/unit",))
    for text, count in [("in Lyon", 0), ("Paris and Paris", 2)]:
        with pytest.raises(mutation.CatalogueError, match=f"entry gone: its find text matches {count} times in docs/en/about.md"):
            defect.apply(text)


def test_a_test_that_no_longer_exists_names_the_entry():
    renamed = mutation.Defect("renamed", "pages", "x", "mkdocs.yml", "site_name:", "site_name: ", ("tests/unit/test_pages.py::test_no_such_test[fr]",))
    with pytest.raises(mutation.CatalogueError, match="entry renamed: no test test_no_such_test\\[fr\\] in tests/unit/test_pages.py"):
        mutation.check_applies(renamed)


def test_a_regex_entry_swaps_with_its_groups():
    defect = mutation.Defect("swap", "faithfulness", "x", "f.md", r"^6\. (.*)\n\n7\. (.*)$", "6. \\2\n\n7. \\1", ("t",), regex=True)
    assert defect.apply("5. e\n\n6. six\n\n7. seven\n") == "5. e\n\n6. seven\n\n7. six\n"


def test_a_changed_stylesheet_comes_with_its_new_hash(tmp_path):
    css = tmp_path / "docs/assets/stylesheets/site.css"
    css.parent.mkdir(parents=True)
    css.write_text("a { color: red; }\n", encoding="utf-8")
    manifest = tmp_path / mutation.MANIFEST
    manifest.parent.mkdir(parents=True)
    manifest.write_text(f'SITE_ASSETS = {{\n    "assets/stylesheets/site.css": "{hashlib.sha256(css.read_bytes()).hexdigest()}",\n}}\n', encoding="utf-8")
    mutation.apply(mutation.Defect("css", "look", "x", "docs/assets/stylesheets/site.css", "red", "blue", ("t",)), tmp_path)
    assert hashlib.sha256(b"a { color: blue; }\n").hexdigest() in manifest.read_text(encoding="utf-8")


def test_the_first_failed_or_erroring_test_is_the_one_named():
    output = "....F\n=== short test summary info ===\nFAILED tests/site/test_pages.py::test_x[fr] - AssertionError: no\nERROR tests/site/test_y.py::test_y\n"
    assert mutation.first_failure(output) == "FAILED tests/site/test_pages.py::test_x[fr]"
    assert mutation.first_failure("5 passed in 1.0s\n") == ""
