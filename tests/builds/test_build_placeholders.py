"""No placeholder address in silence: scripts/build without SITE_URL or REPO_URL says in one
line that the site's addresses are placeholders; a deploy build (scripts/build --deploy,
which the Pages workflow runs) refuses to start without them."""

from __future__ import annotations

import os
import subprocess

import pytest
from support.project import ROOT

BUILD = ROOT / "scripts" / "build"


def run_build(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "REPO_URL")}
    return subprocess.run([str(BUILD), *args], env={**base, **env}, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("env", [{}, {"SITE_URL": "https://rcc.example/jumbo/"}, {"REPO_URL": "https://github.com/rcc/jumbo"}], ids=["neither", "no-REPO_URL", "no-SITE_URL"])
def test_a_deploy_build_refuses_to_run_without_both_addresses(env, tmp_path):
    result = run_build("--deploy", **env)
    assert result.returncode == 1
    assert "SITE_URL and REPO_URL" in result.stderr and "placeholder" in result.stderr
    assert result.stdout == ""  # nothing was set up or built


def placeholder_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "placeholder" in line]


def test_a_build_without_the_addresses_says_so_in_one_line():
    # --help: MkDocs prints its usage and builds nothing; what scripts/build says before it is the point.
    result = run_build("--help")
    assert result.returncode == 0, result.stderr
    [line] = placeholder_lines(result.stderr)
    assert "SITE_URL" in line and "REPO_URL" in line


def test_a_build_with_both_addresses_says_nothing_of_placeholders():
    result = run_build("--deploy", "--help", SITE_URL="https://rcc.example/jumbo/", REPO_URL="https://github.com/rcc/jumbo")
    assert result.returncode == 0, result.stderr
    assert placeholder_lines(result.stderr) == []
