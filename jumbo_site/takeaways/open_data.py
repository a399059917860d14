"""The conclusions of every language as open data: conclusions.json at the site root.

Guarantees:
- for each language, in mkdocs.yml order: its code (the <html lang> value), name,
  page URL, PDF URL (null when SITE_PDF=off) and its points (number, id, absolute
  URL, plain text), taken from the conclusions page as built (takeaways.py); the
  English entry is marked authoritative;
- its provenance: the source (the conference's conclusions, the RCC, 6 December 2021,
  from data/), the site's address, when it was generated (SOURCE_DATE_EPOCH, set by
  reproducible_build.py, so two builds give the same file) and from what (the
  conclusions pages' sources, and the commit when the build names one in GITHUB_SHA);
- its licence: the RCC has stated none, and the file says so (`licence: null` with a
  note); LICENCE below is the one place to fill in when the RCC states one;
- the file follows jumbo_site/takeaways/conclusions.schema.json (strict: number and id
  agree, each language once, exactly 11 points, https: addresses, dates as dates), published beside it as
  conclusions.schema.json and named in its "$schema";
- the about page of every language links both, in its language, as open data.
No page loads the file: it adds nothing to a visit.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.utils import get_relative_url

from jumbo_site.build.build_state import state
from jumbo_site.build.editor_errors import source_file
from jumbo_site.data.conference_data import conference_for
from jumbo_site.languages.site_i18n import content_language, current_language, site_languages, strings_for
from jumbo_site.takeaways.takeaways import insert_block, is_conclusions_page, pdf_name, pdfs_enabled, read_conclusions
from jumbo_site.theme.shared_theme import escaping_environment

DATA_FILE = "conclusions.json"
SCHEMA_FILE = "conclusions.schema.json"
SCHEMA_SOURCE = Path(__file__).resolve().parent / SCHEMA_FILE
ABOUT_PAGE = "about.md"  # the page that links the open data, in every language
# The licence of the conclusions and their translations, as the RCC states it: None while
# it has stated none. When it does: {"name": "...", "url": "https://..."}, in its words.
LICENCE: dict | None = None
NO_LICENCE = "The Regional Cooperation Council has stated no licence for the conclusions or their translations."
DATA_SOURCES = ("data/programme.yml", "data/partners.yml")  # the source's date, place and publisher



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
        "source_file": source_file(page),  # kept for "generated", not written in the entry
        "pdf": urljoin(config.site_url, language.prefix + pdf_name(language)) if pdfs_enabled() else None,
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


# What the file is drawn from: the conference's conclusions, issued by the convener.
def _source(config) -> dict:
    conference = conference_for(config)
    convener = conference.partner(conference.event.organisers[0])
    return {
        "title": "Conclusions of the Sixth Regional (\"Jumbo\") Security Coordination Conference",
        "publisher": convener.name["en"],
        "date": conference.event.date.isoformat(),
        "place": conference.event.city["en"],
    }


# After the i18n plugin has built the other languages: once every
# built language has its entry, write the file (the last language's build does).
def on_post_build(config):
    languages, entries = site_languages(config), state(config).open_data  # by locale, as each language's build reads its conclusions
    if not all(lang.locale in entries for lang in languages):
        return
    site = Path(config.site_dir)
    ordered = [entries[lang.locale] for lang in languages]
    data = {
        "$schema": urljoin(config.site_url, SCHEMA_FILE),
        "site": config.site_url,
        "source": _source(config),
        "generated": {
            "at": datetime.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "from": list(dict.fromkeys(entry["source_file"] for entry in ordered)) + list(DATA_SOURCES),  # sr-Latn: from docs/sr/
            "commit": os.environ.get("GITHUB_SHA") or None,
        },
        "licence": LICENCE,
        "licence_note": NO_LICENCE if LICENCE is None else None,
        "languages": [{key: value for key, value in entry.items() if key != "source_file"} for entry in ordered],
    }
    (site / DATA_FILE).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    shutil.copyfile(SCHEMA_SOURCE, site / SCHEMA_FILE)
