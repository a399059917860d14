"""Kosovo*, with its footnote, wherever Kosovo is named (RCC usage).

Editors write `Kosovo*`. Each occurrence of a name listed under `kosovo.names`
in the page language's strings must carry the asterisk, or the build stops;
the asterisk links to the standard footnote, added at the end of the page.
Each asterisk is a link named in words (`kosovo.ref`, never just "*"), and the
footnote links back to the text (`kosovo.back`).
"""

from __future__ import annotations

import re
from html import escape

from editor_errors import page_error, source_line
from site_i18n import content_language, strings_for

FOOTNOTE_ID = "kosovo-footnote"
REFERENCE = '<a class="kosovo-ref" id="kosovo-ref-{n}" href="#' + FOOTNOTE_ID + '" aria-label="{name}">*</a>'
BACK = '<a class="kosovo-back" href="#kosovo-ref-1" aria-label="{name}">\u21a9\ufe0e</a>'

# Pages that name Kosovo, by source path, for on_page_content.
_pages_naming_kosovo: set[str] = set()


def _names_pattern(names: list[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b(?P<asterisk>\\?\*)?")


# Check every mention and turn its asterisk into a link to the footnote.
def on_page_markdown(markdown, page, config, files):
    strings = strings_for(content_language(page, config))
    pattern = _names_pattern(strings["kosovo.names"])
    found = 0

    def mark(match):
        nonlocal found
        if not match["asterisk"]:
            raise page_error(
                page,
                f"'{match[0]}' must be written '{match[0]}*' (RCC usage: the asterisk refers to the standard footnote).",
                source_line(page, markdown, match.start()),
            )
        found += 1
        return match[0][: -len(match["asterisk"])] + REFERENCE.format(n=found, name=escape(strings["kosovo.ref"]))

    markdown = pattern.sub(mark, markdown)
    if found:
        _pages_naming_kosovo.add(page.file.src_uri)
    else:
        _pages_naming_kosovo.discard(page.file.src_uri)
    return markdown


# Add the footnote to the end of each page that names Kosovo.
def on_page_content(html, page, config, files):
    if page.file.src_uri not in _pages_naming_kosovo:
        return html
    strings = strings_for(content_language(page, config))
    back = BACK.format(name=escape(strings["kosovo.back"]))
    return html + f'\n<div class="kosovo-footnote" id="{FOOTNOTE_ID}" role="note"><p>* {strings["kosovo.footnote"]} {back}</p></div>\n'

