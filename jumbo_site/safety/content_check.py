"""Every page's text is checked against the allowlist before the site decorates it.

The text of a page (its Markdown with the data rendered into it, as HTML, in its
language: Serbian Latin after transliteration) is checked against
content_allowlist.py as Markdown made it, on the page's tree (page_tree.py), first of
the page's HTML steps, before any step adds the site's own markup (the point tools,
the Kosovo* references and footnote, the permalinks' tabindex), which comes from
templates and code and is checked with the whole page by content_security.py.
Anything outside the allowlist stops the build, naming the source file and line (or
the data file and line) and what is refused; nothing is stripped in silence. Links
that open a new tab get rel="noopener", so the opened page cannot reach back. A page with
more than MAX_TAGS HTML tags outside its code blocks
is refused before Markdown reads it: Python-Markdown slows down quadratically on
thousands of unclosed tags (`<a <a <a …`), and pages are Markdown, not HTML; a code
block may show any number. Footnote and abbreviation syntax, which the site's Markdown
would print as it is, are refused with what to write instead. A character a
reader cannot see (invisible_characters.py: a right-to-left override, a variation
selector, a Hangul filler …) stops the build naming its line and column.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from jumbo_site.build.editor_errors import page_error, source_file, source_line
from jumbo_site.safety.content_allowlist import refusals
from jumbo_site.safety.content_refusal import refusal_error
from jumbo_site.safety.invisible_characters import problem as invisible_problem
from jumbo_site.safety.markdown_fences import prose_lines

MAX_TAGS = 300
TAG_START = re.compile(r"<[A-Za-z/!?]")
CODE_SPAN = re.compile(r"(`+)[^`\n]*?\1")
FOOTNOTE = re.compile(r"\[\^[^\]\n]{1,200}\]")  # bounded: linear on a line of "[^[^[^…"
ABBREVIATION = re.compile(r"^ {0,3}\*\[[^\]\n]+\]:")


# What the page's Markdown would silently lose, with the fix, or None.
def unsupported_syntax(line: str) -> str | None:
    line = CODE_SPAN.sub("", line)
    if FOOTNOTE.search(line):
        return "footnotes ([^1]) are not part of the site's Markdown: write the note as a sentence or in parentheses"
    if ABBREVIATION.match(line):
        return "abbreviation definitions (*[ABBR]: …) are not part of the site's Markdown: write the full name once, then the abbreviation"
    return None


# First of the page hooks, on the editor's own text: no invisible character anywhere in
# the source (front matter too), written or as an entity; no Markdown that would stall the
# build (tags counted outside code blocks, which may show any number), and no syntax
# that the site's Markdown would print as it is.
def on_page_markdown(markdown, page, config, files):
    if hidden := invisible_problem(page.file.content_string):
        line, column, what = hidden
        raise PluginError(f"{source_file(page)}, line {line}, column {column}: {what}.")
    count = 0
    for offset, line in prose_lines(markdown):
        for match in TAG_START.finditer(line):
            count += 1
            if count > MAX_TAGS:
                line_number = source_line(page, markdown, offset + match.start())
                raise page_error(page, f"more than {MAX_TAGS} HTML tags: pages are Markdown; write the text as Markdown.", line_number)
        if problem := unsupported_syntax(line):
            raise page_error(page, problem + ".", source_line(page, markdown, offset))
    return markdown


# First of the page's HTML steps, on the tree of what Markdown made of the editor's
# text: nothing outside the allowlist; links that open a new tab get noopener.
def on_page_content(tree, page, config, files):
    if found := refusals(tree.source, tree.root):
        raise refusal_error(page, found[0], config)
    for link in tree.root.iter("a"):
        if link.get("target") == "_blank":
            rel = link.get("rel")
            if rel is None or "noopener" not in rel.split():
                link.set("rel", "noopener" if rel is None else f"{rel} noopener")
    return tree
