"""The link-preview cards are shaped with their language set (libraqm), so Macedonian and
Serbian show their own letter forms (the bundled font's `locl`: б), and a Pillow that
cannot shape stops the build with how to fix it rather than drawing unshaped text."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError
from PIL import features

from jumbo_site.page import link_previews

WORDS = ("безбедноста", "СОВЕТ ЗА РЕГИОНАЛНА СОРАБОТКА", "Париз · 6 декември 2021 г.")


def test_this_pillow_shapes_text():
    assert features.check("raqm")
    link_previews.check_shaping()


@pytest.mark.parametrize("language", ["mk", "sr-Cyrl"])
def test_a_card_in_macedonian_or_serbian_differs_from_the_russian_letter_forms(language):
    # Russian has no locl in the font: its б is the default form, which an unshaped card shows for every language.
    assert link_previews.draw_card(*WORDS, language) != link_previews.draw_card(*WORDS, "ru")


def test_a_card_without_shaping_stops_the_build_with_the_fix(monkeypatch):
    monkeypatch.setattr(features, "check", lambda name: name != "raqm")
    with pytest.raises(PluginError, match=r"libraqm.*apt-get install libfribidi0"):
        link_previews.check_shaping()
