"""Where a page's fenced code blocks are: code is shown, never read as Markdown or HTML.

Not a hook: content_limits.py (nesting and paragraph length) and content_check.py
(HTML tags, footnote and abbreviation syntax) check only the lines outside them, so
a code block may show any amount of markup. A block is what Python-Markdown's own
fenced_code extension (which MkDocs always enables) reads as one, found with its own
pattern: anything else, an unclosed or malformed fence included, is Markdown and is
checked.
"""

from __future__ import annotations

from markdown.extensions.fenced_code import FencedBlockPreprocessor

FENCED_BLOCK = FencedBlockPreprocessor.FENCED_BLOCK_RE


# The Markdown outside the code of fenced blocks, as (offset, line). The fence lines
# themselves are yielded (and checked); so is everything the extension would not take as code.
def prose_lines(markdown: str):
    code = [(m.start("code"), m.end("code")) for m in FENCED_BLOCK.finditer(markdown) if m.end("code") > m.start("code")]
    blocks, offset = iter(code), 0
    block = next(blocks, None)
    for line in markdown.splitlines(keepends=True):
        while block is not None and block[1] <= offset:
            block = next(blocks, None)
        if block is None or not block[0] <= offset < block[1]:
            yield offset, line
        offset += len(line)
