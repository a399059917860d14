"""Reproducible builds: the same sources, copied elsewhere and built a second time with
nothing from the build cache (the `rebuilt_site` fixture), give the same bytes: the whole
site, each PDF and each link-preview card (jumbo_site/build/reproducible_build.py)."""

from __future__ import annotations

import pytest
from support.languages import LANGUAGES
from support.project import files_of
from support.takeaways import pdf_path


def test_two_builds_of_the_same_sources_are_byte_identical(site, rebuilt_site):
    """The session's site, and the same sources copied elsewhere and built again (so the
    edit tests may compare their builds of a copy with the session's site)."""
    first, second = files_of(site), files_of(rebuilt_site)
    assert first.keys() == second.keys()
    assert [str(name) for name in first if first[name] != second[name]] == []


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_the_pdf_is_byte_identical_across_two_builds(site, rebuilt_site, language):
    assert pdf_path(site, language).read_bytes() == pdf_path(rebuilt_site, language).read_bytes()


def test_the_cards_are_byte_identical_across_two_builds(site, rebuilt_site):
    cards = sorted((site / "assets" / "images").glob("og-*.png"))
    assert len(cards) == len(LANGUAGES)
    for path in cards:
        assert path.read_bytes() == (rebuilt_site / path.relative_to(site)).read_bytes()
