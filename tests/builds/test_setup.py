"""The set-up (scripts/_setup.sh, which scripts/serve and scripts/test run first): a new virtual
environment holds exactly the lock, requirements.txt, whatever the registry publishes after the lock
was written; a lock that is incomplete stops the set-up with one error naming the package.

The newer release is a fake wheel on pip's find-links: fonttools 99.0 with a `woff` extra, the
shape of the fonttools 4.69.1 release that broke `pip install --require-hashes -r requirements.txt`
(WeasyPrint asks for fonttools[woff]>=4.59.2, and pip 23.2.1 took the newest release for the extra).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from support.setup import ROOT, locked, normalised

# What the set-up reads besides the lock: the script, and the package pyproject.toml installs.
SETUP_FILES = ("scripts/_setup.sh", "requirements.txt", "requirements.in", "pyproject.toml", "jumbo_site")
# In every venv besides the lock: venv's own pip and setuptools, and this project's package.
NOT_LOCKED = {"pip", "setuptools", "jumbo-2021-site"}
NEWER_FONTTOOLS = "99.0"


def fake_wheel(folder: Path, name: str, version: str, extras: dict[str, list[str]]) -> Path:
    """A minimal pure-Python wheel that pip will take as a release of `name`."""
    folder.mkdir(parents=True, exist_ok=True)
    info = f"{name}-{version}.dist-info"
    metadata = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
    for extra, requirements in extras.items():
        metadata.append(f"Provides-Extra: {extra}")
        metadata += [f'Requires-Dist: {requirement}; extra == "{extra}"' for requirement in requirements]
    files = {
        f"{name}_fake/__init__.py": "",
        f"{info}/METADATA": "\n".join(metadata) + "\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: tests/builds/test_setup.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    files[f"{info}/RECORD"] = "".join(f"{path},,\n" for path in files) + f"{info}/RECORD,,\n"
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
    return wheel


def set_up(project: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """What scripts/serve and scripts/test do first: source _setup.sh, run ensure_venv."""
    return subprocess.run(
        ["bash", "-c", "source scripts/_setup.sh && ensure_venv"],
        cwd=project, env=env, capture_output=True, text=True, timeout=900,
    )


def installed(project: Path) -> dict[str, str]:
    """{package: version} of every distribution in the project's venv, read by the venv's Python."""
    script = "import importlib.metadata as m, json; print(json.dumps({d.metadata['Name']: d.version for d in m.distributions()}))"
    result = subprocess.run([project / ".venv/bin/python", "-c", script], capture_output=True, text=True, check=True)
    return {normalised(name): version for name, version in json.loads(result.stdout).items()}


def errors(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


@pytest.fixture(scope="module")
def newer_release_env(tmp_path_factory) -> dict[str, str]:
    """The environment with a newer fonttools (declaring `woff`) on pip's find-links, before any
    find-links the machine already has."""
    folder = tmp_path_factory.mktemp("find-links")
    fake_wheel(folder, "fonttools", NEWER_FONTTOOLS, {"woff": ["brotli>=1.0.1", "zopfli>=0.1.4"]})
    find_links = " ".join(filter(None, [str(folder), os.environ.get("PIP_FIND_LINKS", "")]))
    return {**os.environ, "PIP_FIND_LINKS": find_links, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


@pytest.fixture(scope="module")
def fresh_project(tmp_path_factory, newer_release_env) -> Path:
    """A copy of the set-up's files whose .venv the set-up made from nothing, the newer release in reach."""
    project = tmp_path_factory.mktemp("fresh-clone")
    for name in SETUP_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, project / name)
    result = set_up(project, newer_release_env)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture
def lock_without(fresh_project, newer_release_env):
    """Edit the fresh project's lock as a broken refresh would, uninstall what a new venv would then
    lack; the set-up's result with that lock. The lock and the venv are restored afterwards."""
    lock = fresh_project / "requirements.txt"
    original = lock.read_text(encoding="utf-8")
    removed: list[str] = []

    def apply(edit, uninstall: list[str]) -> subprocess.CompletedProcess:
        lock.write_text(edit(original), encoding="utf-8")
        if uninstall:
            subprocess.run([fresh_project / ".venv/bin/python", "-m", "pip", "uninstall", "-y", "-q", *uninstall], check=True)
        removed.extend(uninstall)
        return set_up(fresh_project, newer_release_env)

    yield apply
    lock.write_text(original, encoding="utf-8")
    result = set_up(fresh_project, newer_release_env)
    assert result.returncode == 0, result.stderr
    assert set(removed) <= set(installed(fresh_project))


def without_block(name: str):
    """The lock with the entry of `name` (its pin, hashes and comments) taken out."""
    return lambda text: re.sub(rf"(?ms)^{re.escape(name)}==.*?(?=^[A-Za-z])", "", text, count=1)


# --- A new venv, with a newer release in reach ----------------------------------------


def test_the_newer_release_is_within_pips_reach_and_would_win_a_resolution(fresh_project, newer_release_env):
    # The premise of the next test: asked as WeasyPrint asks, pip picks the fake release.
    result = subprocess.run(
        [fresh_project / ".venv/bin/python", "-m", "pip", "install", "--dry-run", "--ignore-installed", "--no-deps",
         "--quiet", "--report", "-", "fonttools[woff]>=4.59.2"],
        env=newer_release_env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert [item["metadata"]["version"] for item in json.loads(result.stdout)["install"]] == [NEWER_FONTTOOLS]


def test_a_new_venv_holds_exactly_the_lock_when_a_newer_release_is_in_reach(fresh_project):
    versions = installed(fresh_project)
    assert {name: version for name, version in versions.items() if name not in NOT_LOCKED} == {
        name: version for name, (version, _) in locked().items()
    }
    assert versions["fonttools"] != NEWER_FONTTOOLS


def test_the_set_up_installs_nothing_again_while_the_lock_is_unchanged(fresh_project, newer_release_env):
    result = set_up(fresh_project, newer_release_env)
    assert result.returncode == 0, result.stderr
    assert "Installing" not in result.stdout


# --- An incomplete lock stops the set-up, naming the package ------------------------------


def test_a_lock_without_what_an_extra_needs_stops_naming_the_package(lock_without):
    # brotli is needed only through fonttools[woff], which `pip check` alone does not follow.
    result = lock_without(without_block("brotli"), ["brotli"])
    assert result.returncode != 0
    [error] = errors(result)
    assert "brotli" in error and "fonttools[woff]" in error and "scripts/lock-requirements" in error, error


def test_a_lock_without_a_dependency_stops_naming_the_package(lock_without):
    result = lock_without(without_block("tinycss2"), ["tinycss2"])
    assert result.returncode != 0
    [error] = errors(result)
    assert "requires tinycss2" in error and "scripts/lock-requirements" in error, error


def test_a_lock_line_without_an_exact_version_stops_naming_the_package(lock_without):
    result = lock_without(lambda text: re.sub(r"(?m)^zopfli==\S+", "zopfli>=0.2", text), ["zopfli"])
    assert result.returncode != 0
    [error] = errors(result)
    assert "zopfli>=0.2" in error and "scripts/lock-requirements" in error, error


def test_a_failed_set_up_is_tried_again_at_the_next_run(lock_without, fresh_project):
    # The venv is not marked as holding the lock, so fixing the lock is enough.
    lock_without(without_block("tinycss2"), ["tinycss2"])
    assert not (fresh_project / ".venv/.requirements.sha256").exists()
