"""The open data's schema (jumbo_site/takeaways/conclusions.schema.json) is strict: it refuses
the bad documents issue 27 lists, in-process, on small documents; and the built file names
its source, when and from what it was generated, and that no licence is stated."""

from __future__ import annotations

import copy

import jsonschema
import pytest
from support.open_data_schema import SCHEMA, VALIDATOR

SITE = "https://example.org/jumbo/"


def language(code: str, authoritative: bool = False) -> dict:
    page = f"{SITE}{code}/conclusions/"
    return {
        "code": code,
        "name": code,
        "authoritative": authoritative,
        "title": "Conclusions",
        "url": page,
        "pdf": f"{SITE}{code}/jumbo-2021-conclusions-{code}.pdf",
        "points": [{"number": n, "id": f"point-{n}", "url": f"{page}#point-{n}", "text": f"Point {n}."} for n in range(1, 12)],
    }


def good() -> dict:
    return {
        "$schema": SITE + "conclusions.schema.json",
        "site": SITE,
        "source": {"title": "Conclusions", "publisher": "Regional Cooperation Council", "date": "2021-12-06", "place": "Paris"},
        "generated": {"at": "2026-12-06T00:00:00Z", "from": ["docs/en/conclusions.md", "data/programme.yml"], "commit": None},
        "licence": None,
        "licence_note": "The Regional Cooperation Council has stated no licence.",
        "languages": [language("en", True), language("mk")],
    }


def test_the_schema_is_a_2020_12_schema_and_takes_a_good_document():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    VALIDATOR.validate(good())


def point_99_with_the_id_of_point_1(doc):
    doc["languages"][1]["points"][0]["number"] = 99


def a_language_twice(doc):
    doc["languages"].append(language("mk"))


def ten_points(doc):
    doc["languages"][1]["points"].pop()


def twelve_points(doc):
    doc["languages"][1]["points"].append(dict(doc["languages"][1]["points"][-1], number=12, id="point-12"))


def points_out_of_order(doc):
    points = doc["languages"][0]["points"]
    points[0], points[1] = points[1], points[0]


def an_http_link(doc):
    doc["languages"][1]["points"][3]["url"] = doc["languages"][1]["points"][3]["url"].replace("https:", "http:")


def an_http_pdf(doc):
    doc["languages"][0]["pdf"] = "http://example.org/jumbo/en.pdf"


def an_http_site(doc):
    doc["site"] = "http://example.org/jumbo/"


def a_date_that_is_no_date(doc):
    doc["source"]["date"] = "2021-12-32"


def a_date_as_words(doc):
    doc["source"]["date"] = "6 December 2021"


def a_generation_time_that_is_no_time(doc):
    doc["generated"]["at"] = "yesterday"


def no_source(doc):
    del doc["source"]


def no_licence_field(doc):
    del doc["licence"]


def no_licence_and_no_note(doc):
    doc["licence_note"] = None


def an_invented_field(doc):
    doc["languages"][0]["points"][0]["summary"] = "…"


def two_authoritative_texts(doc):
    doc["languages"][1]["authoritative"] = True


@pytest.mark.parametrize(
    "spoil",
    [
        point_99_with_the_id_of_point_1, a_language_twice, ten_points, twelve_points, points_out_of_order,
        an_http_link, an_http_pdf, an_http_site, a_date_that_is_no_date, a_date_as_words,
        a_generation_time_that_is_no_time, no_source, no_licence_field, no_licence_and_no_note,
        an_invented_field, two_authoritative_texts,
    ],
    ids=lambda spoil: spoil.__name__,
)  # fmt: skip
def test_the_schema_refuses_a_bad_document(spoil):
    doc = copy.deepcopy(good())
    assert VALIDATOR.is_valid(doc)  # refused for this spoiling alone
    spoil(doc)
    assert not VALIDATOR.is_valid(doc)


def test_a_licence_the_rcc_states_fits_the_field_for_it():
    doc = good()
    doc.update(licence={"name": "A licence", "url": "https://example.org/licence"}, licence_note=None)
    VALIDATOR.validate(doc)
