"""Tell every template its language, its interface strings and its translations.

Templates get `page_language` and `strings` (globals, so the 404 page has them
too) and, on pages, `alternates`: the same page in every language, for the
switcher. The <head> alternates become absolute URLs with an x-default (the
English page), as search engines require.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from jinja2 import ChoiceLoader, DictLoader
from mkdocs.plugins import event_priority
from site_i18n import STRINGS_DIR, current_language, site_languages, strings_for
from transliteration import to_latin

HOOKS_DIR = Path(__file__).resolve().parent


# Build inputs in the theme folder (string tables, hooks' packaging metadata) are not site files.
def on_files(files, config):
    for file in [f for f in files if f.abs_src_path and _is_build_input(Path(f.abs_src_path).resolve())]:
        files.remove(file)
    return files


def _is_build_input(path: Path) -> bool:
    return path.is_relative_to(STRINGS_DIR) or path.is_relative_to(HOOKS_DIR)


def on_env(env, config, files):
    language = current_language(config)
    env.globals["page_language"] = language
    env.globals["strings"] = strings_for(language)
    # A generated language's Material strings are its origin's, transliterated.
    if language.transliterate_from:
        origin = f"partials/languages/{language.transliterate_from}.html"
        source, _, _ = env.loader.get_source(env, origin)
        env.loader = ChoiceLoader([DictLoader({f"partials/languages/{language.locale}.html": to_latin(source)}), env.loader])
    return env


# Runs after the i18n plugin (priority 50), which resets config.extra.alternate per page.
@event_priority(-50)
def on_page_context(context, page, config, nav):
    language = current_language(config)
    path = page.url[len(language.prefix) :]  # the page's path within its language
    alternates = [
        {
            "language": lang,
            "href": (lang.prefix + path) or ".",
            "absolute": urljoin(config.site_url, lang.prefix + path),
        }
        for lang in site_languages(config)
    ]
    context["alternates"] = alternates
    x_default = next(alt for alt in alternates if alt["language"].default)
    # An attribute, as the i18n plugin sets it (config.extra is a UserDict; Jinja reads the attribute).
    config.extra.alternate = [
        {"name": alt["language"].name, "link": alt["absolute"], "lang": alt["language"].html_lang}
        for alt in alternates
    ] + [{"name": "x-default", "link": x_default["absolute"], "lang": "x-default"}]
    return context
