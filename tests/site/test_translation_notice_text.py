"""Each translated page's notice says its state in words, not only in its
data-translation-status: an outdated page tells the reader the translation is out of
date, a missing one that the English follows, an up-to-date one that the English
prevails (the interface strings notice.<state> of the page's language, and the link
that goes with it). On the session's site, which has a page of each state in every language."""

from __future__ import annotations

import pytest
from support.languages import LANGUAGES, PAGES, page_path, strings_for
from support.project import shown_state
from support.translations import notice


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if not lang.default], ids=lambda lang: lang.locale)
def test_each_notice_says_the_pages_state_in_words(soup, translation_state, language):
    strings = strings_for(language)
    for page in PAGES:
        key = "notice." + (shown_state(translation_state(language, page)) or "authoritative")
        first = notice(soup(page_path(language, page))).select_one("p")
        link = first.select_one("a")
        assert words(first.get_text(" ")) == words(strings[key] + " " + strings[key + ".link"]), page
        assert words(link.get_text()) == words(strings[key + ".link"]), page
