"""The site's chrome: the conference's wordmark, and none of a manual's (issue 24).

A wide table (the editors' translation status) scrolls inside a region that takes
focus, named after the page, so that a keyboard reader scrolls it with the arrow keys
(WCAG 2.1.1), as Material's script would wrap it (the site does not load that script).

The header carries a typographic wordmark in place of Material's book icon
(overrides/partials/header.html): the short name a reader recognises, "Jumbo 2021"
(the name in brackets in the language's `site.name`, and the year of data/programme.yml's
event date), then on wide screens the name without it and the city. On phones the short
name alone, which always fits: never a title cut to "Sixth Regi…".

A page without a table of contents (the conclusions, the home page, the privacy
notice) gets no contents sidebar: Material would print an empty column and an empty
"Table of contents" navigation landmark that screen readers list. Its sidebar is
hidden the way Material hides it for `hide: [toc]` in front matter, so the reading
column takes the room. (The pager and the edit pencil are features left out of
mkdocs.yml.)
"""

from __future__ import annotations

import html
import re

from mkdocs.exceptions import PluginError

from jumbo_site.data.conference_data import conference_for, localise
from jumbo_site.languages.site_i18n import current_language, strings_file, strings_for

# The short name in the conference's name: "Sixth Regional (Jumbo) Security …".
SHORT_NAME = re.compile(r"\s*\(([^()]+)\)")
TABLE = re.compile(r"<table>.*?</table>", re.S)  # Markdown's tables: no attributes


# The wordmark's parts in the language being built, for header.html.
def wordmark(config) -> dict:
    language = current_language(config)
    name = strings_for(language)["site.name"]
    found = SHORT_NAME.search(name)
    if not found:
        raise PluginError(f"{strings_file(language, 'site.name')}: site.name {name!r} has no short name in brackets, as in 'Sixth Regional (Jumbo) …': the header's wordmark shows it with the year")
    event = conference_for(config).event
    return {"short": f"{found[1]} {event.date.year}", "name": SHORT_NAME.sub("", name, count=1), "city": localise(event.city, language)}


def on_env(env, config, files):
    env.globals["wordmark"] = wordmark(config)
    return env


# True if the page's table of contents lists nothing but its h1.
def has_no_contents(toc) -> bool:
    items = list(toc)
    if len(items) == 1 and items[0].level == 1:
        items = list(items[0].children)
    return not items


# After Markdown: the page's toc is known; Material reads page.meta.hide when rendering.
def on_page_content(tree, page, config, files):
    if has_no_contents(page.toc):
        hide = list(page.meta.get("hide") or [])
        if "toc" not in hide:
            page.meta["hide"] = [*hide, "toc"]
    return tree


# The site's markup, written after the editors' text is checked (content_check.py), since
# editors may not write tabindex, and before the policy (content_security.py): each table in its region.
def on_post_page(output, page, config):
    label = html.escape(page.title or "", quote=True)
    region = f'<div class="md-typeset__scrollwrap" role="region" tabindex="0" aria-label="{label}"><div class="md-typeset__table">'
    return TABLE.sub(lambda table: region + table[0] + "</div></div>", output)
