"""The build's order is a tested fact: the handlers MkDocs registers, event by event,
are README's table "How a page is built", and every step is in it once."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from mkdocs.config import load_config

ROW = re.compile(r"^\| `(?P<event>[a-z_]+)` \| (?P<priority>-?\d+) \| (?P<who>[^|]+?) \| (?P<steps>[^|]*?) \|$")


def registered() -> list[tuple[str, int, str, tuple[str, ...]]]:
    """(event, priority, whose handler, the site's steps in it) as MkDocs will call them."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = next(hook for name, hook in config.plugins.items() if name.endswith("site_plugin.py"))
    groups = {(event, group.priority): group for event, event_groups in plugin.BUILD.items() for group in event_groups}
    rows = []
    for event, handlers in config.plugins.events.items():
        for handler in handlers:
            priority = getattr(handler, "mkdocs_priority", 0)
            owner = getattr(handler, "__self__", None)
            if owner is None:  # the site's own: a group of steps
                steps = tuple(f"{step.__module__}.{step.__name__}" for step in groups[event, priority].steps)
                rows.append((event, priority, "site", steps))
            else:
                name = next(key for key, value in config.plugins.items() if value is owner)
                rows.append((event, priority, name, ()))
    return rows


def readme_table() -> list[tuple[str, int, str, tuple[str, ...]]]:
    section = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## How a page is built\n", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        if match := ROW.match(line):
            steps = tuple(step.strip(" `") for step in match["steps"].split(",") if step.strip())
            rows.append((match["event"], int(match["priority"]), match["who"].strip(" `"), steps))
    return rows


def by_event(rows) -> dict[str, list]:
    events: dict[str, list] = {}
    for row in rows:
        events.setdefault(row[0], []).append(row)
    return events


# Each event's handlers in the order MkDocs calls them (the README lists the events as a build meets them).
def test_the_handlers_mkdocs_registers_are_the_readme_s_table_in_order():
    assert readme_table(), "README has no table under 'How a page is built'"
    assert by_event(readme_table()) == by_event(registered())


def test_the_site_is_one_hook_and_every_step_runs_once_per_event():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert list(config["hooks"]) == ["overrides/hooks/site_plugin.py"]
    steps = [(event, step) for event, _, who, group in registered() if who == "site" for step in group]
    assert len(steps) == len(set(steps)), "a step listed twice for one event"


def test_every_event_function_of_a_concern_module_is_a_step():
    """A module's on_<event> that site_plugin.py does not list would never run."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = next(iter(config["hooks"].values()))
    listed = {(step.__module__, step.__name__) for groups in plugin.BUILD.values() for group in groups for step in group.steps}
    for path in sorted((ROOT / "overrides/hooks").glob("*.py")):
        if path.stem not in ("site_plugin", "i18n_language_codes"):
            for name in re.findall(r"^def (on_[a-z_]+)\(", path.read_text(encoding="utf-8"), re.M):
                assert (path.stem, name) in listed, f"{path.stem}.{name} is not in site_plugin.BUILD"


@pytest.mark.parametrize("module", sorted(p.stem for p in (ROOT / "overrides/hooks").glob("*.py")))
def test_no_concern_module_decides_its_own_order(module):
    text = (ROOT / "overrides/hooks" / f"{module}.py").read_text(encoding="utf-8")
    if module not in ("site_plugin", "i18n_language_codes"):  # the order, and the i18n plugin (a plugin of its own)
        assert "event_priority" not in text and "CombinedEvent" not in text


def test_no_module_of_the_build_imports_itself_back_through_others():
    import ast

    modules = {path.stem: path for path in (ROOT / "overrides/hooks").glob("*.py")}
    imports = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):  # function bodies too
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
        imports[name] = (found & modules.keys()) - {name}

    def reaches(start: str) -> set[str]:
        seen, todo = set(), list(imports[start])
        while todo:
            if (module := todo.pop()) not in seen:
                seen.add(module)
                todo.extend(imports[module])
        return seen

    assert [name for name in modules if name in reaches(name)] == []
