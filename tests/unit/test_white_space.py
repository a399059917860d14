"""The templates' indentation left out of published pages (markup_fixes.py, issue 24):
the page must read the same, and white space that shows must stay."""

from __future__ import annotations

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
