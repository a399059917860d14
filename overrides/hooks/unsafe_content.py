"""What pages and data may not contain, since anyone can propose a change.

No scripts, no inline event handlers, no javascript: URLs, no embedded frames, and
no plain-http links (readers' connections stay encrypted). Used by safe_content.py
for pages and by conference_data.py for data texts.
"""

from __future__ import annotations

import re

RULES = [
    (re.compile(r"<\s*script\b", re.I), "a <script> element: pages carry no scripts"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "an inline event handler (on…=): pages carry no scripts"),
    (re.compile(r"javascript\s*:", re.I), "a javascript: URL: pages carry no scripts"),
    (re.compile(r"<\s*iframe\b", re.I), "an <iframe>: embedded pages from other hosts are not allowed"),
    (re.compile(r"\bhttp://", re.I), "a link to http://: write https://"),
]


def unsafe(text: str) -> list[tuple[int, str]]:
    """Every offending place: (offset in the text, what is wrong), in text order."""
    return sorted((match.start(), problem) for pattern, problem in RULES for match in pattern.finditer(text))
