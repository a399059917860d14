"""The build's order is a tested fact: the handlers MkDocs registers, event by event,
are README's table "How a page is built", and every step is in it once."""

from __future__ import annotations

import re

import pytest
from mkdocs.config import load_config
from support.project import PACKAGE, ROOT

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
                steps = tuple(f"{step.__module__.rsplit('.', 1)[-1]}.{step.__name__}" for step in groups[event, priority].steps)
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


# The build's modules by name (names are unique across the package's folders).
MODULES = {path.stem: path for path in sorted(PACKAGE.rglob("*.py")) if path.name != "__init__.py"}


# Each event's handlers in the order MkDocs calls them (the README lists the events as a build meets them).
def test_the_handlers_mkdocs_registers_are_the_readme_s_table_in_order():
    assert readme_table(), "README has no table under 'How a page is built'"
    assert by_event(readme_table()) == by_event(registered())


def test_the_site_is_one_hook_and_every_step_runs_once_per_event():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert list(config["hooks"]) == ["jumbo_site/build/site_plugin.py"]
    steps = [(event, step) for event, _, who, group in registered() if who == "site" for step in group]
    assert len(steps) == len(set(steps)), "a step listed twice for one event"


def test_every_event_function_of_a_concern_module_is_a_step():
    """A module's on_<event> that site_plugin.py does not list would never run."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = next(iter(config["hooks"].values()))
    listed = {(step.__module__.rsplit(".", 1)[-1], step.__name__) for groups in plugin.BUILD.values() for group in groups for step in group.steps}
    for path in MODULES.values():
        if path.stem not in ("site_plugin", "i18n_language_codes"):
            for name in re.findall(r"^def (on_[a-z_]+)\(", path.read_text(encoding="utf-8"), re.M):
                assert (path.stem, name) in listed, f"{path.stem}.{name} is not in site_plugin.BUILD"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_concern_module_decides_its_own_order(module):
    text = MODULES[module].read_text(encoding="utf-8")
    if module not in ("site_plugin", "i18n_language_codes"):  # the order, and the i18n plugin (a plugin of its own)
        assert "event_priority" not in text and "CombinedEvent" not in text


def test_no_module_of_the_build_imports_itself_back_through_others():
    import ast

    modules = MODULES
    imports = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):  # function bodies too
            if isinstance(node, ast.ImportFrom) and node.module:
                # from jumbo_site.page import point_tools / from jumbo_site.page.point_tools import x
                parts = node.module.split(".")
                found.update([parts[2]] if len(parts) > 2 else [alias.name for alias in node.names])
            elif isinstance(node, ast.Import):
                found.update(alias.name.split(".")[-1] for alias in node.names)
        imports[name] = (found & modules.keys()) - {name}

    def reaches(start: str) -> set[str]:
        seen, todo = set(), list(imports[start])
        while todo:
            if (module := todo.pop()) not in seen:
                seen.add(module)
                todo.extend(imports[module])
        return seen

    assert [name for name in modules if name in reaches(name)] == []


# Module-level objects that are not build state, and why. Everything else a module keeps
# at its top level is a constant: no dict, list or set that a build fills (build_state.py).
NOT_BUILD_STATE = {
    ("serbian_latin", "_copy"): "the process's temporary copy of docs/, removed when the next build makes its own or at exit",
    ("shared_theme", "_installed_listings"): "the files of installed theme folders, which do not change while a process runs",
    ("kosovo_mentions", "_versions_seen"): "the strings files' versions as this build first saw them, forgotten at every build's start; mentions() has no configuration to hold it",
    ("editor_errors", "GENERATED_FOLDERS"): "mkdocs.yml's generated languages ({'sr-Latn': 'sr'}), the same for every build of a configuration",
}
MUTATORS = {"append", "add", "update", "clear", "pop", "setdefault", "discard", "extend", "insert", "remove", "popitem"}


def module_state(path) -> list[str]:
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    containers = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) and node.value else []
        value = getattr(node, "value", None)
        mutable = isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)) or (
            isinstance(value, ast.Call) and getattr(value.func, "id", getattr(value.func, "attr", "")) in {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque"}
        )
        for target in targets:
            if mutable and isinstance(target, ast.Name):
                containers.add(target.id)
    found = [f"{path.stem}:{name} (global)" for node in ast.walk(tree) if isinstance(node, ast.Global) for name in node.names]
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr in MUTATORS:
                    owner = inner.func.value
                    name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else None
                    if isinstance(owner, ast.Attribute) and isinstance(owner.value, ast.Name) and name.isupper():  # another module's
                        found.append(f"{owner.value.id}:{name}.{inner.func.attr}()")
                    elif name in containers:
                        found.append(f"{path.stem}:{name}.{inner.func.attr}()")
                elif isinstance(inner, ast.Subscript) and isinstance(inner.ctx, ast.Store) and isinstance(inner.value, ast.Name) and inner.value.id in containers:
                    found.append(f"{path.stem}:{inner.value.id}[…] =")
    return sorted({item for item in found if tuple(item.split(".")[0].split("[")[0].split(" ")[0].split(":")) not in NOT_BUILD_STATE})


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_keeps_build_state_in_its_globals(module):
    assert module_state(MODULES[module]) == [], "keep it in build_state.BuildState"


# --- The package's shape (README, "Map of the code") -----------------------------
def map_of_the_code() -> dict[str, int]:
    section = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## Map of the code\n", 1)[1].split("\n## ", 1)[0]
    return {match[1]: int(match[2]) for match in re.finditer(r"^\| `([a-z_]+)/` \| [^|]+ \| (\d+) \|$", section, re.M)}


def test_the_readme_s_map_names_every_folder_of_the_package_with_its_modules():
    folders = {path.parent.name: len([p for p in path.parent.glob("*.py") if p.name != "__init__.py"]) for path in PACKAGE.glob("*/__init__.py")}
    assert map_of_the_code() == folders


def test_no_folder_of_the_package_holds_more_than_15_modules():
    crowded = {folder.name: count for folder in PACKAGE.rglob("*") if folder.is_dir() and (count := len(list(folder.glob("*.py")))) > 15}
    assert crowded == {}


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda path: path.relative_to(PACKAGE).as_posix())
def test_every_module_and_folder_opens_with_what_it_guarantees(path):
    import ast

    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring and len(docstring.split()) >= 5, f"{path.relative_to(ROOT)} opens without a docstring"


def test_the_theme_folder_holds_templates_only():
    """overrides/ is Material's custom_dir: all of it is theme, so no code, string or other build input lives there."""
    kinds = {path.suffix for path in (ROOT / "overrides").rglob("*") if path.is_file() and "__pycache__" not in path.parts}
    assert kinds == {".html", ".xml"}
