"""YAML read strictly, for the files editors write (data/*.yml, front matter).

PyYAML's safe loader keeps the last of two equal keys without a word, and turns
anything that looks like a date into one, failing with a bare ValueError on
2021-13-45. Here a repeated key is an error naming its line, and dates stay text,
checked by whoever reads them (conference_data.py), so a bad one is named with
its entry and field. load_strict refuses anchors, aliases, tags and deep nesting
before any value is built (content_limits.py): no billion laughs, no !!timestamp
or !!set tracebacks. read_data_file gives errors that name the file and line.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from jumbo_site.safety.content_limits import utf8_problem, yaml_problem


# libyaml's parser where PyYAML has it (ten times faster), else PyYAML's own.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(SafeLoader):
    """SafeLoader without silent duplicate keys and without implicit dates."""

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                raise yaml.constructor.ConstructorError(None, None, "a key must be a single word", key_node.start_mark)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key '{key}' appears twice (also on line {seen[key] + 1})", key_node.start_mark
                )
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


# Dates are read as text: remove the implicit timestamp resolver from this loader only.
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}


def load_strict(text: str):
    """YAML an editor wrote, read with StrictLoader; anchors, aliases, tags and deep
    nesting are refused before any value is built. Every problem is a YAMLError."""
    if found := yaml_problem(text):
        line, problem = found
        raise yaml.MarkedYAMLError(problem=problem, problem_mark=yaml.Mark("", 0, line - 1, 0, None, None))
    try:
        return yaml.load(text, Loader=StrictLoader)
    except (ValueError, TypeError, RecursionError) as error:  # a value PyYAML cannot build; not expected after yaml_problem
        raise yaml.YAMLError(f"a value YAML cannot read: {error}") from None


def read_utf8(path: Path, name: str) -> str:
    """A content file's text; a byte that is not UTF-8 stops the build naming the file, line and column."""
    data = path.read_bytes()
    if problem := utf8_problem(data):
        raise PluginError(f"{name}, {problem}.")
    return data.decode("utf-8")


def read_yaml_file(path: Path, shown: str):
    """An editor's YAML file read strictly; a YAML error stops the build naming the file as
    shown to editors (shown) and the line."""
    try:
        return load_strict(read_utf8(path, shown))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark else ""
        raise PluginError(f"{shown}{line}: not valid YAML ({getattr(error, 'problem', error)}).") from None


def read_data_file(path: Path, name: str, keys: tuple[str, ...]):
    """A data file's top-level mapping, with exactly the given keys allowed; errors name data/<name>."""
    try:
        data = read_yaml_file(path, f"data/{name}")
    except FileNotFoundError:
        raise PluginError(f"data/{name} is missing.") from None
    if not isinstance(data, dict):
        raise PluginError(f"data/{name}: expected 'key: value' lines at the top level ({', '.join(keys)}).")
    if unknown := [key for key in data if key not in keys]:
        raise PluginError(f"data/{name}: unknown top-level key '{unknown[0]}'; the keys are {', '.join(keys)}.")
    return data
