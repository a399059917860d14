"""Kosovo*, with its footnote, wherever Kosovo is named (RCC usage).

Editors write `Kosovo*`. Each occurrence of a name listed under `kosovo.names`
in the page language's strings must carry the asterisk, or the build stops;
the asterisk links to the standard footnote, added at the end of the page.
"""

from __future__ import annotations

import re

from editor_errors import page_error, source_line
from site_i18n import content_language, strings_for

FOOTNOTE_ID = "kosovo-footnote"
REFERENCE = f'<a class="kosovo-ref" href="#{FOOTNOTE_ID}">*</a>'

# Pages that name Kosovo, by source path, for on_page_content.
_pages_naming_kosovo: set[str] = set()


def _names_pattern(names: list[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b(?P<asterisk>\\?\*)?")


# Check every mention and turn its asterisk into a link to the footnote.
def on_page_markdown(markdown, page, config, files):
    strings = strings_for(content_language(page, config))
    pattern = _names_pattern(strings["kosovo.names"])
    found = False

    def mark(match):
        nonlocal found
        if not match["asterisk"]:
            raise page_error(
                page,
                f"'{match[0]}' must be written '{match[0]}*' (RCC usage: the asterisk refers to the standard footnote).",
                source_line(page, markdown, match.start()),
            )
        found = True
        return match[0][: -len(match["asterisk"])] + REFERENCE

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
    text = strings_for(content_language(page, config))["kosovo.footnote"]
    return html + f'\n<div class="kosovo-footnote" id="{FOOTNOTE_ID}" role="note"><p>* {text}</p></div>\n'

