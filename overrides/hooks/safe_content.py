"""Pages from pull requests are safe to publish.

The build stops, naming the file and line, when a page contains a script, an inline
event handler, a javascript: URL, an iframe or an http:// link (unsafe_content.py);
links that open a new tab get rel="noopener", so the opened page cannot reach back.
"""

from __future__ import annotations

import re

from editor_errors import page_error, source_line
from mkdocs.plugins import event_priority
from unsafe_content import unsafe

NEW_TAB_LINK = re.compile(r'<a\b(?=[^>]*\btarget="_blank")[^>]*>')


# First of the page hooks: the editor's own text, with its own line numbers.
@event_priority(50)
def on_page_markdown(markdown, page, config, files):
    if problems := unsafe(markdown):
        offset, problem = problems[0]
        raise page_error(page, f"{problem}.", source_line(page, markdown, offset))
    return markdown


def _noopener(match: re.Match) -> str:
    tag = match[0]
    rel = re.search(r'\brel="([^"]*)"', tag)
    if rel is None:
        return tag[:-1] + ' rel="noopener">'
    if "noopener" in rel[1].split():
        return tag
    return tag.replace(rel[0], f'rel="{rel[1]} noopener"')


def on_page_content(html, page, config, files):
    return NEW_TAB_LINK.sub(_noopener, html)
