"""The templates' indentation left out of published pages (markup_fixes.py, issue 24):
the page must read the same, and white space that shows must stay."""

from __future__ import annotations

import re

import lxml.html

from jumbo_site.theme.markup_fixes import collapse_white_space


def test_every_published_page_reads_as_its_template_wrote_it(site):
    # What a reader sees: the text of each page, white space runs as one space, is the
    # same as the collapse of what the page has (it was already collapsed once: a second
    # pass changes nothing), and no page keeps an indented blank line outside verbatim text.
    for path in site.rglob("index.html"):  # the pages (404.html is a template of its own)
        html = path.read_text(encoding="utf-8")
        assert collapse_white_space(html) == html, path
        outside = re.sub(r"<(pre|textarea|script|style|code)\b.*?</\1\s*>", "<verbatim>", html, flags=re.S)
        assert not re.search(r">[^<>]*\n[ \t]+[^<>]*<", outside), path
        assert lxml.html.document_fromstring(html).text_content().strip()
