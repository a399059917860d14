"""The templates' indentation left out of published pages (markup_fixes.py, issue 24):
the page must read the same, and white space that shows must stay."""

from __future__ import annotations

import re

import lxml.html
from jumbo_site.theme.markup_fixes import collapse_white_space


def test_a_run_of_white_space_with_a_line_break_becomes_one_line_break_between_tags():
    html = '<nav>\n    <ul>\n  \n      <li><a href="a">\n        One\n      </a></li>\n    </ul>\n  </nav>'
    assert collapse_white_space(html) == '<nav>\n<ul>\n<li><a href="a">\nOne\n</a></li>\n</ul>\n</nav>'


def test_spaces_without_a_line_break_attributes_and_verbatim_text_stay_as_written():
    html = (
        '<p title="a\n   b">Two  spaces\n\n  here</p><pre>  kept\n\n   as is</pre><code>x  \n  y</code>'
        '<script type="application/ld+json">{\n  "a": "b  \n c"\n}</script><textarea>\n  t\n</textarea><p>end</p>'
    )
    assert collapse_white_space(html) == (
        '<p title="a\n   b">Two  spaces\nhere</p><pre>  kept\n\n   as is</pre><code>x  \n  y</code>'
        '<script type="application/ld+json">{\n  "a": "b  \n c"\n}</script><textarea>\n  t\n</textarea><p>end</p>'
    )


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
