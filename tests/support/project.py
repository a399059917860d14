"""The project as the tests use it: its root, copies of it to change and build, the
states its translated pages are put in, and a strict build as an editor runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "jumbo_site"  # the build (README, "Map of the code"), installed into .venv by scripts/_setup.sh
BUILD_TIMEOUT = 300  # seconds; a full build takes about 5 s on a quiet machine


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
        english = docs / default_locale() / source_name(page)
        english.write_text(english.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{EDITED_AFTER_TRANSLATION}\n", encoding="utf-8")
    for locale, page in MISSING_PAGES:
        (docs / locale / source_name(page)).unlink(missing_ok=True)
    for locale, page, section in DRIFTED_PAGES:
        translation = docs / locale / source_name(page)
        translation.write_text(translation.read_text(encoding="utf-8").rstrip("\n") + "\n" + section, encoding="utf-8")
    return project


def build(config_file: Path, site_dir: Path, site_url: str = "https://example.org/", language: str = "", **env: str) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as an editor would, capturing its log (env: more variables).
    `language`: that language and the default one only, as `scripts/serve --language` builds
    (the plugin's `preview_language`, from SITE_PREVIEW_LANGUAGE): bad-input builds stay fast
    with mkdocs.yml as it is."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, "SITE_PREVIEW_LANGUAGE": language, **env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
    )


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under a folder (a built site), by its path there: for byte-for-byte comparisons."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def default_locale() -> str:
    from support.languages import DEFAULT

    return DEFAULT.locale
