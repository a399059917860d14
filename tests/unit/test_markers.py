"""The markers, [[…]]: one pattern (markers.py) for the pages, the translation status and Serbian Latin."""

from __future__ import annotations

from jumbo_site.data.markers import MARKER, NAMES, is_date, markers_in, unknown
from jumbo_site.languages.transliteration import to_latin
from jumbo_site.translations.translation_status import structure


def test_a_marker_is_a_date_or_a_name_and_keeps_the_full_stop_after_it():
    found = [(m["name"], m["stop"]) for m in MARKER.finditer("On [[2021-12-06]]. See [[programme]] and [[Programme]].")]
    assert found == [("2021-12-06", "."), ("programme", ""), ("Programme", ".")]
    assert is_date("2021-12-06") and not is_date("programme")


def test_the_unknown_marker_message_lists_every_name_that_exists():
    message = unknown("[[Programme]]")
    assert "'[[Programme]]'" in message and all(f"[[{name}]]" in message for name in NAMES)


def test_translation_status_and_serbian_latin_read_the_same_markers():
    text = "Програм: [[programme]], датум [[2021-12-06]], [[points]] тачака."
    assert markers_in(text) == ["[[programme]]", "[[2021-12-06]]", "[[points]]"]
    assert structure(text)["markers"] == sorted(markers_in(text))
    assert markers_in(to_latin(text)) == markers_in(text), "a marker is never transliterated"
    assert to_latin(text).startswith("Program: [[programme]]")
