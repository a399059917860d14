"""Plain text: what the site's one-line texts may hold.

Not a hook: front_matter.py (titles, descriptions, mkdocs.yml's site texts) and
site_i18n.py (the interface strings in overrides/strings/) check with it. Templates
print these texts as they are, between tags and inside attributes (content="…",
aria-label="…"), so markup, a quotation mark that would end the attribute, entities
and invisible control characters are refused.
"""

from __future__ import annotations

import re
import unicodedata

MARKUP = re.compile(r"[<>\"`]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?", re.I)


# What keeps a text from being plain text, as the end of "expected …", or None.
def markup_problem(value: str) -> str | None:
    if markup := MARKUP.search(value):
        return f"plain text, without markup ({markup[0]!r}); write quotation marks as “ ” and & as 'and'"
    if hidden := next((ch for ch in value if unicodedata.category(ch) in ("Cc", "Cf")), None):
        return f"plain text, without the invisible character U+{ord(hidden):04X}"
    return None
