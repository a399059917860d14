"""Readers are never shown a stale or missing translation as if it were current.

- An outdated translation (its source_hash is not the English page's) builds, with a
  notice in its language that the English page has changed since, linking to it.
- A missing translation is served at its language's URL with the English content,
  marked lang="en", under a notice in the page's language (the i18n plugin's fallback).
- "Edit this page" opens the file that really holds the page: the translation, its
  Cyrillic origin for Serbian Latin, or a new file for a missing translation.
- [[translation-status]] (on the English-only /translations/ page) renders the matrix.
Pages with `translate: false` exist in the default language only.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from jumbo_site.languages.site_i18n import current_language, site_languages, source_language
from jumbo_site.translations.translation_status import MISSING, OUTDATED, page_status, report, translated_pages

STATUS_MARKER = "[[translation-status]]"


def _repository_file(config, locale: str, name: str, new: bool = False) -> str | None:
    if not config.repo_url:
        return None
    repo, branch = config.repo_url.rstrip("/"), (config.edit_uri or "edit/main/docs/").strip("/").split("/")[1]
    if new:
        return f"{repo}/new/{branch}/docs/{locale}?filename={name}"
    return f"{repo}/edit/{branch}/docs/{locale}/{name}"


# After the i18n plugin: a default-language-only page gets no fallbacks.
def on_files(files, config):
    language = current_language(config)
    if language.default:
        return files
    docs = Path(config.docs_dir)
    source = source_language(config).locale
    wanted = set(translated_pages(docs, source))
    for file in [f for f in files.documentation_pages() if getattr(f, "locale", None) == source]:
        if PurePosixPath(file.src_uri).name not in wanted:
            files.remove(file)
    return files


def on_page_markdown(markdown, page, config, files):
    language = current_language(config)
    source = source_language(config)
    name = PurePosixPath(page.file.src_uri).name
    origin = language.transliterate_from or language.locale
    page.meta["translation_status"] = None
    if language.default:
        page.edit_url = _repository_file(config, source.locale, name)
    elif getattr(page.file, "locale", None) == source.locale:  # the English page, standing in
        page.meta["translation_status"] = MISSING
        page.edit_url = _repository_file(config, origin, name, new=True)
    else:
        docs = Path(config.docs_dir)
        status = page_status(docs / source.locale / name, docs / origin / name)
        page.meta["translation_status"] = OUTDATED if status.state == OUTDATED else None
        page.edit_url = _repository_file(config, origin, name)
    if STATUS_MARKER in markdown:
        markdown = markdown.replace(STATUS_MARKER, status_table(config))
    return markdown


# The matrix of languages by pages, as a Markdown table, for editors.
def status_table(config) -> str:
    docs = Path(config.docs_dir)
    source = source_language(config).locale
    locales = [lang.locale for lang in site_languages(config, built_only=False) if not lang.default and not lang.transliterate_from]
    table = report(docs, source, locales)
    names = sorted({name for _, name in table})
    lines = ['<div class="translation-status" markdown>', "", "| page | " + " | ".join(locales) + " |", "|---|" + "---|" * len(locales)]
    for name in names:
        cells = [table[locale, name].state if (locale, name) in table else "" for locale in locales]
        lines.append(f"| {name.removesuffix('.md')} | " + " | ".join(cells) + " |")
    lines += ["", "</div>"]
    problems = [f"- `docs/{locale}/{name}`: {status.state}: {p}" for (locale, name), status in sorted(table.items()) for p in status.problems]
    return "\n".join(lines + ([""] + problems if problems else []))
