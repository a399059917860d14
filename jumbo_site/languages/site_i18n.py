"""The site's languages and interface strings.

The language table is the i18n plugin's `languages` list in mkdocs.yml: nothing
else lists languages. Interface strings live in strings/<locale>.yml,
one file per language, with exactly the keys of the English file; they hold the
language's texts too (its name, the site's name, description and copyright:
i18n_language_codes.LANGUAGE_TEXTS), so that translators never edit mkdocs.yml. A
generated language (Serbian Latin) transliterates its origin's; its own file, if any,
holds only the few texts transliteration cannot make (the language suggestion names
the script it offers), and only keys the English file has.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from jumbo_site.build.file_versions import version
from jumbo_site.data.strict_yaml import read_yaml_file
from jumbo_site.languages.transliteration import to_latin
from jumbo_site.safety.plain_text import markup_problem

STRINGS_DIR = Path(__file__).resolve().parents[2] / "strings"
I18N_PLUGIN = "i18n-iso"  # mkdocs-static-i18n, as registered in pyproject.toml
SOURCE_LOCALE = "en"


@dataclass(frozen=True)
class Language:
    locale: str  # folder under docs/ and URL prefix
    name: str  # the language's name in itself, as the switcher shows it
    html_lang: str  # BCP 47 tag for <html lang>, lang= and hreflang=
    link: str  # URL prefix: "/" for the default language, "/fr/" for French
    default: bool
    date_locale: str  # CLDR locale that Babel formats dates with
    transliterate_from: str | None  # generated from that language's folder (sr-Latn from sr)

    @property
    def prefix(self) -> str:
        """The URL prefix relative to the site root: "" or "fr/"."""
        return self.link.lstrip("/")


# The languages, in the order of mkdocs.yml: those built (a build may be limited to
# one with build_only_locale), or all of them. Made once per configuration (hooks ask
# for them on every page), kept on the i18n plugin, which each configuration has anew.
def site_languages(config: MkDocsConfig, built_only: bool = True) -> list[Language]:
    made = vars(config.plugins[I18N_PLUGIN]).setdefault("_site_languages", {})
    if built_only not in made:
        made[built_only] = _make_languages(config, built_only)
    return list(made[built_only])


def _make_languages(config: MkDocsConfig, built_only: bool) -> list[Language]:
    return [
        Language(
            locale=entry.locale,
            name=language_strings(entry.locale, _extra(entry, "transliterate_from", None))["language.name"],
            html_lang=_extra(entry, "html_lang", entry.locale),
            link="/" if entry.default else entry.link,  # build_only_locale builds one language at the root
            default=entry.default,
            date_locale=_extra(entry, "date_locale", _extra(entry, "html_lang", entry.locale).replace("-", "_")),
            transliterate_from=_extra(entry, "transliterate_from", None),
        )
        for entry in config.plugins[I18N_PLUGIN].config.languages
        if entry.build or not built_only
    ]


def _extra(entry, key: str, default):
    return (entry.extra or {}).get(key, default)


# The default language, the source of every translation (English).
def source_language(config: MkDocsConfig) -> Language:
    return next(lang for lang in site_languages(config, built_only=False) if lang.default)


# The language of the build in progress (the i18n plugin builds one at a time).
def current_language(config: MkDocsConfig) -> Language:
    locale = config.plugins[I18N_PLUGIN].current_language
    return next(lang for lang in site_languages(config) if lang.locale == locale)


# The language a page's content is written in: its build's, unless the page is the
# default language's, shown because the translation is missing (i18n fallback).
def content_language(page, config: MkDocsConfig) -> Language:
    language = current_language(config)
    locale = getattr(page.file, "locale", language.locale)
    if locale in (language.locale, language.transliterate_from):
        return language
    return next(lang for lang in site_languages(config, built_only=False) if lang.locale == locale)


# The interface strings of a language; a generated language transliterates its origin's,
# then takes its own texts where it has a file (strings/sr-Latn.yml).
def strings_for(language: Language) -> dict:
    return language_strings(language.locale, language.transliterate_from)


def language_strings(locale: str, transliterate_from: str | None = None) -> dict:
    return dict(_latin_strings(transliterate_from, locale)) if transliterate_from else load_strings(locale)


# The file a language's string `key` is written in: a generated language's are its
# origin's, but for the few in its own file (strings/sr-Latn.yml).
def strings_file(language: Language, key: str | None = None) -> str:
    own = STRINGS_DIR / f"{language.locale}.yml"
    if language.transliterate_from and key is not None and key in _own_keys(own, version(own)):
        return _relative(own)
    return f"strings/{language.transliterate_from or language.locale}.yml"


# The keys of a generated language's own file (none without one): asked for every string
# of every language build, so read once per version of the file.
@lru_cache(maxsize=8)  # keyed on the file's version: an edit under `scripts/serve` is read anew
def _own_keys(own: Path, file_version: tuple | None) -> frozenset[str]:
    return frozenset(read_strings(own)) if file_version is not None else frozenset()


# Transliterated once per version of the files (every page asks), as load_strings reads once.
def _latin_strings(origin: str, locale: str) -> dict:
    return _latin_strings_of(origin, locale, *_versions(origin, SOURCE_LOCALE, locale))


@lru_cache(maxsize=32)  # keyed on the files' versions: an edit under `scripts/serve` is read anew
def _latin_strings_of(origin: str, locale: str, *versions) -> dict:
    strings = {key: _to_latin(value) for key, value in load_strings(origin).items()}
    own = STRINGS_DIR / f"{locale}.yml"
    if own.is_file():
        overrides = read_strings(own)
        if unknown := sorted(set(overrides) - set(strings)):
            raise PluginError(f"{_relative(own)}: unknown key(s) {', '.join(unknown)}: only keys of en.yml, where transliteration cannot make the text.")
        if same := sorted(key for key, value in overrides.items() if value == strings[key]):
            raise PluginError(f"{_relative(own)}: key(s) {', '.join(same)} only repeat the transliteration of {origin}.yml: remove them.")
        strings |= overrides
    return strings


def _to_latin(value):
    return [to_latin(item) for item in value] if isinstance(value, list) else to_latin(value)


# A language's interface strings, checked against the English keys.
def load_strings(locale: str) -> dict:
    return _checked_strings(locale, *_versions(locale, SOURCE_LOCALE))


@lru_cache(maxsize=32)  # keyed on the files' versions: an edit under `scripts/serve` is read anew
def _checked_strings(locale: str, *versions) -> dict:
    strings = read_strings(STRINGS_DIR / f"{locale}.yml")
    if locale != SOURCE_LOCALE:
        source_keys = set(read_strings(STRINGS_DIR / f"{SOURCE_LOCALE}.yml"))
        path = _relative(STRINGS_DIR / f"{locale}.yml")
        if missing := sorted(source_keys - set(strings)):
            raise PluginError(f"{path}: missing key(s) {', '.join(missing)}: add them, translated from en.yml.")
        if unknown := sorted(set(strings) - source_keys):
            raise PluginError(f"{path}: unknown key(s) {', '.join(unknown)}: remove them or add them to en.yml first.")
    return strings


# The versions of the strings files of these languages (file_versions.py).
def _versions(*locales: str) -> tuple:
    folder = str(STRINGS_DIR)  # as text: asked on every call of load_strings, thousands a build
    return tuple(version(f"{folder}/{locale}.yml") for locale in locales)


def read_strings(path: Path) -> dict:
    if not path.is_file():
        raise PluginError(f"{_relative(path)} is missing: copy en.yml beside it and translate the values.")
    strings = read_yaml_file(path, _relative(path))
    if not isinstance(strings, dict):
        raise PluginError(f"{_relative(path)}: expected 'key: text' lines.")
    # Templates print the strings as they are, in elements and attributes: plain text only.
    for key, value in strings.items():
        texts = value if isinstance(value, list) else [value]
        if not texts or not all(isinstance(text, str) for text in texts):
            raise PluginError(f"{_relative(path)}, key '{key}': expected text (or, where en.yml has one, a list of texts).")
        if problem := next(filter(None, map(markup_problem, texts)), None):
            raise PluginError(f"{_relative(path)}, key '{key}': expected {problem}.")
    return strings


def _relative(path: Path) -> str:
    return str(path.relative_to(STRINGS_DIR.parent))
