"""Headings are announced by their words alone, not "Programme¶".

The Markdown table of contents extension puts a "¶" permalink inside every
heading, and a link inside a heading joins the heading's accessible name. Here the
"¶" is left to pointer users (it appears on hover): it is hidden from assistive
technology and taken out of the Tab order, which is allowed only together. Keyboard
and screen reader users reach the same addresses through the table of contents,
whose entries link to the same anchors.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

HEADERLINK = re.compile(r'<a class="headerlink"(?![^>]*\baria-hidden=)')


# After the other content hooks, so every heading's permalink is there.
@event_priority(-50)
def on_page_content(html, page, config, files):
    return HEADERLINK.sub('<a class="headerlink" aria-hidden="true" tabindex="-1"', html)
