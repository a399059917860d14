"""The page's HTML steps, on one tree: parsed once, read and changed by each step, written
once as an HTML5 serialiser writes it. In-process calls on small inline pages; the whole
build's pages are compared with the build before the change by `diff -r` (README, "How a
page is built")."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from jumbo_site.languages import kosovo_footnote
from jumbo_site.page import heading_permalinks, page_tree, point_tools
from jumbo_site.safety import reserved_ids
from jumbo_site.search.search_index import _Sections

STRINGS = {
    "kosovo.ref": "Note on the designation",
    "kosovo.back": "Back to the text",
    "kosovo.footnote": "This designation is without prejudice to positions on status.",
    "point.copy": "Copy link",
    "point.copy.label": "Copy the link to point {n}",
    "point.copied": "Link to point {n} copied",
    "compare.summary": "Compare with the English",
    "notice.authoritative.link": "Read the English text",
}


def page(body: str = "", **meta) -> SimpleNamespace:
    """A page of docs/en/about.md whose source is front matter and body (the body starts on line 5)."""
    source = "---\ntitle: About\n---\n\n" + body
    return SimpleNamespace(file=SimpleNamespace(src_uri="en/about.md", content_string=source), meta=meta, toc=[], title="About", url="about/")


def tree(html: str) -> page_tree.PageTree:
    return page_tree.parse_page(html, page(), None, None)


def written(tree_: page_tree.PageTree) -> str:
    return page_tree.write_page(tree_, page(), None, None)


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<p>R&amp;D &lt;b&gt; &#42; caf\u00e9\u00a0x</p>", "<p>R&amp;D &lt;b&gt; * caf\u00e9&nbsp;x</p>"),  # entities read, then escaped as needed
        ('<p title="a &quot;b&quot; &lt;c&gt;">x</p>', '<p title="a &quot;b&quot; &lt;c&gt;">x</p>'),
        ("<p>a<br />b</p>\n<hr />\n<img alt=\"x\" src=\"x.png\" />", '<p>a<br>b</p>\n<hr>\n<img alt="x" src="x.png">'),  # void elements
        ("<details open><summary>s</summary>t</details>", '<details open=""><summary>s</summary>t</details>'),  # boolean attributes
        ("<!-- a note -->\n<pre>\ncode</pre>", "<!-- a note -->\n<pre>code</pre>"),  # a pre's first line break is not its text
        ("text <em>first</em> tail", "text <em>first</em> tail"),
        (" <p>x</p>", " <p>x</p>"),  # nothing dropped, white space before the first element included
        ("<p>" + "long " * 2_200_000 + "</p>", "<p>" + "long " * 2_200_000 + "</p>"),  # a text of 11 MB (libxml2 cuts at 10 MB unless told)
    ],
    ids=["entities", "attributes", "void", "boolean", "comment and pre", "text", "leading space", "11 MB"],
)
def test_a_page_parsed_and_written_reads_as_an_html5_serialiser_writes_it(html, expected):
    assert written(tree(html)) == expected


def test_an_id_the_site_gives_is_refused_naming_the_line():
    body = "# About\n\n<span id=\"kosovo-footnote\">Fake</span>\n"
    config = SimpleNamespace(theme=SimpleNamespace(dirs=[]), docs_dir="/nonexistent")
    with pytest.raises(PluginError) as error:
        reserved_ids.on_page_content(tree('<h1 id="about">About</h1>\n<p><span id="kosovo-footnote">Fake</span></p>'), page(body), config, None)
    assert str(error.value).startswith("docs/en/about.md, line 7: the id 'kosovo-footnote' on <span>")


def test_each_point_gets_its_tools_and_a_translation_a_link_to_the_english_point():
    english = tree('<ol class="numbered-points"><li id="point-1"><a class="point-number" href="#point-1">1.</a>The <em id="x">first</em> point.</li></ol>')
    item = english.root.find(".//li")
    item.append(point_tools._tools(1, STRINGS, "../../conclusions/", "mk"))
    assert written(english) == (
        '<ol class="numbered-points"><li id="point-1"><a class="point-number" href="#point-1">1.</a>The <em id="x">first</em> point.'
        '<div class="point-tools" data-search-exclude=""><button type="button" class="copy-link" hidden="" aria-label="Copy the link to point 1" '
        'data-copied="Link to point 1 copied">Copy link</button><details class="compare-english"><summary>Compare with the English</summary>'
        '<div lang="en"><p lang="mk"><a href="../../conclusions/#point-1" hreflang="en">Read the English text</a></p></div></details></div>\n</li></ol>'
    )


def test_search_sections_split_at_headings_and_points_and_skip_permalinks_and_the_point_tools():
    html = (
        '<h1 id="about">About<a class="headerlink" href="#about">\u00b6</a></h1>\n<p>Intro&nbsp;text.</p>\n'
        '<h2 id="more">More</h2>\n<p>Body<br />text.</p>\n<ol><li id="point-1"><a class="point-number" href="#point-1">1.</a>First.'
        '<div class="point-tools" data-search-exclude=""><button hidden="">Copy link</button></div></li></ol>'
    )
    entries = _Sections("About", "about/").read(tree(html).root).entries()
    assert [(e["url"], e["title"], e["text"]) for e in entries] == [
        ("about/#about", "About", "Intro text."),
        ("about/#more", "More", "Body text."),
        ("about/#point-1", "About · 1.", "First."),
    ]


def test_a_heading_permalink_leaves_the_tab_order_with_its_attributes_after_its_class():
    step = heading_permalinks.on_page_content(tree('<h2 id="x">X<a class="headerlink" href="#x" title="Permanent link">\u00b6</a></h2>'), page(), None, None)
    assert written(step) == '<h2 id="x">X<a class="headerlink" aria-hidden="true" tabindex="-1" href="#x" title="Permanent link">\u00b6</a></h2>'


@pytest.fixture
def kosovo_strings(monkeypatch):
    monkeypatch.setattr(kosovo_footnote, "content_language", lambda page, config: None)
    monkeypatch.setattr(kosovo_footnote, "strings_for", lambda language: STRINGS)


def test_each_asterisk_of_kosovo_links_to_the_footnote_numbered_in_reading_order(kosovo_strings):
    html = "<p>Kosovo* and <em>Kosovo*</em>, not [<a href=\"https://x.example/\">Kosovo*</a>].</p>\n<p>Kosovo* again.</p>"
    step = kosovo_footnote.on_page_content(tree(html), page(), None, None)
    reference = '<a class="kosovo-ref" id="kosovo-ref-{}" href="#kosovo-footnote" aria-label="Note on the designation">*</a>'
    assert written(step) == (
        f"<p>Kosovo{reference.format(1)} and <em>Kosovo{reference.format(2)}</em>, not [<a href=\"https://x.example/\">Kosovo*</a>].</p>\n"
        f"<p>Kosovo{reference.format(3)} again.</p>\n"
        '<div class="kosovo-footnote" id="kosovo-footnote" role="note"><p>* This designation is without prejudice to positions on status. '
        '<a class="kosovo-back" href="#kosovo-ref-1" aria-label="Back to the text">\u21a9\ufe0e</a></p></div>\n'
    )


@pytest.mark.parametrize(
    "html, line",
    [
        ("<p>Delegates from Kosovo attended.</p>", "Delegates from Kosovo attended."),
        ('<p>Kos<span class="x">y</span>ovo attended.</p>', 'Kos<span class="x">y</span>ovo attended.'),
        ('<p><img alt="Map of Kosovo" src="m.png"></p>', '<img alt="Map of Kosovo" src="m.png">'),
    ],
)
def test_kosovo_without_its_asterisk_is_refused_naming_the_line(kosovo_strings, html, line):
    with pytest.raises(PluginError) as error:
        kosovo_footnote.on_page_content(tree(html), page(f"# About\n\n{line}\n"), None, None)
    assert str(error.value).startswith("docs/en/about.md, line 7: "), str(error.value)
