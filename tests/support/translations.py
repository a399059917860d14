"""What the translations tests share (tests/{unit,site,builds}/test_translations.py)."""

from __future__ import annotations

from jumbo_site.translations.translations_cli import main
from support.languages import LANGUAGES, PAGES

TRANSLATED = [lang.locale for lang in LANGUAGES if not lang.default and not lang.transliterate_from]
PAGE_FILES = sorted(f"{page.rstrip('/') or 'index'}.md" for page in PAGES)


def status_command(capsys, docs, *args) -> tuple[int, str]:
    code = main(list(args), docs=docs)
    return code, capsys.readouterr().out


def notice(html):
    return html.select_one(".translation-notice")


# The fixture's pages: every translation marked up to date, then the English programme
# changed (its translations outdated) and the French "About" deleted (missing).
OUTDATED_PAGE, MISSING_PAGE, UNTOUCHED_PAGE = "programme", "about", "conclusions"
# Languages generated from another's folder (Serbian Latin from Serbian), by the language table.
GENERATED = [lang for lang in LANGUAGES if lang.transliterate_from]
FIXTURE_LANGUAGES = list(dict.fromkeys(["en", "fr", "sr", "sr-Latn"] + [lang.locale for lang in GENERATED] + [lang.transliterate_from for lang in GENERATED]))
