"""Shared fixtures: the site is built once per session, strictly, into a temporary
folder; HTML is parsed with BeautifulSoup (lxml); a real Chromium serves the
browser tests."""

from __future__ import annotations

import collections
import functools
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "jumbo_site"  # the build (README, "Map of the code"), installed into .venv by scripts/_setup.sh

from live_preview import build_languages, copy_project  # noqa: E402,F401  (the tests' project copies)

from jumbo_site.languages.site_i18n import Language, site_languages, strings_for  # noqa: E402
from jumbo_site.translations.translation_status import translated_pages  # noqa: E402

BUILD_TIMEOUT = 300  # seconds; a full build takes about 5 s on a quiet machine

# The language table, read from mkdocs.yml as the site reads it.
@functools.cache
def languages() -> list[Language]:
    from mkdocs.config import load_config

    return site_languages(load_config(str(ROOT / "mkdocs.yml")))


LANGUAGES = languages()
DEFAULT = next(lang for lang in LANGUAGES if lang.default)
# Pages, by their path within a language: the English pages meant for translation
# (not the editors' /translations/, which exists in English only).
PAGES = sorted("" if name == "index.md" else f"{name[:-3]}/" for name in translated_pages(ROOT / "docs", DEFAULT.locale))


# The states a translated page can be in (CONTRIBUTING, "Keep translations up to date").
# The session's site is built from a copy of the project in which each state is there,
# whatever the repository's own state: the page and browser tests run on every state
# an editor may leave a page in, and assert what the site promises in each.
# - outdated: the English page changed after it was translated (every translation of
#   it is outdated), a page of each template: main.html ("about") and home.html ("");
# - missing: not yet translated, the English page is served under the language's notice
#   (in a Latin and a Cyrillic language, and in Serbian, so in Serbian Latin, made from it);
# - drifted: its structure no longer the English page's (a heading added); it builds,
#   served as an up-to-date translation is (`scripts/translations --check` fails on it);
# - up to date: the other pages, as the repository has them (if the repository has an
#   outdated or missing translation, the tests see that state too).
OUTDATED_PAGES = ["about/", ""]
MISSING_PAGES = [("fr", "privacy/"), ("mk", "accessibility/"), ("sr", "accessibility/")]  # sr: Serbian Latin too
DRIFTED_PAGES = [("hr", "privacy/", "\n## Napomena\n\nOva je napomena dodana samo hrvatskom prijevodu.\n")]
EDITED_AFTER_TRANSLATION = "This sentence was added to the English page after it was translated."
NOTICE_STATES = ("outdated", "missing")  # the states a notice names (data-translation-status)


def shown_state(state: str | None) -> str | None:
    """The data-translation-status of a page's notice: its state if outdated or missing;
    none for an up-to-date translation, nor for a drifted one (served as it is)."""
    return state if state in NOTICE_STATES else None


def source_name(page: str) -> str:
    """The Markdown file of a page: "about/" → "about.md", "" → "index.md"."""
    return f"{page.rstrip('/') or 'index'}.md"


def make_page_states(project: Path) -> Path:
    """Put a project copy's pages in the states above (OUTDATED_PAGES, MISSING_PAGES, DRIFTED_PAGES)."""
    docs = project / "docs"
    for page in OUTDATED_PAGES:
        english = docs / DEFAULT.locale / source_name(page)
        english.write_text(english.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{EDITED_AFTER_TRANSLATION}\n", encoding="utf-8")
    for locale, page in MISSING_PAGES:
        (docs / locale / source_name(page)).unlink(missing_ok=True)
    for locale, page, section in DRIFTED_PAGES:
        translation = docs / locale / source_name(page)
        translation.write_text(translation.read_text(encoding="utf-8").rstrip("\n") + "\n" + section, encoding="utf-8")
    return project


def page_path(language: Language, page: str) -> str:
    """The page's path from the site root, e.g. "fr/conclusions/"."""
    return language.prefix + page


def build(config_file: Path, site_dir: Path, site_url: str = "https://example.org/", **env: str) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as an editor would, capturing its log (env: more variables)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, **env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
    )


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("site")


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site at `prefix` as GitHub Pages serves a project site: an unknown
    path (or a folder without index.html) gets the site's root 404.html, status 404."""

    prefix = "/"

    def log_message(self, *args):
        pass

    def send_head(self):
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            return self.not_found()
        local = Path(self.directory) / path[len(self.prefix) :]
        if not local.exists() or local.is_dir() and not (local / "index.html").is_file():
            return self.not_found()
        self.path = "/" + self.path[len(self.prefix) :]
        return super().send_head()

    def not_found(self):
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


_QuietHandler = PagesHandler  # the name scripts/audit imports


def serve(directory: Path, prefix: str = "/") -> http.server.ThreadingHTTPServer:
    """Serve `directory` at http://127.0.0.1:<a free port the server picks><prefix>."""
    handler = functools.partial(type("Handler", (PagesHandler,), {"prefix": prefix}), directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def address(httpd: http.server.ThreadingHTTPServer, prefix: str = "/") -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"


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


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under a folder (a built site), by its path there: for byte-for-byte comparisons."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project's sources, for builds with bad input."""
    return copy_project(tmp_path / "project")


def only_language(project: Path, locale: str) -> None:
    """Build just one language of a project copy (bad-input tests stay fast)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    marker = "      docs_structure: folder\n"
    assert marker in text
    config.write_text(text.replace(marker, marker + f"      build_only_locale: {locale}\n"), encoding="utf-8")


# --- Browser ---------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


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


POLICY_LISTENER = """document.addEventListener('securitypolicyviolation',
  e => window.__reportPolicyViolation(location.pathname + ': ' + e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' (' + (e.sourceFile || '') + ':' + e.lineNumber + ')'));"""


def listen_for_policy_violations(context) -> list[str]:
    """Every content-security-policy violation in any page of the browser context, from
    now on, collected in Python (so a navigation or reload loses none): the listener is
    registered again in every document the context opens."""
    violations: list[str] = []
    context.expose_function("__reportPolicyViolation", lambda violation: violations.append(violation))
    context.add_init_script(script=POLICY_LISTENER)
    return violations


def settle(page) -> None:
    """Let the page dispatch its pending events (violation reports among them) and
    deliver them to Python: two animation frames and a macrotask, then a round trip."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))))")


def inline_script_runs(page) -> bool:
    """Try to run an inline script in the page, as an injected one would: under the
    site's policy it is blocked (and reported as a violation)."""
    settle(page)
    ran = page.evaluate("""() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineScriptRan = true;';
        document.head.append(script);
        return window.__inlineScriptRan === true;
    }""")
    settle(page)
    return ran


@pytest.fixture
def policy_violations(page) -> list[str]:
    """The policy violations of the `page` fixture's tab, across navigations (see above)."""
    return listen_for_policy_violations(page.context)


def kosovo_names(language: Language) -> list[str]:
    return strings_for(language)["kosovo.names"]


def read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --- Checks that did not run ---------------------------------------------------------
# A skipped check proves nothing. Under CI=true (.ci/run sets it) any skip fails the
# run; elsewhere the summary says plainly how many checks did not run, and why.


def _skips(terminalreporter) -> collections.Counter:
    reasons = collections.Counter()
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        reasons[reason.removeprefix("Skipped: ")] += 1
    return reasons


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
