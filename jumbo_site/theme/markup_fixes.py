"""Valid HTML where Material writes markup outside any template block.

Material's base.html gives its two checkbox toggles (navigation drawer, search)
autocomplete="off", an attribute HTML allows on text-like inputs only (the Nu HTML
Checker's one error on every page). It is there to keep Firefox from restoring a
toggle's state when going back; the toggles are reset on every page load anyway.
The attribute is removed from checkboxes after the page is rendered.

The templates' indentation and blank lines go too (issue 24: every byte of a page
blocks its first paint). A run of white space that holds a line break, in text
between tags, becomes one line break: the browser shows any run of white space as
one space (or none at a line's start), so the page reads the same; text in pre,
textarea, script, style and code (pre-wrap in Material's CSS) stays as written.
About 0.5 KB gzip a page (0.2-0.6 KB; 5-10 % of its bytes).
"""

from __future__ import annotations

import re


CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
# Elements whose text keeps its white space, whole (the pattern's group 1).
VERBATIM = re.compile(r"(<(pre|textarea|script|style|code)\b.*?</\2\s*>)", re.S | re.I)
# Text between tags (or between a tag and a verbatim element).
TEXT = re.compile(r"(?:(?<=>)|\A)[^<>]+(?=<|\Z)")
LINE_BREAK_RUN = re.compile(r"[ \t\r\n\f]*\n[ \t\r\n\f]*")


# One line break for each run of white space that holds one, in text between tags.
def collapse_white_space(html: str) -> str:
    parts = VERBATIM.split(html)
    # split() gives: text, verbatim element, its tag name, text, ...
    for index in range(0, len(parts), 3):
        parts[index] = TEXT.sub(lambda match: LINE_BREAK_RUN.sub("\n", match[0]), parts[index])
    return "".join(part for position, part in enumerate(parts) if position % 3 != 2)


# Before the content security policy is computed.
def on_post_page(output, page, config):
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)


# After the i18n plugin, which adds to the page, and before the policy check (last).
def without_indentation(output, page, config):
    return collapse_white_space(output)
