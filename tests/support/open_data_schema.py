"""What the open data schema tests share (tests/{unit,site}/test_open_data_schema.py)."""

from __future__ import annotations

import json

import jsonschema

from support.project import ROOT

SCHEMA = json.loads((ROOT / "jumbo_site" / "takeaways" / "conclusions.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
