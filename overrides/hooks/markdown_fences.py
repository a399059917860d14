"""Where a page's fenced code blocks are: code is shown, never read as Markdown or HTML.

Not a hook: content_limits.py (nesting and paragraph length) and content_check.py
(HTML tags, footnote and abbreviation syntax) check only the lines outside them, so
a code block may show any amount of markup.
"""

from __future__ import annotations

import re

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


# The Markdown outside fenced code blocks, as (offset, line): what Markdown reads as text
# and HTML. A fence closes with a line of the same character, at least as long, and
# nothing else. One that never closes is no fence (as Python-Markdown reads it): its
# lines are Markdown too, so nothing can hide behind an opening fence alone. Linear.
def prose_lines(markdown: str):
    fence, offset, held = None, 0, []
    for line in markdown.splitlines(keepends=True):
        if fence is None and (opening := FENCE.match(line)):
            fence, held = opening[1], [(offset, line)]
        elif fence is not None:
            held.append((offset, line))
            closing = FENCE.match(line)
            if closing and closing[1][0] == fence[0] and len(closing[1]) >= len(fence) and not line.strip().strip(fence[0]):
                fence, held = None, []
        else:
            yield offset, line
        offset += len(line)
    yield from held[1:]  # an unclosed fence: its lines after the opening one are read as Markdown
