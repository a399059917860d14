"""The tests' fixtures, and nothing else (helpers live in tests/support/): the site, built
once per session, strictly, into a temporary folder from a copy of the project with its
pages in every translation state; its local server; a real Chromium and its tabs; a
throw-away project copy for a test's own build. Under CI=true a skipped check fails."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.browser import (
    AXE_SOURCE,
    CHROMIUM_ARGS,
    WIDE,
    listen_for_policy_violations,
)
from support.languages import DEFAULT, LANGUAGES, Language
from support.live_preview import copy_project
from support.pdf_sources import CountingServer, Quiet
from support.project import build, make_page_states, source_name
from support.quality_gates import GzipHandler
from support.server import address, serve
from support.skips import skipped as _skips


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("site")


@pytest.fixture(scope="session")
def http_server(site_dir):
    """http://127.0.0.1:<port>/, serving the site folder (built or not yet) as GitHub Pages would."""
    httpd = serve(site_dir)
    yield address(httpd)
    httpd.shutdown()


@pytest.fixture(scope="session")
def site_project(tmp_path_factory) -> Path:
    """The sources of the session's site: a copy of the project, its pages in every
    state (make_page_states)."""
    return make_page_states(copy_project(tmp_path_factory.mktemp("site-project") / "project"))


@pytest.fixture(scope="session")
def translation_state(site_project):
    """translation_state(language, page): the state of the page in the session's site,
    "up to date", "outdated", "missing" or "structural drift" (as scripts/translations
    reports it; a generated language's is its origin's); None in the default language."""
    from jumbo_site.translations.translation_status import report

    locales = [lang.locale for lang in LANGUAGES if not lang.default and not lang.transliterate_from]
    table = report(site_project / "docs", DEFAULT.locale, locales)

    def state(language: Language, page: str) -> str | None:
        return None if language.default else table[language.transliterate_from or language.locale, source_name(page)].state

    return state


@pytest.fixture(scope="session")
def site(site_dir, site_project, http_server) -> Path:
    """The site, built once, strictly, from `site_project` for the address it is served
    at (SITE_URL), so its absolute URLs point where the browser finds it."""
    result = build(site_project / "mkdocs.yml", site_dir, site_url=http_server)
    assert result.returncode == 0, f"the site does not build:\n{result.stderr[-3000:]}"
    return site_dir


@pytest.fixture(scope="session")
def rebuilt_site(site, site_project, site_url, tmp_path_factory) -> Path:
    """The same sources, copied elsewhere and built a second time for the same address,
    with nothing from the build cache (SITE_CACHE=off): reproducibility checks (whole
    site, PDFs, cards) compare it with `site` byte for byte."""
    again = tmp_path_factory.mktemp("site-again")
    copy = copy_project(tmp_path_factory.mktemp("project-again") / "project", root=site_project)
    result = build(copy / "mkdocs.yml", again, site_url=site_url, SITE_CACHE="off")
    assert result.returncode == 0, f"the site does not build a second time:\n{result.stderr[-3000:]}"
    return again


@pytest.fixture(scope="session")
def server(site, http_server) -> str:
    """The address of the built site, e.g. http://127.0.0.1:<port>/."""
    return http_server


@pytest.fixture(scope="session")
def site_url(server) -> str:
    """The SITE_URL the session's site was built with."""
    return server


@pytest.fixture(scope="session")
def soup(site):
    """Parse a built page once: soup("fr/conclusions/")."""

    @functools.cache
    def parse(path: str) -> BeautifulSoup:
        return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")

    return parse


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project's sources, for builds with bad input."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def gzip_server(site):
    """The site served as GitHub Pages serves it: text compressed with gzip."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture
def loopback():
    """A loopback server that counts every connection (nothing may be fetched from it)."""
    server = CountingServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


# --- Browser ---------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    """Chromium driven by Playwright. Skipped without a browser, except under CI=true."""
    executable = os.environ.get("BROWSER_PATH") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else "")
    try:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        launched = playwright.chromium.launch(
            executable_path=None if executable in ("", "playwright") else executable,
            args=CHROMIUM_ARGS,
        )
    except Exception as error:  # no browser on this machine
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and no browser could be started: {error}")
        pytest.skip(f"no browser could be started: {str(error).strip().splitlines()[0]}")
    yield launched
    launched.close()
    playwright.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def open_tab(browser):
    """open_tab(path, width=…, scheme=…, javascript=…): a fresh tab at that page, axe-core
    injected into every document (the browser's own injection, outside the pages' CSP)."""
    contexts = []

    def open_(url: str, width: int = WIDE, scheme: str = "light", javascript: bool = True):
        context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme, java_script_enabled=javascript)
        context.add_init_script(script=AXE_SOURCE)
        contexts.append(context)
        tab = context.new_page()
        tab.goto(url)
        return tab

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def policy_violations(page) -> list[str]:
    """The policy violations of the `page` fixture's tab, across navigations (see above)."""
    return listen_for_policy_violations(page.context)


# --- Checks that did not run ---------------------------------------------------------
# A skipped check proves nothing. Under CI=true (.ci/run sets it) any skip fails the
# run; elsewhere the summary says plainly how many checks did not run, and why.


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    reasons = _skips(terminalreporter)
    if not reasons:
        return
    total = sum(reasons.values())
    ci = os.environ.get("CI") == "true"
    terminalreporter.section("checks that did not run", sep="=", red=True, bold=True)
    verdict = "CI=true: this run FAILS." if ci else "this run does NOT show that the site meets them."
    terminalreporter.write_line(f"{total} check(s) did not run; {verdict}", red=True, bold=True)
    for reason, count in reasons.most_common():
        terminalreporter.write_line(f"  {count} × {reason}", red=True)


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and os.environ.get("CI") == "true" and _skips(reporter) and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
