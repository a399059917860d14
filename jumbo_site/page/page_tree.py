"""One parse per page: the page's HTML as one tree, for every step that reads or changes it.

Markdown's HTML (the editor's text with the data rendered into it) is parsed once,
with lxml (libxml2 2.14's HTML5 tokeniser, as content_security.py reads pages), into a
PageTree: a <body> holding the page's text. The page's HTML steps (site_plugin.py names
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
    root: etree._Element  # a <body> whose content is the page's text
    source: str  # the HTML the tree was parsed from: Markdown's, for the editors' text check


# The tree of an HTML fragment, in a <body> of its own (as lxml.html reads fragments, with
# nothing dropped: text before the first element stays, and a text may be longer than 10 MB).
def parse(fragment: str) -> etree._Element:
    document = lxml.html.document_fromstring(f"<html><body>{fragment}</body></html>", parser=lxml.html.HTMLParser(huge_tree=True))
    root = document.find("body")
    for element in root.iter(*LEADING_NEWLINE):
        if element.text and element.text.startswith("\n"):
            element.text = element.text[1:]
    return root


# Text and attribute values escaped as an HTML5 serialiser escapes them (html5ever, in nh3).
def _text(text: str) -> str:
    return text.replace("&", "&amp;").replace("\xa0", "&nbsp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace("\xa0", "&nbsp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


# An element (or comment), its content and its tail, as HTML.
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


# First of the page's HTML steps: Markdown's HTML, parsed once.
def parse_page(html: str, page, config, files) -> PageTree:
    return PageTree(parse(html), html)


# After the steps that change the tree: the page's text, written once.
def write_page(tree: PageTree, page, config, files) -> str:
    return inner_html(tree.root)
