"""The shape of data/programme.yml and data/partners.yml, as JSON Schemas.

The schemas (jumbo_site/data/schemas/*.schema.json) say which fields each entry has, their
types, the ids, roles, kinds, dates, times and addresses allowed; each data file
names its schema in a `yaml-language-server` comment, so an editor with a YAML
extension gets completion and the same messages while typing. Here jsonschema
validates the file as read; the first problem, in the order of the file, stops the
build naming the file, the entry (its place and id) and the field, with the
schema's own `errorMessage` for that field. What one field cannot say alone stays in
code (conference_data.py): every language present, ids that exist, a presenter's
point among the session's, an end after its start, no duplicate id or order.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from mkdocs.exceptions import PluginError

from jumbo_site.build.build_cache import cached, key

SCHEMAS = Path(__file__).resolve().parent / "schemas"
VALID = b"valid"


@functools.cache
def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def schema_name(file: str) -> str:
    return f"{Path(file).stem}.schema.json"


def check(file: str, data) -> None:
    """Stop the build on the first problem in data/<file>, in the file's order. Data found valid
    is kept so in the build cache (build_cache.py; its folder is one per jsonschema version),
    keyed on this module, the schema's bytes and the data as read (its repr, which has each
    value's type): the next build of the same data does not load jsonschema (some 45 ms)."""
    source = (SCHEMAS / schema_name(file)).read_bytes()  # validated against these very bytes
    cached("data-schema", key(Path(__file__).read_bytes(), source, repr(data)), lambda: _validate(file, data, json.loads(source)))


def _validate(file: str, data, schema: dict) -> bytes:
    from jsonschema import Draft202012Validator  # only for data not yet found valid

    Draft202012Validator.check_schema(schema)
    errors = list(Draft202012Validator(schema).iter_errors(data))
    if errors:
        first = min(errors, key=lambda error: _place(data, list(error.absolute_path)))
        raise PluginError(message(file, data, schema, first))
    return VALID


# Where in the file a path points: each step's position among its siblings.
def _place(data, path: list) -> tuple:
    place, node = [], data
    for step in path:
        place.append(list(node).index(step) if isinstance(node, dict) else step)
        node = node[step]
    return tuple(place)


def _resolve(root: dict, schema: dict) -> dict:
    while "$ref" in schema:
        target = root
        for key in schema["$ref"].removeprefix("#/").split("/"):
            target = target[key]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def schema_field(file: str, *path) -> dict:
    """The schema of one field, e.g. schema_field("partners.yml", "partners", 0, "role")."""
    root = _schema(schema_name(file))
    schema = _resolve(root, root)
    for step in path:
        schema = _resolve(root, schema["items"] if isinstance(step, int) else schema["properties"][step])
    return schema


# The field's schema along an instance path, and the deepest errorMessage on the way.
def _field_message(root: dict, path: list) -> str | None:
    schema, found = _resolve(root, root), None
    for step in path:
        schema = _resolve(root, schema.get("items", {}) if isinstance(step, int) else schema.get("properties", {}).get(step, {}))
        found = schema.get("errorMessage", found)
    return found


def message(file: str, data, root: dict, error) -> str:  # error: a jsonschema ValidationError
    path = list(error.absolute_path)
    entry_level = 2 if len(path) >= 2 and isinstance(path[1], int) else 1  # sessions[3] / event
    if len(path) > entry_level and error.validator in ("required", "additionalProperties"):
        problem = _field_message(root, path) or error.message  # inside a field: the field's own words
    elif error.validator == "required":
        path.append(next(key for key in error.validator_value if key not in error.instance))
        problem = "missing"
    elif error.validator == "additionalProperties":
        allowed = list(_resolve(root, error.schema).get("properties", {}))
        path.append(next(key for key in error.instance if key not in allowed))
        problem = f"unknown field; the fields are {', '.join(allowed)}"
    else:
        template = _field_message(root, path) or error.message
        problem = template.replace("{value}", str(error.instance))
    # data/<file>: <entry>, field '<field>': <problem>.
    if len(path) >= 2 and isinstance(path[1], int):
        entry = data[path[0]][path[1]]
        label = f"{path[0]}[{path[1]}]" + (f" (id: {entry['id']})" if isinstance(entry, dict) and "id" in entry else "")
        field = path[2] if len(path) > 2 else None
    elif len(path) >= 2:
        label, field = str(path[0]), path[1]
    else:
        label, field = "the file", path[0] if path else None
    where = f", field '{field}'" if field is not None else ""
    return f"data/{file}: {label}{where}: {problem}."

