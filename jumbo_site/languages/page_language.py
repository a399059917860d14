"""Tell every template its language, its interface strings and its translations.

Templates get `page_language` and `strings` (globals, so the 404 page has them
too); pages get `alternates`, the same page in every language, for the switcher.
The <head> alternates and the sitemap use absolute URLs and add an x-default
(the English page), as search engines require.
"""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import urljoin

from jumbo_site.build.file_versions import folder_versions
from jumbo_site.languages.material_strings import material_strings_for
from jumbo_site.languages.site_i18n import Language, current_language, site_languages, source_language, strings_for
from jumbo_site.translations.translation_status import translated_pages

SITEMAP = "sitemap.xml"  # overrides/sitemap.xml; MkDocs also writes sitemap.xml.gz from it


# The same page in every language: {"language", "href" (from the site root), "absolute"};
# the default language alone for pages that are not translated (`translate: false`).
def alternates_for(config, path: str) -> list[dict]:
    languages = site_languages(config)
    if path in _source_only_paths(config):
        languages = [lang for lang in languages if lang.default]
    return [
        {
            "language": lang,
            "href": (lang.prefix + path) or ".",
            "absolute": urljoin(config.site_url, lang.prefix + path),
        }
        for lang in languages
    ]


def _source_only_paths(config) -> frozenset[str]:
    source = source_language(config).locale
    return _source_only_paths_in(config.docs_dir, source, folder_versions(Path(config.docs_dir) / source, "*.md"))


# Read once per version of the source pages (file_versions.py): a build of one language
# under `scripts/serve` reads the real docs/, and a page added or marked `translate: false` counts.
@functools.lru_cache(maxsize=8)
def _source_only_paths_in(docs_dir: str, source: str, versions: tuple) -> frozenset[str]:
    translated = set(translated_pages(Path(docs_dir), source))
    return frozenset("" if p.stem == "index" else f"{p.stem}/" for p in (Path(docs_dir) / source).glob("*.md") if p.name not in translated)


# hreflang links: every language, then x-default, the default language's page.
def hreflang_links(alternates: list[dict]) -> list[dict]:
    x_default = next(alt for alt in alternates if alt["language"].default)
    return [{"hreflang": alt["language"].html_lang, "href": alt["absolute"]} for alt in alternates] + [
        {"hreflang": "x-default", "href": x_default["absolute"]}
    ]


def _path_in_language(url: str, language: Language) -> str:
    return url[len(language.prefix) :]


# The sitemap template, once the first build has rendered it, is not a site file.
def on_files(files, config):
    if sitemap := files.get_file_from_path(SITEMAP):
        files.remove(sitemap)
    return files


def on_env(env, config, files):
    language = current_language(config)
    env.globals["page_language"] = language
    env.globals["strings"] = strings_for(language)
    # Every language with its strings, for pages that speak them all (404.html).
    env.globals["site_languages"] = [{"language": lang, "strings": strings_for(lang)} for lang in site_languages(config)]
    # The sitemap (overrides/sitemap.xml): every page in every language, with its
    # alternates; editors' pages (`translate: false`) are left out. Every language
    # has the same pages, so the first (default) build writes it, once.
    if language.default:
        paths = sorted(_path_in_language(file.url, language) for file in files.documentation_pages())
        paths = [path for path in paths if path not in _source_only_paths(config)]
        env.globals["sitemap"] = [
            {"loc": alt["absolute"], "links": hreflang_links(alternates)}
            for alternates in (alternates_for(config, path) for path in paths)
            for alt in alternates
        ]
    else:
        config.theme.static_templates.discard(SITEMAP)
    # Material's strings for a language Material lacks, as data (partials/language.html).
    env.globals["material_strings"] = material_strings_for(language)
    return env


# Runs after the i18n plugin, which resets config.extra.alternate per page.
def on_page_context(context, page, config, nav):
    alternates = alternates_for(config, _path_in_language(page.url, current_language(config)))
    context["alternates"] = alternates
    # Material writes config.extra.alternate into <head>; an attribute, as the i18n
    # plugin sets it (config.extra is a UserDict and Jinja reads the attribute).
    config.extra.alternate = [{"name": link["hreflang"], "link": link["href"], "lang": link["hreflang"]} for link in hreflang_links(alternates)]
    return context
