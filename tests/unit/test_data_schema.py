"""The data files' shape as JSON Schemas (jumbo_site/data/schemas/), checked in-process on small
inputs: each problem names the file, the entry and the field, in the file's order."""

from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator
from mkdocs.exceptions import PluginError
from support.project import ROOT

from jumbo_site.data.data_schema import SCHEMAS, check
from jumbo_site.data.strict_yaml import load_strict

# As the build reads them (dates as text).
PROGRAMME = load_strict((ROOT / "data/programme.yml").read_text(encoding="utf-8"))
PARTNERS = load_strict((ROOT / "data/partners.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("file", ["programme.yml", "partners.yml"])
def test_each_data_file_names_its_schema_for_editors_and_the_schema_is_valid(file):
    first = (ROOT / "data" / file).read_text(encoding="utf-8").splitlines()[0]
    schema = file.replace(".yml", ".schema.json")
    assert first == f"# yaml-language-server: $schema=../jumbo_site/data/schemas/{schema}"
    Draft202012Validator.check_schema(json.loads((SCHEMAS / schema).read_text(encoding="utf-8")))


def bad(data, change):
    data = copy.deepcopy(data)
    change(data)
    return data


def session(index: int) -> str:
    return f"sessions[{index}] (id: {PROGRAMME['sessions'][index]['id']})"


CASES = [
    ("order: true", "programme.yml", bad(PROGRAMME, lambda d: d["sessions"][0].update(order=True)), f"{session(0)}, field 'order': expected a whole number from 1."),
    ("unknown field", "programme.yml", bad(PROGRAMME, lambda d: d["sessions"][1].update(speaker="S")), f"{session(1)}, field 'speaker': unknown field; the fields are id, kind"),
    ("missing kind", "programme.yml", bad(PROGRAMME, lambda d: d["sessions"][2].pop("kind")), f"{session(2)}, field 'kind': missing."),
    ("unknown kind", "programme.yml", bad(PROGRAMME, lambda d: d["sessions"][2].update(kind="panel")), f"{session(2)}, field 'kind': 'panel' is not a kind; the kinds are debate, summary."),
    ("a presenter without record", "programme.yml", bad(PROGRAMME, lambda d: d["sessions"][3].update(presenters=[{"partner": "rcc", "point": 8}])), f"{session(3)}, field 'presenters': each presenter has partner, point and record"),
    ("a time as a number", "programme.yml", bad(PROGRAMME, lambda d: d["sessions"][1].update(start=600)), f"{session(1)}, field 'start': '600' is not a time"),
    ("a text that is not per language", "programme.yml", bad(PROGRAMME, lambda d: d["sessions"][0].update(title="x")), f"{session(0)}, field 'title': expected one line per language"),
    ("country", "programme.yml", bad(PROGRAMME, lambda d: d["event"].update(country="France")), "event, field 'country': 'France' is not a country code"),
    ("not an id", "partners.yml", bad(PARTNERS, lambda d: d["partners"][0].update(id="RCC")), "partners[0] (id: RCC), field 'id': 'RCC' is not an id"),
    ("http website", "partners.yml", bad(PARTNERS, lambda d: d["partners"][0].update(website="http://www.rcc.int/")), "partners[0] (id: rcc), field 'website': expected an https:// address"),
    ("unknown role", "partners.yml", bad(PARTNERS, lambda d: d["partners"][1].update(role="host")), f"partners[1] (id: {PARTNERS['partners'][1]['id']}), field 'role': 'host' is not a role"),
]


@pytest.mark.parametrize("name, file, data, expected", CASES, ids=[case[0] for case in CASES])
def test_a_problem_names_the_file_entry_and_field_with_the_schema_s_words(name, file, data, expected):
    with pytest.raises(PluginError) as error:
        check(file, data)
    assert str(error.value).startswith(f"data/{file}: ") and expected in str(error.value)


def test_the_first_problem_in_the_file_s_order_is_the_one_named():
    data = bad(PROGRAMME, lambda d: (d["sessions"][2].update(order=0), d["sessions"][1].update(kind="panel"), d["event"].update(country="fr")))
    with pytest.raises(PluginError, match=r"event, field 'country'"):
        check("programme.yml", data)
    with pytest.raises(PluginError, match=r"sessions\[1\]"):
        check("programme.yml", bad(data, lambda d: d["event"].update(country="FR")))


def test_the_site_s_data_has_the_shape_its_schemas_give():
    check("programme.yml", PROGRAMME)
    check("partners.yml", PARTNERS)


def test_data_found_valid_is_kept_and_the_same_data_made_invalid_is_refused_again(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_CACHE", str(tmp_path / "cache"))
    check("programme.yml", PROGRAMME)  # valid: kept (build_cache.py)
    assert len(list((tmp_path / "cache").rglob("data-schema/*"))) == 1
    check("programme.yml", PROGRAMME)  # read from the cache: no new entry
    assert len(list((tmp_path / "cache").rglob("data-schema/*"))) == 1
    with pytest.raises(PluginError, match=r"field 'kind': 'panel' is not a kind"):  # a changed value is a new key
        check("programme.yml", bad(PROGRAMME, lambda d: d["sessions"][2].update(kind="panel")))
    assert PROGRAMME["sessions"][0]["order"] == 1 == True  # noqa: E712: equal in Python, not in the schema
    with pytest.raises(PluginError, match=r"field 'order': expected a whole number"):  # so is a changed type
        check("programme.yml", bad(PROGRAMME, lambda d: d["sessions"][0].update(order=True)))
