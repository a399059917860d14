"""The site's languages and pages as the tests see them, read from mkdocs.yml and docs/
as the site reads them: one definition for every test."""

from __future__ import annotations

import functools

from jumbo_site.languages.site_i18n import Language, site_languages, strings_for  # noqa: F401  (strings_for: for the tests)
from jumbo_site.translations.translation_status import translated_pages
from support.project import ROOT


@functools.cache
def languages() -> list[Language]:
    from mkdocs.config import load_config

    return site_languages(load_config(str(ROOT / "mkdocs.yml")))


LANGUAGES = languages()
DEFAULT = next(lang for lang in LANGUAGES if lang.default)
BY_LOCALE = {lang.locale: lang for lang in LANGUAGES}
TRANSLATED = [lang for lang in LANGUAGES if not lang.default]
# Pages, by their path within a language: the English pages meant for translation
# (not the editors' /translations/, which exists in English only).
PAGES = sorted("" if name == "index.md" else f"{name[:-3]}/" for name in translated_pages(ROOT / "docs", DEFAULT.locale))


def page_path(language: Language, page: str) -> str:
    """The page's path from the site root, e.g. "fr/conclusions/"."""
    return language.prefix + page


# Every page of every language, as (language, page), with its id ("/", "fr/conclusions/").
ALL_PAGES = [(lang, page) for lang in LANGUAGES for page in PAGES]
IDS = [page_path(lang, page) or "/" for lang, page in ALL_PAGES]
# Every page's path, and the editors' English-only /translations/.
EVERY_PATH = [page_path(lang, page) for lang in LANGUAGES for page in PAGES] + ["translations/"]


def ids(languages) -> list[str]:
    return [lang.locale for lang in languages]


def kosovo_names(language: Language) -> list[str]:
    return strings_for(language)["kosovo.names"]
