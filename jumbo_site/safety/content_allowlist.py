"""What editors may write in the text of pages and data: an allowlist, checked on the tree.

Anyone can propose a change, so content is HTML from strangers. Only the elements,
attributes and link addresses listed here may appear in it. The check reads the text
as the page's steps do (page_tree.py: one lxml tree, libxml2's HTML5 tokeniser), and
what is published is that tree, written out: what was checked, nothing else. Nothing
is stripped in silence: everything outside the list stops the build, named. Used by
content_check.py for pages (the HTML Markdown made of the editor's file, before the
site decorates it), by data_entry.py and conference_pages.py for data texts. The list holds only what editors may
write: the site's own markup (the copy-link button, tabindex, role, its data-*
attributes) comes from templates and code, after the check, and is refused in
editors' text; content_security.py checks it in the finished page.
(nh3 applied the list until issue 23, reading every page twice more to compare what it
kept with what it read; the tree makes that comparison needless.)
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

import markdown

from jumbo_site.page.page_tree import parse

TAGS = frozenset(
    "a abbr b blockquote br caption code dd del details div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins "
    "kbd li mark ol p pre q s small span strong sub summary sup table tbody td tfoot th thead time tr ul".split()
)
ATTRIBUTES = {
    "*": {"class", "id", "lang", "dir", "title", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden"},
    "a": {"href", "hreflang", "download", "type"},
    "img": {"src", "alt", "width", "height", "loading"},
    # A quotation's source: an https: or relative address, like a link's.
    "blockquote": {"cite"},
    "q": {"cite"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "details": {"open"},
}
# Attributes allowed with these values only.
# (rel: only what keeps an opened page from reaching back; rel="attachment" makes
# WeasyPrint embed the linked file in the PDF, conclusions_pdf.py.)
ATTRIBUTE_VALUES = {
    "a": {"target": {"_blank"}, "rel": {"noopener", "noreferrer", "noopener noreferrer", "noreferrer noopener"}},
}
SCHEMES = ("https", "mailto")  # and relative addresses; images relative only
URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "poster", "data", "srcset", "xlink:href", "background"}

_TAG_NAME = re.compile(r"</?([A-Za-z][^\t\n\f\r />]*)")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")


@dataclass(frozen=True)
class Refusal:
    problem: str  # for the editor: what is refused and why
    needle: str  # what to look for in the source to find the line


def _address(value: str) -> str:
    if value.isascii() and value.isprintable() and "&" not in value and " " not in value:
        return value  # most addresses: nothing to decode, no white space or control characters
    return "".join(ch for ch in html.unescape(value) if not (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf")))


def url_scheme(value: str) -> str | None:
    """The scheme a browser reads in an address (javascript for "&#106;ava\tscript:"), or None when relative."""
    scheme = _SCHEME.match(_address(value).lower())
    return scheme[1] if scheme else None


# What is wrong with a link address, after entities are decoded and invisible characters removed.
def url_problem(value: str, tag: str = "a", attribute: str = "href") -> str | None:
    address = _address(value)
    scheme = _SCHEME.match(address.lower())
    if tag == "img" and attribute == "src" and (scheme or address.startswith(("//", "\\\\", "/\\", "\\/"))):
        return f"the image address '{value}': images come from the site itself (docs/assets/images/), written as a relative address"
    if scheme and scheme[1] not in SCHEMES:
        return f"the address '{value}' ({attribute} of <{tag}>): addresses are https:, mailto: or relative"
    if not scheme and address.startswith(("//", "\\\\", "/\\", "\\/")):
        return f"the address '{value}' ({attribute} of <{tag}>): write another host's address in full, with https:"
    return None


# Why an attribute of an element of editors' text is refused, or None if the list allows it.
def _attribute_refusal(tag: str, name: str, value: str) -> Refusal | None:
    problem = url_problem(value, tag, name) if name in URL_ATTRIBUTES else None
    if problem:
        return Refusal(problem, value)
    if name in ATTRIBUTES["*"] or name in ATTRIBUTES.get(tag, ()):
        if name == "id" and value.startswith("__"):  # the templates' own ids (__drawer, __search …): no clobbering
            return Refusal(_attribute_problem(tag, name, value), name + "=")
        return None
    if value in ATTRIBUTE_VALUES.get(tag, {}).get(name, ()):
        return None
    return Refusal(_attribute_problem(tag, name, value), name + ("=" if value else ""))  # "rel=", not "relevant"


def refusals(fragment: str, root=None) -> list[Refusal]:
    """Everything in an HTML fragment that the allowlist refuses, in text order: every
    element not listed, as written; else every attribute refused on the first element that
    has one, as parsed (root: the fragment's tree, page_tree.parse(fragment), if made already)."""
    names = dict.fromkeys(name.lower() for name in _TAG_NAME.findall(fragment))  # in text order, end tags too
    found = [Refusal(f"the element <{name}>: {_why(name)}", f"<{name}") for name in names if name not in TAGS]
    if found:
        return found
    root = parse(fragment) if root is None else root
    for element in root.iterdescendants():
        if isinstance(element.tag, str):  # not a comment
            if element.tag not in TAGS:  # as parsed: the tree is what is published
                return [Refusal(f"the element <{element.tag}>: {_why(element.tag)}", f"<{element.tag}")]
            found = [refusal for name, value in element.attrib.items() if (refusal := _attribute_refusal(element.tag, name, value))]
            if found:
                return found
    return []


def _why(name: str) -> str:
    if name in ("script", "noscript", "template"):
        return "pages carry no scripts"
    if name in ("iframe", "frame", "frameset", "object", "embed", "applet", "portal"):
        return "nothing is embedded from other hosts"
    if name in ("style", "link", "meta", "base", "head", "html", "body", "title"):
        return "a page's head, styles and behaviour come from the site's templates"
    if name in ("form", "input", "select", "textarea", "option"):
        return "pages carry no forms"
    return f"not one of the elements pages may contain ({', '.join(sorted(TAGS))})"


def _attribute_problem(tag: str, name: str, value: str) -> str:
    if name.startswith("on"):
        return f"the inline event handler {name}= on <{tag}>: pages carry no scripts"
    if name == "style":
        return f"the style attribute on <{tag}>: styles come from the site's stylesheet; use a class"
    if name == "id" and value.startswith("__"):
        return f"the id '{value}' on <{tag}>: ids starting with __ belong to the site's templates"
    if name in ATTRIBUTE_VALUES.get(tag, {}):
        return f"{name}=\"{value}\" on <{tag}>: allowed only as {', '.join(sorted(ATTRIBUTE_VALUES[tag][name]))}"
    allowed = sorted(ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set()) | set(ATTRIBUTE_VALUES.get(tag, {})))
    return f"the attribute {name}= on <{tag}>: <{tag}> may have {', '.join(allowed)}"


_MARKDOWN = markdown.Markdown(extensions=["attr_list", "md_in_html"])
_MARKUP = re.compile(r"[<&\[{]")  # without these, Markdown makes no element, attribute or address


def markdown_refusals(text: str) -> list[Refusal]:
    """What the allowlist refuses in a Markdown text (a data text), once rendered as the pages render it."""
    if not _MARKUP.search(text):
        return []
    return refusals(_MARKDOWN.reset().convert(text))
