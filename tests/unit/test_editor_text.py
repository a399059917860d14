"""Editors' text is checked before the site decorates it: the allowlist holds only what
editors may write, so the site's own markup (the copy-link button, tabindex, role, the
site's data-* attributes) is refused in a page, naming the file and line. In-process calls
to the first page steps (page_tree.parse_page, content_check.on_page_content) on Markdown
rendered as the site renders it; the build's own wiring is tried in tests/builds/test_bad_input.py and
tests/unit/test_content_safety.py."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest
from mkdocs.exceptions import PluginError

from jumbo_site.page import page_tree
from jumbo_site.safety import content_check
from jumbo_site.safety.content_allowlist import (
    ATTRIBUTE_VALUES,
    ATTRIBUTES,
    TAGS,
    refusals,
)

FRONT_MATTER = "---\ntitle: About\ndescription: About the conference\n---\n\n"  # the body starts on line 6
BODY = "# About\n\nAn ordinary paragraph.\n\n"  # lines 6 to 9: the snippet is on line 10


def page_step(body: str) -> str:
    """The checked page's text, written, for a page of docs/en/about.md whose Markdown is body."""
    source = FRONT_MATTER + body
    page = SimpleNamespace(file=SimpleNamespace(src_uri="en/about.md", content_string=source), meta={})
    html = markdown.Markdown(extensions=["attr_list", "md_in_html"]).convert(body)
    tree = content_check.on_page_content(page_tree.parse_page(html, page, None, None), page, config=None, files=None)
    return page_tree.write_page(tree, page, None, None)


def refusal(body: str) -> str:
    with pytest.raises(PluginError) as error:
        page_step(body)
    return str(error.value)


# The site's own markup, as its steps and templates write it (point_tools.py, heading_permalinks.py,
# kosovo_footnote.py, partials/translation-notice.html, partials/takeaways.html), and what the refusal names.
SITE_MARKUP = {
    "the copy-link button": ('See <button type="button">Copy</button> here.', "the element <button>"),
    "a hidden button that says it copied": ("See <button hidden data-copied>Copied</button> here.", "the element <button>"),
    "search's exclusion": ("<div data-search-exclude>Not searched</div>", "the attribute data-search-exclude= on <div>"),
    "a permalink out of the Tab order": ('See <a href="#about" tabindex="-1">the top</a> here.', "the attribute tabindex= on <a>"),
    "the footnote's role": ('<div role="note">A note</div>', "the attribute role= on <div>"),
    "a role on a link": ('See <a href="#about" role="button">this</a> here.', "the attribute role= on <a>"),
    "a translation notice's status": ('<div data-translation-status="outdated">Old</div>', "the attribute data-translation-status= on <div>"),
    "a table's scrollable region": ('<div class="md-typeset__scrollwrap" tabindex="0">x</div>', "the attribute tabindex= on <div>"),
}


@pytest.mark.parametrize("snippet, problem", SITE_MARKUP.values(), ids=SITE_MARKUP)
def test_the_site_s_own_markup_in_a_page_is_refused_naming_file_and_line(snippet, problem):
    message = refusal(BODY + snippet + "\n")
    assert message.startswith("docs/en/about.md, line 10: "), message
    assert problem in message, message


def test_the_allowlist_holds_only_what_editors_may_write():
    assert "button" not in TAGS
    allowed = set().union(*ATTRIBUTES.values(), *(set(values) for values in ATTRIBUTE_VALUES.values()))
    assert not allowed & {"tabindex", "role", "hidden", "data-copied", "data-search-exclude", "data-translation-status"}, allowed


def test_what_editors_write_passes_and_new_tabs_get_noopener():
    body = BODY + '[RCC](https://www.rcc.int/){ target="_blank" }\n\n<details open><summary>More</summary>Text</details>\n'
    html = page_step(body)
    assert '<a href="https://www.rcc.int/" target="_blank" rel="noopener">RCC</a>' in html
    assert '<details open="">' in html, html


def test_the_check_reads_markdown_s_html_before_any_decoration():
    from jumbo_site.build.site_plugin import BUILD

    steps = [step for group in BUILD["page_content"] for step in group.steps]
    assert steps[:2] == [page_tree.parse_page, content_check.on_page_content]
    assert not any(step.__module__ == "content_check" for group in BUILD["post_page"] for step in group.steps)


@pytest.mark.parametrize("reference", ["&#11;", "&#x1F;", "&#127;", "&#x0c"])
def test_a_control_character_written_as_a_reference_is_refused_as_invisible(reference):
    """Python's html.unescape drops these references; browsers (and the page's tree) keep the character."""
    from jumbo_site.safety.invisible_characters import problem

    assert problem(f"Delegates from Kos{reference}ovo*.")[:2] == (1, 19)


def test_the_allowlist_reads_the_elements_of_the_tree_it_is_given_not_only_the_source_s_names():
    """The page's tree is what is published: an element in it that the list lacks is refused
    even where the source text names none (a parser's or an earlier step's element)."""
    tree = page_tree.parse("<p>Paris</p>")
    tree[0].append(tree.makeelement("iframe", {}))
    assert [refusal.needle for refusal in refusals("<p>Paris</p>", tree)] == ["<iframe"]
    assert refusals("<p>Paris</p>", page_tree.parse("<p>Paris</p>")) == []
