"""Quality gates for readers: valid HTML, Lighthouse, weight budget, content security
policy, print. Performance is measured by scripts/audit, not asserted (too noisy)."""

from __future__ import annotations

import base64
import hashlib
import os
import re

import pytest
from bs4 import BeautifulSoup
from support.languages import LANGUAGES, page_path, PAGES
from support.quality_gates import missing_tools, vnu_errors



@pytest.fixture(scope="module")
def tools():
    if missing := missing_tools():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and the quality tools are missing: {', '.join(missing)} (scripts/test installs them)")
        pytest.skip(f"missing {', '.join(missing)}: run scripts/test, which installs them")


def test_the_nu_html_checker_finds_no_error_on_any_page(tools, site):
    assert vnu_errors(site) == []


# --- Content security policy ---------------------------------------------------------


def csp_of(html: BeautifulSoup) -> str:
    meta = html.select_one('meta[http-equiv="Content-Security-Policy"]')
    assert meta is not None, "no Content-Security-Policy meta element"
    return meta["content"]


@pytest.mark.parametrize("path", [page_path(lang, page) for lang in LANGUAGES for page in PAGES] + ["translations/"])
def test_every_page_carries_a_strict_policy_before_any_script_or_style(site, path):
    raw = (site / path / "index.html").read_text(encoding="utf-8")
    head = BeautifulSoup(raw, "lxml").head
    elements = [e for e in head.children if getattr(e, "name", None)]
    assert elements[0].name == "meta" and elements[0].get("charset") == "utf-8"
    assert elements[1].get("http-equiv") == "Content-Security-Policy"
    policy = elements[1]["content"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'" and directives["worker-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    inline = [s.string or "" for s in BeautifulSoup(raw, "lxml").select("script:not([src])") if s.get("type") not in ("application/json", "application/ld+json")]
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'" for body in inline}
    assert set(re.findall(r"'sha256-[^']+'", directives["script-src"])) == hashes


def test_the_not_found_page_carries_the_policy_too(site):
    assert "default-src 'self'" in csp_of(BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml"))
