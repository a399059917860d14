"""Front matter that is broken, incomplete or unknown stops the build.

MkDocs silently ignores front matter that YAML cannot read and shows it as page
text; here it is an error naming the file and YAML's own explanation. Every page
needs a `title` and a `description` (the meta description readers see in search
results and link previews): plain text, printed by the templates in <title>, <meta>
and the navigation, so markup (<, >, ", entities) and invisible control characters
stop the build, as does Kosovo without its asterisk. Only the keys in KEYS may
appear, each with its type; `template` names one of the site's page templates.

Each language's texts are printed by the same templates (the header, <title>,
<meta>, the footer, the language switcher, the PDFs): its name, and the site's name,
description and copyright in it (strings/<lang>.yml, i18n_language_codes.
LANGUAGE_TEXTS), and mkdocs.yml's site_author, are plain text too, with Kosovo's
asterisk, or the build stops naming the file and key.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import YAML_RE

from jumbo_site.build.editor_errors import page_error
from jumbo_site.build.file_versions import folder_versions
from jumbo_site.data.strict_yaml import load_strict
from jumbo_site.languages import material_strings, site_i18n
from jumbo_site.languages.i18n_language_codes import LANGUAGE_TEXTS
from jumbo_site.languages.kosovo_mentions import known_names, missing_asterisk, unmarked
from jumbo_site.languages.material_strings import material_strings_for
from jumbo_site.languages.site_i18n import site_languages, strings_file, strings_for
from jumbo_site.safety.plain_text import markup_problem

OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"
REQUIRED = ("title", "description")
HIDE = ("navigation", "toc", "footer", "path", "tags")
# Every key a page may give, with a check of its value (None when fine).
KEYS = {
    "title": lambda value: _plain_text(value),
    "description": lambda value: _plain_text(value),
    "numbered_points": lambda value: None if isinstance(value, bool) else "write true or false",
    "translate": lambda value: None if value is False else "only `translate: false` (a page in English only) is meaningful",
    "source_hash": lambda value: None
    if isinstance(value, str) and re.fullmatch(r"[0-9a-f]{12}", value)
    else "12 hexadecimal digits, written by scripts/translations mark (do not write it by hand)",
    "template": lambda value: None if value in page_templates() else f"one of the site's page templates: {', '.join(page_templates())}",
    "hide": lambda value: None if isinstance(value, list) and set(value) <= set(HIDE) else f"a list of {', '.join(HIDE)}",
}


# Top-level templates that extend the site's page template: the values of `template:`.
def page_templates() -> list[str]:
    return sorted(p.name for p in OVERRIDES.glob("*.html") if p.name == "main.html" or re.search(r'{%-?\s*extends\s+"(main|base)\.html"', p.read_text(encoding="utf-8")))


def _plain_text(value) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "plain text"
    if problem := markup_problem(value):
        return problem
    if names := unmarked(value):
        return missing_asterisk(names[0])
    return None


# Each language's texts and mkdocs.yml's site_author: plain text, checked before
# anything is built; the same in every language build, so checked in the first, and
# again when a strings file changes (their versions, file_versions.py, are the key).
def on_config(config):
    folders = (site_i18n.STRINGS_DIR, material_strings.MATERIAL_STRINGS_DIR)  # read here: tests point them at copies
    versions = tuple((folder, folder_versions(folder, "*.yml")) for folder in folders)
    _check_language_texts(config.site_author, tuple(site_languages(config, built_only=False)), versions, known_names())
    return config


@functools.lru_cache(maxsize=8)  # keyed on the strings files' versions and the names of Kosovo
def _check_language_texts(site_author: str | None, languages: tuple, versions: tuple, kosovo_names: frozenset[str]) -> None:
    texts, shown = [("mkdocs.yml, site_author", site_author)], []
    for language in languages:
        strings = strings_for(language)
        texts += [(f"{strings_file(language, key)}, key '{key}'", strings[key]) for key in LANGUAGE_TEXTS.values()]
        # Every other interface string is shown too (plain text, checked when read): Kosovo* there as well.
        material = f"strings/material/{language.transliterate_from or language.locale}.yml"
        shown += [(f"{strings_file(language, key)}, key '{key}'", value) for key, value in strings.items() if not key.startswith("kosovo.")]
        shown += [(f"{material}, key '{key}'", value) for key, value in (material_strings_for(language) or {}).items()]
    _check_site_texts(tuple(texts))
    _check_kosovo(tuple((where, tuple(value) if isinstance(value, list) else (value,)) for where, value in shown), kosovo_names)


# Kosovo carries its asterisk in every string a page shows (the kosovo.* strings aside: the names
# to look for, and the footnote, which names the ICJ opinion on "the Kosovo declaration").
# Keyed on the names too: a name added to kosovo.names makes the same texts wrong.
@functools.lru_cache(maxsize=8)
def _check_kosovo(texts: tuple[tuple[str, tuple[str, ...]], ...], kosovo_names: frozenset[str]) -> None:
    for where, values in texts:
        if names := next(filter(None, (unmarked(value) for value in values if isinstance(value, str))), None):
            raise PluginError(f"{where}: {missing_asterisk(names[0])}.")


@functools.cache
def _check_site_texts(texts: tuple[tuple[str, str | None], ...]) -> None:
    for where, value in texts:
        if value is not None and (problem := _plain_text(value)):
            raise PluginError(f"{where}: expected {problem}.")


def on_page_markdown(markdown, page, config, files):
    source = page.file.content_string
    match = YAML_RE.match(source)
    if not match:
        raise page_error(page, "no front matter: start the file with ---, title: …, description: …, ---.", 1)
    try:
        meta = load_strict(match.group(1))
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        raise page_error(
            page,
            f"the front matter is not valid YAML ({getattr(error, 'problem', error)}); "
            "put a value that contains a colon in quotes.",
            where.line + 2 if where else 1,
        ) from None
    if not isinstance(meta, dict):
        raise page_error(page, "the front matter must be 'key: value' lines (title: …, description: …).", 2)
    lines = match.group(1).split("\n")
    for key, value in meta.items():
        line = next((number + 2 for number, text in enumerate(lines) if text.startswith(f"{key}:")), 1)
        if key not in KEYS:
            raise page_error(page, f"unknown front-matter key '{key}'; the keys are {', '.join(KEYS)}.", line)
        if problem := KEYS[key](value):
            raise page_error(page, f"front matter '{key}': expected {problem}.", line)
    if missing := [key for key in REQUIRED if not meta.get(key)]:
        raise page_error(page, f"the front matter needs {' and '.join(missing)}.", 1)
    return markdown
