"""The tests' layout (README, "Tests"): each test sits in the folder of what it needs, as
pytest itself resolves its fixtures, so `scripts/test --fast` (tests/unit and tests/site)
never starts a browser, and tests/unit never builds the site:

- tests/unit: in-process, on small inputs: no site, no browser, no project copy;
- tests/site: the session's one build (and its local server), no browser, no build of its own;
- tests/browser: the session's build in the one Chromium;
- tests/builds: the few checks that need a build of their own.

conftest.py holds fixtures only (helpers are in tests/support/), and no test module
imports another."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys

import pytest
from support.project import ROOT

TESTS = ROOT / "tests"
KINDS = ("unit", "site", "browser", "builds")
SITE = {"site", "soup", "server", "site_url", "translation_state", "rebuilt_site", "gzip_server"}
BROWSER = {"browser", "page", "open_tab", "policy_violations"}
OWN_BUILD = {"project_copy", "rebuilt_site"}

PROBE = """
import json, os

def pytest_collection_finish(session):
    with open(os.environ["LAYOUT_PROBE_OUT"], "w", encoding="utf-8") as out:
        params = lambda item: set(getattr(getattr(item, "callspec", None), "params", {}))  # parametrised values, not fixtures
        json.dump({item.nodeid: sorted(set(item.fixturenames) - params(item)) for item in session.items}, out)
"""


@pytest.fixture(scope="module")
def fixtures_of(tmp_path_factory) -> dict[str, set[str]]:
    """Every collected test's node id → the fixtures pytest resolves for it (transitively),
    without its parametrised arguments."""
    folder = tmp_path_factory.mktemp("probe")
    (folder / "layout_probe.py").write_text(PROBE, encoding="utf-8")
    out = folder / "fixtures.json"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "layout_probe", "-p", "no:cacheprovider", "tests"],
        cwd=ROOT,
        env={**__import__("os").environ, "PYTHONPATH": str(folder), "LAYOUT_PROBE_OUT": str(out)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return {node: set(names) for node, names in json.loads(out.read_text(encoding="utf-8")).items()}


def misplaced(fixtures_of: dict[str, set[str]], kind: str) -> list[str]:
    """The tests in tests/<kind>/ whose fixtures belong to another folder."""
    wrong = []
    for node, names in fixtures_of.items():
        if not node.startswith(f"tests/{kind}/"):
            continue
        if kind == "unit" and names & (SITE | BROWSER | OWN_BUILD):
            wrong.append(f"{node}: {sorted(names & (SITE | BROWSER | OWN_BUILD))}")
        if kind == "site" and (names & (BROWSER | OWN_BUILD) or not names & SITE):
            wrong.append(f"{node}: {sorted(names & (BROWSER | OWN_BUILD)) or 'no site fixture'}")
        if kind == "browser" and not names & BROWSER:
            wrong.append(f"{node}: no browser fixture")
    return wrong


def test_every_test_file_is_in_one_of_the_four_folders():
    outside = [p.relative_to(TESTS).as_posix() for p in TESTS.rglob("test_*.py") if p.parent.name not in KINDS]
    assert outside == []


@pytest.mark.parametrize("kind", KINDS[:3])
def test_each_test_is_in_the_folder_of_what_it_needs(fixtures_of, kind):
    assert any(node.startswith(f"tests/{kind}/") for node in fixtures_of)
    assert misplaced(fixtures_of, kind) == []


def test_a_unit_test_that_asks_for_the_site_is_seen_as_misplaced():
    """The check above can fail: a unit test given the session's site is reported."""
    assert misplaced({"tests/unit/test_x.py::test_y": {"soup", "site"}}, "unit") == ["tests/unit/test_x.py::test_y: ['site', 'soup']"]


def test_conftest_holds_fixtures_and_pytest_hooks_only():
    tree = ast.parse((TESTS / "conftest.py").read_text(encoding="utf-8"))
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    others = [f.name for f in functions if not f.name.startswith("pytest_") and not any("fixture" in ast.unparse(d) for d in f.decorator_list)]
    assert functions and others == []
    assert not [node for node in tree.body if isinstance(node, (ast.ClassDef, ast.Assign))]


def test_no_test_module_imports_another():
    imports = []
    for path in sorted(TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names] if isinstance(node, ast.Import) else []
            imports += [f"{path.relative_to(TESTS)}: {m}" for m in modules if m.split(".")[-1].startswith("test_") or m == "conftest"]
    assert imports == []


def test_the_readme_describes_the_four_folders_and_contributing_says_which_command_when():
    readme = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## Tests\n", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^\| `tests/(\w+)/` \|", readme, re.M) == list(KINDS)
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split("\n## Check your change\n", 1)[1]
    assert all(command in guide for command in ("scripts/test --fast", "scripts/test tests/browser", "scripts/mutation"))
