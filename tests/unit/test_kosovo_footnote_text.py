"""The Kosovo* footnote keeps, in every language, the two references of the standard EU/RCC
wording: UN Security Council resolution 1244/1999 and the International Court of
Justice's opinion. A translator's rewording that drops one still builds, and the page
tests see a footnote; this reads each language's strings (Serbian Latin as the build
makes it from sr), in-process."""

from __future__ import annotations

import pytest
from support.languages import LANGUAGES, strings_for

from jumbo_site.languages.transliteration import to_latin

# The opinion, as each language's footnote names it (the source language's form).
OPINION = {
    "en": "ICJ Opinion",
    "fr": "l’avis de la CIJ",
    "sq": "Opinionin e Gjykatës Ndërkombëtare të Drejtësisë",
    "bs": "mišljenjem Međunarodnog suda pravde",
    "hr": "mišljenjem Međunarodnog suda",
    "cnr": "mišljenjem Međunarodnog suda pravde",
    "mk": "Мислењето на Меѓународниот суд на правдата",
    "sr": "мишљењем Међународног суда правде",
}


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_the_footnote_names_resolution_1244_and_the_icj_opinion(language):
    footnote = " ".join(strings_for(language)["kosovo.footnote"].split())
    opinion = OPINION[language.transliterate_from or language.locale]
    assert "1244/1999" in footnote, footnote
    assert (to_latin(opinion) if language.transliterate_from else opinion) in footnote, footnote
