"""Quality gates for readers: valid HTML, Lighthouse, weight budget, content security
policy, print. Performance is measured by scripts/audit, not asserted (too noisy)."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from bs4 import BeautifulSoup
from conftest import LANGUAGES, PAGES, page_path
from quality_gates import first_visit, lighthouse, missing_tools, vnu_errors

BY_LOCALE = {lang.locale: lang for lang in LANGUAGES}
BUDGET_BYTES = 120 * 1024
BUDGET_REQUESTS = 10
LIGHTHOUSE_PAGES = [page_path(BY_LOCALE[locale], page) for locale in ("en", "mk", "sr-Latn") for page in ("", "conclusions/", "programme/")]


@pytest.fixture(scope="module")
def tools():
    if missing := missing_tools():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and the quality tools are missing: {', '.join(missing)} (scripts/test installs them)")
        pytest.skip(f"missing {', '.join(missing)}: run scripts/test, which installs them")


def test_the_nu_html_checker_finds_no_error_on_any_page(tools, site):
    assert vnu_errors(site) == []


@pytest.fixture(scope="module")
def lighthouse_scores(tools, browser, server) -> dict:
    """Lighthouse on the nine pages, three at a time (its scores here do not depend on speed)."""
    with ThreadPoolExecutor(max_workers=3) as pool:
        runs = pool.map(lambda path: lighthouse(server + path, categories=("accessibility", "best-practices", "seo")), LIGHTHOUSE_PAGES)
        return dict(zip(LIGHTHOUSE_PAGES, runs))


@pytest.mark.parametrize("path", LIGHTHOUSE_PAGES, ids=lambda p: p or "/")
def test_lighthouse_accessibility_best_practices_and_seo_are_100(lighthouse_scores, path):
    scores = lighthouse_scores[path]
    assert (scores["accessibility"], scores["best-practices"], scores["seo"], scores["failing"]) == (100, 100, 100, [])


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_a_first_visit_to_the_conclusions_stays_within_the_budget(site, language):
    files, size = first_visit(site, page_path(language, "conclusions/"))
    assert len(files) <= BUDGET_REQUESTS
    assert size <= BUDGET_BYTES, f"{size} bytes gzip"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda l: l.locale)
def test_the_browser_makes_at_most_ten_requests_all_to_the_site(page, server, language):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + page_path(language, "conclusions/"), wait_until="networkidle")
    assert len(requests) <= BUDGET_REQUESTS, requests
    assert all(url.startswith(server) for url in requests), requests


# --- Content security policy ---------------------------------------------------------


def csp_of(html: BeautifulSoup) -> str:
    return html.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]


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


VIOLATIONS = "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"


@pytest.mark.parametrize("path", ["", "conclusions/", "programme/", "partners/", "mk/", "sr-Latn/about/", "translations/", "mk/no-such-page/"])
def test_no_policy_violation_in_the_browser(page, server, path):
    page.add_init_script(VIOLATIONS)
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__violations") == []


def test_search_switcher_and_colour_scheme_work_under_the_policy(page, server):
    page.add_init_script(VIOLATIONS)
    page.goto(server + "mk/conclusions/")
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    after = body.get_attribute("data-md-color-scheme")
    assert {before, after} == {"default", "slate"}
    page.reload()
    assert body.get_attribute("data-md-color-scheme") == after  # the choice is remembered
    page.locator("input.md-search__input").click()
    page.keyboard.type("соработка")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Srpski", exact=True).click()
    page.wait_for_url(server + "sr-Latn/conclusions/")
    assert page.evaluate("window.__violations") == []


# --- Print ----------------------------------------------------------------------------


def test_the_conclusions_print_without_site_chrome_with_numbers_and_address(page, server):
    page.goto(server + "hr/conclusions/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("#point-7 .point-number").is_visible()
    assert page.locator("#point-7 .point-number").inner_text() == "7."
    address = page.locator(".print-url")
    assert address.is_visible() and address.inner_text() == server + "hr/conclusions/"
