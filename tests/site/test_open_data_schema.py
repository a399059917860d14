"""The open data's schema (jumbo_site/takeaways/conclusions.schema.json) is strict: it refuses
the bad documents issue 27 lists, in-process, on small documents; and the built file names
its source, when and from what it was generated, and that no licence is stated."""

from __future__ import annotations

import json

import yaml
from support.open_data_schema import VALIDATOR
from support.project import ROOT


def test_the_built_open_data_names_its_source_generation_and_that_no_licence_is_stated(site):
    data = json.loads((site / "conclusions.json").read_text(encoding="utf-8"))
    VALIDATOR.validate(data)
    assert data["source"] == {
        "title": "Conclusions of the Sixth Regional (\"Jumbo\") Security Coordination Conference",
        "publisher": "Regional Cooperation Council",
        "date": "2021-12-06",
        "place": "Paris",
    }
    updated = yaml.safe_load((ROOT / "data" / "programme.yml").read_text(encoding="utf-8"))["event"]["updated"]
    assert data["generated"]["at"] == f"{updated.isoformat()}T00:00:00Z"  # event.updated (reproducible_build.py), not the build's clock
    assert "docs/en/conclusions.md" in data["generated"]["from"] and "docs/sr-Latn/conclusions.md" not in data["generated"]["from"]
    assert data["licence"] is None and "stated no licence" in data["licence_note"]
