"""Shared fixtures: the site is built once per session, strictly, into a temporary
folder; HTML is parsed with BeautifulSoup (lxml); a real Chromium serves the
browser tests."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "overrides" / "hooks"
sys.path.insert(0, str(HOOKS))

from site_i18n import Language, site_languages, strings_for  # noqa: E402
from translation_status import translated_pages  # noqa: E402



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


def page_path(language: Language, page: str) -> str:
    """The page's path from the site root, e.g. "fr/conclusions/"."""
    return language.prefix + page


def build(config_file: Path, site_dir: Path, site_url: str = "https://example.org/") -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as an editor would, capturing its log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("site")


@pytest.fixture(scope="session")
def http_server(site_dir):
    """http://127.0.0.1:<port>/, serving the site folder (built or not yet)."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def site(site_dir, http_server) -> Path:
    """The site, built once, strictly, for the address it is served at (SITE_URL),
    so its absolute URLs point where the browser finds it."""
    result = build(ROOT / "mkdocs.yml", site_dir, site_url=http_server)
    assert result.returncode == 0, f"the site does not build:\n{result.stderr[-3000:]}"
    return site_dir


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
    copy = tmp_path / "project"
    for name in ("docs", "overrides", "data"):
        shutil.copytree(ROOT / name, copy / name)
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    return copy


def only_language(project: Path, locale: str) -> None:
    """Build just one language of a project copy (bad-input tests stay fast)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    marker = "      docs_structure: folder\n"
    assert marker in text
    config.write_text(text.replace(marker, marker + f"      build_only_locale: {locale}\n"), encoding="utf-8")


def build_languages(project: Path, locales: list[str]) -> None:
    """Build some languages only (the rest `build: false`), all at their usual URLs."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=        - locale: )", text)
    for index, block in enumerate(blocks):
        match = re.match(r"        - locale: (\S+)", block)
        if match and match[1] not in locales:
            assert "          build: true\n" in block
            blocks[index] = block.replace("          build: true\n", "          build: false\n")
    config.write_text("".join(blocks), encoding="utf-8")


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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


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
        pytest.skip(f"no browser: {error}")
    yield launched
    launched.close()
    playwright.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


def kosovo_names(language: Language) -> list[str]:
    return strings_for(language)["kosovo.names"]


def read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))
