"""What only a browser shows: rendering, the language switcher, axe-core, requests,
the content security policy."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from support.browser import (
    AXE_SOURCE,
    inline_script_runs,
    listen_for_policy_violations,
    run_axe,
    settle,
)
from support.languages import ALL_PAGES, DEFAULT, IDS, page_path

# Every page of every language, and the editors' English-only /translations/.
EVERY_PAGE = ALL_PAGES + [(DEFAULT, "translations/")]
EVERY_ID = IDS + ["translations/"]


@pytest.fixture(scope="module")
def axe_page(browser):
    """One tab for the page-by-page checks, with axe-core loaded into every document
    it opens (through the browser's own script injection, which the pages' content
    security policy does not govern), and a listener for policy violations in each
    (the tab's `policy_violations`, collected in Python)."""
    context = browser.new_context()
    context.add_init_script(script=AXE_SOURCE)
    violations = listen_for_policy_violations(context)
    tab = context.new_page()
    tab.policy_violations = violations
    yield tab
    context.close()


@pytest.mark.parametrize("language,path", EVERY_PAGE, ids=EVERY_ID)
def test_page_renders_with_no_axe_violation_no_policy_violation_and_no_request_elsewhere(axe_page, server, language, path):
    page = axe_page
    elsewhere = []
    page.policy_violations.clear()

    def note(request):
        if urlsplit(request.url).hostname != "127.0.0.1" and not request.url.startswith("data:"):
            elsewhere.append(request.url)

    page.on("request", note)
    response = page.goto(server + page_path(language, path))  # "load": every resource has arrived
    page.remove_listener("request", note)
    assert response.status == 200
    expect(page.locator("h1").first).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == language.html_lang
    assert run_axe(page) == []
    assert elsewhere == [], elsewhere
    settle(page)
    assert page.policy_violations == []
    # The policy is in force, and the listener hears it: an injected inline script is blocked and reported.
    assert not inline_script_runs(page)
    assert len(page.policy_violations) == 1 and "script-src" in page.policy_violations[0]


def test_switching_language_on_french_conclusions_lands_on_english_and_back(page, server):
    page.goto(server + "fr/conclusions/")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_url(server + "conclusions/")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Français", exact=True).click()
    page.wait_for_url(server + "fr/conclusions/")
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_a_cited_point_is_scrolled_into_view_and_highlighted(page, server):
    page.goto(server + "conclusions/#point-7")
    point = page.locator("#point-7")
    expect(page.locator("#point-1")).not_to_be_in_viewport()  # far enough down that scrolling shows
    expect(point).to_be_in_viewport()
    assert point.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
