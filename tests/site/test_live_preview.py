"""The editor's loop: a one-language preview that reloads after a save, a quiet log
in which a warning still stops the build, and the diff of the English since a
translation's version. (The locked dependencies: tests/builds/test_setup.py.)
Speed is measured by scripts/benchmark-build, not asserted here."""

from __future__ import annotations


def test_the_translation_status_page_names_the_diff_command(soup):
    assert "scripts/translations diff LANGUAGE PAGE" in soup("translations/").get_text()
