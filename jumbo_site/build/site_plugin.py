"""How a page is built: every MkDocs event the site handles, in order, in this one file.

The site's build is this one module, the only entry of mkdocs.yml's `hooks:` (MkDocs
loads a hook from the project's own files, so a copy of the project builds with its
own code, and runs hooks after the plugins). For each event, BUILD below names the
steps in the order they run: each step is a function of a concern module (the
modules beside this one), called as MkDocs calls an event handler. Where a step must
run before or after another plugin's handler (the i18n plugin, Material's search),
the event is split into groups, each with a priority in MkDocs' own vocabulary and
the reason beside it. The page_content steps pass one tree (page_tree.py) from the
step that parses the page's HTML to the one that writes it. Nothing else decides the order: no module carries a priority,
and tests/unit/test_pipeline.py compares the handlers MkDocs registers with README's
table "How a page is built".

MkDocs loads this module again for every rebuild under `mkdocs serve`; the concern
modules it imports stay loaded, so each resets its own state when a build starts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from mkdocs.plugins import CombinedEvent

from jumbo_site.build import build_state, live_reload, preview_errors, reproducible_build
from jumbo_site.data import conference_pages, front_matter, home_page
from jumbo_site.languages import dates, kosovo_footnote, page_language, serbian_latin
from jumbo_site.page import conclusions_tools, heading_permalinks, link_previews, numbered_points, page_chrome, page_metadata, page_tree, point_tools
from jumbo_site.safety import content_check, content_folders, content_limits, content_security, docs_file_types, mixed_scripts, reserved_ids
from jumbo_site.search import search_index
from jumbo_site.takeaways import calendar_file, conclusions_pdf, open_data
from jumbo_site.theme import compact_scripts, markup_fixes, unused_assets, used_styles
from jumbo_site.translations import translation_notices

# MkDocs' priorities (its documentation: 100 first, 50 early, 0 default, -50 late,
# -100 last). The i18n plugin (i18n_language_codes.py) itself runs at 100 and -100,
# and Material's search at 0; a step that must come before the i18n plugin's "first"
# needs a higher number, a step after its "last" a lower one. At the same priority,
# the site's steps run after both (MkDocs runs hooks after plugins).
BEFORE_FIRST = 200
FIRST = 100
EARLY = 50
DEFAULT = 0
LATE = -50
LAST = -100
AFTER_LAST = -200

ITEM_EVENTS = {"config", "files", "nav", "env", "serve", "page_markdown", "page_content", "page_context", "post_page", "post_template", "template_context"}


class Group(NamedTuple):
    priority: int
    why: str
    steps: tuple[Callable, ...]


BUILD: dict[str, tuple[Group, ...]] = {
    "config": (
        Group(BEFORE_FIRST, "before the i18n plugin reads the strings' folder and the pages: this build's state, then the content folders and the size limits",
              (build_state.on_config, content_folders.on_config, content_limits.on_config)),
        Group(FIRST, "after the i18n plugin has shared the theme, before Material's search asks it for templates: Serbian Latin's pages are made",
              (serbian_latin.on_config,)),
        Group(EARLY, "before any step checks a text for Kosovo*: the names are read again from the strings files as they are now",
              (kosovo_footnote.on_config,)),
        Group(DEFAULT, "after Material's search: the rest of the configuration, before the i18n plugin sets up the language (last)",
              (reproducible_build.on_config, front_matter.on_config, conference_pages.on_config, numbered_points.on_config, conclusions_pdf.on_config)),
    ),
    "pre_build": (
        Group(DEFAULT, "once a language build starts", (mixed_scripts.on_pre_build, search_index.on_pre_build, link_previews.on_pre_build)),
    ),
    "files": (
        Group(BEFORE_FIRST, "every source file, before the i18n plugin keeps this language's: nothing unsafe is published in any language",
              (docs_file_types.on_files,)),
        Group(DEFAULT, "this language's files, before the i18n plugin localises them (last); the build's own inputs left out",
              (page_language.on_files, unused_assets.on_files)),
        Group(AFTER_LAST, "after the i18n plugin: the generated files of the language (notices, calendar, PDF, open data, previews)",
              (translation_notices.on_files, calendar_file.on_files, conclusions_pdf.on_files, link_previews.on_files)),
    ),
    "env": (
        Group(DEFAULT, "after the i18n plugin's environment: languages, the header's wordmark, then the PDF (every page's content is rendered)",
              (page_language.on_env, page_chrome.on_env, conclusions_pdf.on_env)),
    ),
    "page_markdown": (
        Group(FIRST, "the editor's own text, before the i18n plugin (early) or any step changes it: invisible characters, tag counts, unsupported syntax",
              (content_check.on_page_markdown,)),
        Group(DEFAULT, "after the i18n plugin: front matter, dates, notices, data, points, headings, then the limits and the Kosovo* marks on the result",
              (front_matter.on_page_markdown, dates.on_page_markdown, translation_notices.on_page_markdown, conference_pages.on_page_markdown,
               home_page.on_page_markdown, numbered_points.on_page_markdown, heading_permalinks.on_page_markdown,
               content_limits.on_page_markdown, kosovo_footnote.on_page_markdown)),
    ),
    "page_content": (
        Group(DEFAULT, "the page's HTML parsed once into one tree; the editor's text against the allowlist first, before the site decorates it; "
              "the steps on the tree; the tree written once; the take-aways read the finished text",
              (page_tree.parse_page, content_check.on_page_content, reserved_ids.on_page_content, numbered_points.on_page_content,
               point_tools.on_page_content, page_chrome.on_page_content, search_index.on_page_content, heading_permalinks.on_page_content,
               kosovo_footnote.on_page_content, page_tree.write_page, conclusions_pdf.on_page_content, open_data.on_page_content)),
    ),
    "page_context": (
        Group(DEFAULT, "after the i18n plugin (early) and Material's search: the page's metadata, take-aways and languages",
              (home_page.on_page_context, page_metadata.on_page_context, conclusions_pdf.on_page_context, conclusions_tools.on_page_context,
               open_data.on_page_context, page_language.on_page_context)),
    ),
    "post_template": (
        Group(DEFAULT, "the sitemap and other templates, as written", (content_security.on_post_template,)),
    ),
    "post_page": (
        Group(LATE, "the finished page: markup fixes, then the tables in their scrollable regions, before the i18n plugin (last)",
              (markup_fixes.on_post_page, page_chrome.on_post_page)),
        Group(LAST, "after the i18n plugin: the templates' indentation left out, then the policy check of the whole document, last of all",
              (markup_fixes.without_indentation, content_security.on_post_page)),
    ),
    "post_build": (
        Group(DEFAULT, "this language's site written: images without metadata, link previews", (docs_file_types.on_post_build, link_previews.on_post_build)),
        Group(LAST - 50, "after the i18n plugin (last) has built the other languages: the search indexes, the one stylesheet made from the "
              "rules the pages use, the scripts without comments, and the open data of every language",
              (search_index.on_post_build, used_styles.on_post_build, compact_scripts.on_post_build, open_data.on_post_build)),
    ),
    "serve": (
        Group(DEFAULT, "the live preview: fast polling, refusals shown in the browser", (live_reload.on_serve, preview_errors.on_serve)),
    ),
}


def _handler(event: str, group: Group):
    if event in ITEM_EVENTS:
        def handler(item, **kwargs):
            for step in group.steps:
                result = step(item, **kwargs)
                item = item if result is None else result
            return item
    else:
        def handler(**kwargs):
            for step in group.steps:
                step(**kwargs)
    handler.mkdocs_priority = group.priority
    handler.__name__ = handler.__qualname__ = f"on_{event}[{group.priority}]"
    return handler


# The module's on_<event> attributes, which MkDocs registers as it does any hook's.
for _event, _groups in BUILD.items():
    _handlers = [_handler(_event, group) for group in _groups]
    globals()[f"on_{_event}"] = _handlers[0] if len(_handlers) == 1 else CombinedEvent(*_handlers)
