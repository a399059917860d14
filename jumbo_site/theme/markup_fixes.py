"""Valid HTML where Material writes markup outside any template block.

Material's base.html gives its two checkbox toggles (navigation drawer, search)
autocomplete="off", an attribute HTML allows on text-like inputs only (the Nu HTML
Checker's one error on every page). It is there to keep Firefox from restoring a
toggle's state when going back; the toggles are reset on every page load anyway.
The attribute is removed from checkboxes after the page is rendered.
"""

from __future__ import annotations

import re


CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')


# Before the content security policy is computed.
def on_post_page(output, page, config):
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)
