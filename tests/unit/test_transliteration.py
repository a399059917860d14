"""Serbian Cyrillic to Latin: letters, digraphs, and what must never change."""

from __future__ import annotations

import pytest

from jumbo_site.languages.transliteration import markdown_to_latin, slugify, to_latin


@pytest.mark.parametrize(
    "cyrillic,latin",
    [
        ("Љубљана", "Ljubljana"),  # digraph capitalised as a title
        ("ЉУБЉАНА", "LJUBLJANA"),  # all capitals inside an all-capital word
        ("Њ", "Nj"),  # a lone capital is a title, not an acronym
        ("ЊЕГОШ", "NJEGOŠ"),
        ("Џеп", "Džep"),
        ("ЏЕП", "DŽEP"),
        ("ђак, ћерка, жена, чаша, шума", "đak, ćerka, žena, čaša, šuma"),
        ("Савет за регионалну сарадњу", "Savet za regionalnu saradnju"),
        ("EU и УНОДЦ", "EU i UNODC"),  # Latin left as it is
        ("1244/1999", "1244/1999"),
    ],
)
def test_letters_and_digraphs(cyrillic, latin):
    assert to_latin(cyrillic) == latin


def test_link_targets_and_anchors_stay_as_they_are():
    source = "[Закључци](conclusions.md#point-6) и [веза](https://пример.срб/страна?q=ш)"
    assert markdown_to_latin(source) == "[Zaključci](conclusions.md#point-6) i [veza](https://пример.срб/страна?q=ш)"


def test_code_stays_as_it_is():
    source = "Текст `код` текст\n\n```\nблок кода\n```\n"
    assert markdown_to_latin(source) == "Tekst `код` tekst\n\n```\nблок кода\n```\n"


def test_html_attributes_stay_and_text_changes():
    source = '<span title="наслов" id="сидро">текст</span>'
    assert markdown_to_latin(source) == '<span title="наслов" id="сидро">tekst</span>'


def test_attribute_lists_reference_definitions_and_markers_stay():
    source = "## Наслов { #сидро }\n\n[веза]: https://пример.срб/\n\nДатум: [[2021-12-06]]\n"
    assert markdown_to_latin(source) == "## Naslov { #сидро }\n\n[веза]: https://пример.срб/\n\nDatum: [[2021-12-06]]\n"


def test_front_matter_values_are_transliterated():
    assert markdown_to_latin("---\ntitle: Програм\n---\n") == "---\ntitle: Program\n---\n"


def test_heading_ids_are_the_same_in_both_scripts():
    assert slugify("Дебата 1: Насилни екстремизам", "-") == slugify("Debata 1: Nasilni ekstremizam", "-")
    assert slugify("Дебата 1: Насилни екстремизам", "-") == "debata-1-nasilni-ekstremizam"
    assert slugify("Ђорђе и Ћуприја", "-") == "djordje-i-cuprija"
    assert slugify("Débat 3 : criminalité organisée", "-") == "debat-3-criminalite-organisee"
