"""Search in each reader's language, in the browser: Cyrillic, diacritics, both Serbian scripts."""

from __future__ import annotations

import copy
import json


def test_materials_merged_index_is_not_published(site):
    assert not (site / "search/search_index.json").exists()


def test_the_equivalents_are_in_the_index_not_on_the_page(site, soup):
    """The French page says "ALPC" only; "SALW" is in its index, for search alone."""
    index = json.loads((site / "fr/search/index.json").read_text(encoding="utf-8"))
    [point_4] = [s for s in index["sections"] if s["url"] == "fr/conclusions/#point-4"]
    assert "SALW" in point_4["also"].split() and "SALW" not in point_4["text"]
    points = copy.copy(soup("fr/conclusions/").select_one("article ol.numbered-points"))
    for english in points.select('[lang="en"]'):  # the English point, to compare with
        english.decompose()
    assert "ALPC" in points.get_text() and "SALW" not in points.get_text()
