"""The conclusions of every language as open data: conclusions.json at the site root.

Guarantees:
- for each language, in mkdocs.yml order: its code (the <html lang> value), name,
  page URL, PDF URL (null when SITE_PDF=off) and its points (number, id, absolute
  URL, plain text), taken from the conclusions page as built (takeaways.py); the
  English entry is marked authoritative;
- the file follows jumbo_site/takeaways/conclusions.schema.json, published beside it as
  conclusions.schema.json and named in its "$schema";
- the about page of every language links both, in its language, as open data.
No page loads the file: it adds nothing to a visit.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.utils import get_relative_url

from jumbo_site.build.build_state import state
from jumbo_site.languages.site_i18n import content_language, current_language, site_languages, strings_for
from jumbo_site.takeaways.takeaways import PDF_NAME, insert_block, is_conclusions_page, pdfs_enabled, read_conclusions
from jumbo_site.theme.shared_theme import escaping_environment

DATA_FILE = "conclusions.json"
SCHEMA_FILE = "conclusions.schema.json"
SCHEMA_SOURCE = Path(__file__).resolve().parent / SCHEMA_FILE
ABOUT_PAGE = "about.md"  # the page that links the open data, in every language



# One language's entry, from its conclusions page's HTML.
def language_entry(html: str, page, config) -> dict:
    language = current_language(config)
    page_url = urljoin(config.site_url, page.url)
    conclusions = read_conclusions(html)
    return {
        "code": content_language(page, config).html_lang,
        "name": language.name,
        "authoritative": language.default,
        "title": conclusions.title,
        "url": page_url,
        "pdf": urljoin(config.site_url, language.prefix + PDF_NAME) if pdfs_enabled() else None,
        "points": [{"number": p.number, "id": p.id, "url": f"{page_url}#{p.id}", "text": p.text} for p in conclusions.points],
    }


# Remember this language's entry when its conclusions page is rendered (read as the PDF reads it).
def on_page_content(html, page, config, files):
    if is_conclusions_page(page):
        state(config).open_data[current_language(config).locale] = language_entry(html, page, config)
    return html


# The about page says where the open data is.
def on_page_context(context, page, config, nav):
    if page.file.src_uri.rsplit("/", 1)[-1] != ABOUT_PAGE:
        return context
    macros = escaping_environment(config.theme).get_template("partials/takeaways.html").module
    block = macros.open_data(get_relative_url(DATA_FILE, page.url), get_relative_url(SCHEMA_FILE, page.url), strings_for(content_language(page, config)))
    page.content = insert_block(page.content, str(block))
    return context


# After the i18n plugin has built the other languages: once every
# built language has its entry, write the file (the last language's build does).
def on_post_build(config):
    languages, entries = site_languages(config), state(config).open_data  # by locale, as each language's build reads its conclusions
    if not all(lang.locale in entries for lang in languages):
        return
    site = Path(config.site_dir)
    data = {
        "$schema": urljoin(config.site_url, SCHEMA_FILE),
        "site": config.site_url,
        "languages": [entries[lang.locale] for lang in languages],
    }
    (site / DATA_FILE).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    shutil.copyfile(SCHEMA_SOURCE, site / SCHEMA_FILE)
