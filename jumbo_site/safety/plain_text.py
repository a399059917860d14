"""Plain text: what the site's one-line texts may hold.

Not a hook: front_matter.py (titles, descriptions, mkdocs.yml's site_author) and
site_i18n.py (the interface strings in strings/, each language's name and
site texts among them) check with it. Templates
print these texts as they are, between tags and inside attributes (content="…",
aria-label="…"), so markup, a quotation mark that would end the attribute, character references
(an ampersand a browser would read as one: "&amp;", "&copy"; "R&D" is text) and invisible characters
(invisible_characters.py) are refused.
"""

from __future__ import annotations

import html
import re

from jumbo_site.safety.invisible_characters import is_invisible, name

MARKUP = re.compile(r"[<>\"]")
# An ampersand an HTML parser would read as the start of a character (&amp; &#38; &copy …):
# html.unescape reads text as browsers do. "R&D" and "A & B" stay as they are.
REFERENCE = re.compile(r"&[#A-Za-z0-9]+;?")


# What keeps a text from being plain text, as the end of "expected …", or None.
def markup_problem(value: str) -> str | None:
    if markup := MARKUP.search(value):
        return f"plain text, without markup ({markup[0]!r}); write quotation marks as “ ”"
    if "&" in value and (reference := next((m[0] for m in REFERENCE.finditer(value) if html.unescape(m[0]) != m[0]), None)):
        return f"plain text, without the character reference {reference!r}; write the character itself"
    if hidden := next((ch for ch in value if is_invisible(ch) or ch in "\t\n\r"), None):
        return f"plain text, without the invisible character {name(hidden)}"
    return None
