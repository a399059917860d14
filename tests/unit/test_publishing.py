"""Publishing: every link works under a sub-path and at a domain root, one 404 page in the
reader's language, byte-identical rebuilds, and workflows that cannot leak or overreach."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from support.project import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


# --- The workflows ------------------------------------------------------------------


def workflow(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_there_is_a_workflow():
    assert WORKFLOWS


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_grants_least_privilege(path):
    data = workflow(path)
    assert data["permissions"] == {"contents": "read"}
    for name, job in data["jobs"].items():
        granted = job.get("permissions", {})
        if name == "deploy":
            assert granted == {"pages": "write", "id-token": "write"}
            assert job["concurrency"]["group"] == "pages"
            assert job["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
        else:
            assert granted == {}, f"job {name} asks for {granted}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(- )?uses:", line)]
    assert lines
    for line in lines:
        assert re.fullmatch(r"(- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+)*", line), line


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_never_runs_untrusted_input(path):
    data = workflow(path)
    assert "pull_request_target" not in data["on"]
    for job in data["jobs"].values():
        for step in job["steps"]:
            assert "github.event" not in step.get("run", ""), step


def test_the_workflow_runs_the_fresh_set_up_and_the_tests_every_week():
    data = workflow(ROOT / ".github/workflows/site.yml")
    [schedule] = data["on"]["schedule"]
    minute, hour, day_of_month, month, day_of_week = schedule["cron"].split()
    assert (day_of_month, month, day_of_week) == ("*", "*", "1"), schedule  # every Monday (README)
    steps = data["jobs"]["test"]["steps"]
    assert any(step.get("run") == "scripts/test" for step in steps)
    # Fresh: nothing restores a virtual environment or node_modules from an earlier run.
    assert not [step for step in steps if "cache" in step.get("uses", "") or step.get("with", {}).get("cache")]
