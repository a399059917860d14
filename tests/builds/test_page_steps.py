"""The page's HTML steps, on one tree: parsed once, read and changed by each step, written
once as an HTML5 serialiser writes it. In-process calls on small inline pages; the whole
build's pages are compared with the build before the change by `diff -r` (README, "How a
page is built")."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from support.project import BUILD_TIMEOUT, ROOT


def test_a_full_build_parses_each_page_at_most_three_times(tmp_path):
    """The page's tree, the policy check, a data text's check where it is read (9.3 a page
    before issue 23); nothing by HTMLParser (Material's search does not index) or nh3.
    With an empty cache and the PDFs, as the strictest build (tests/support/parse_count.py)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests/support/parse_count.py"), str(tmp_path / "site")],
        cwd=ROOT, env={**os.environ, "SITE_CACHE": "off"}, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    counts = json.loads(result.stdout.splitlines()[-1])
    assert sum(counts["parses"].values()) / counts["pages"] <= 3, counts
    assert not {"stdlib HTMLParser", "nh3.clean"} & set(counts["parses"]), counts
