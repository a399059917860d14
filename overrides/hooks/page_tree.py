"""One parse per page: the page's HTML as one tree, for every step that reads or changes it.

Markdown's HTML (the editor's text with the data rendered into it) is parsed once,
with lxml (libxml2 2.14's HTML5 tokeniser, as content_security.py reads pages), into a
PageTree: a <div> holding the page's text. The page's HTML steps (site_plugin.py names
them in order: the allowlist, reserved ids, point tools, search sections, permalinks,
Kosovo* references) each read or change that tree; the last writes it once, as an
HTML5 serialiser does (the escaping nh3 used when it wrote the pages), so the text is
what was checked and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
from lxml import etree

VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
# Elements whose first line break an HTML5 parser drops (a browser, nh3): the tree drops it too.
LEADING_NEWLINE = frozenset({"pre", "listing", "textarea"})


@dataclass
class PageTree:
    root: etree._Element  # a <div> whose content is the page's text
    source: str  # the HTML the tree was parsed from: Markdown's, for the editors' text check


# The tree of an HTML fragment, in a <div> of its own.
def parse(fragment: str) -> etree._Element:
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter(*LEADING_NEWLINE):
        if element.text and element.text.startswith("\n"):
            element.text = element.text[1:]
    return root


def _text(text: str) -> str:
    return text.replace("&", "&amp;").replace("\xa0", "&nbsp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace("\xa0", "&nbsp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def _write(element, out: list[str]) -> None:
    if element.tag is etree.Comment:
        out.append(f"<!--{element.text or ''}-->")
    elif isinstance(element.tag, str):
        out.append("<" + element.tag + "".join(f' {name}="{_attribute(value)}"' for name, value in element.attrib.items()) + ">")
        if element.tag not in VOID:
            if element.text:
                out.append(_text(element.text))
            for child in element:
                _write(child, out)
            out.append(f"</{element.tag}>")
    if element.tail:
        out.append(_text(element.tail))


def inner_html(element) -> str:
    """An element's content as HTML, written as an HTML5 serialiser writes it."""
    out = [_text(element.text or "")]
    for child in element:
        _write(child, out)
    return "".join(out)


def outer_html(element) -> str:
    """An element and its content (not its tail) as HTML."""
    out: list[str] = []
    tail, element.tail = element.tail, None
    try:
        _write(element, out)
    finally:
        element.tail = tail
    return "".join(out)


def fragment_elements(fragment: str) -> list:
    """The elements (and text, as the first's tail) of markup the site writes, to put into a tree."""
    return list(parse(fragment))


# First of the page's HTML steps: Markdown's HTML, parsed once.
def parse_page(html: str, page, config, files) -> PageTree:
    return PageTree(parse(html), html)


# After the steps that change the tree: the page's text, written once.
def write_page(tree: PageTree, page, config, files) -> str:
    return inner_html(tree.root)
