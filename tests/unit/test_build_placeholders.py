"""No placeholder address in silence: scripts/build without SITE_URL or REPO_URL says in one
line that the site's addresses are placeholders; a deploy build (scripts/build --deploy,
which the Pages workflow runs) refuses to start without them."""

from __future__ import annotations

import yaml
from support.project import ROOT


def test_the_pages_workflow_builds_for_deployment_with_both_addresses():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    assert {"SITE_URL", "REPO_URL"} <= set(workflow["env"])
    runs = [step.get("run") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "scripts/build --deploy" in runs and "scripts/build" not in runs
