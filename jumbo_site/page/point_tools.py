"""Tools under each numbered point: copy its link, and compare a translation with the English.

On every page with numbered points (numbered_points.py), each point N ends with:
- a "Copy link" button, labelled in the page's language, with the point's absolute
  URL; it is `hidden` until docs/assets/javascripts/copy-link.js shows it, so without
  JavaScript the point's number stays the permalink and nothing is shown that fails;
- on a translation, a native <details> disclosure labelled in the page's language
  that compares it with English point N. The English is not carried by the page (it
  doubled a translated conclusions page, 4-5 KB gzip of its first visit, issue 24):
  the disclosure (its box lang="en") holds a link to English point N, "Read the
  English text" in the page's language, and controls.js, when the reader first opens one, fetches the
  English page once and puts its point N in place of the link, as the English page
  has it (without its number, tools and ids). Without JavaScript, or if the fetch
  fails, the link stays and leads to the English point.
Both carry data-search-exclude, so search_index.py does not index them as the page's
text (the English would otherwise be found as Macedonian, French …).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from lxml import etree
from mkdocs.utils import get_relative_url

from jumbo_site.build.build_state import state
from jumbo_site.build.editor_errors import page_error
from jumbo_site.languages.site_i18n import content_language, strings_for

POINT_ID = re.compile(r"point-(\d+)")


# The numbered points of a page's tree, {N: its <li id="point-N">}.
def _points(root) -> dict[int, etree._Element]:
    return {int(match[1]): item for item in root.iter("li") if (match := POINT_ID.fullmatch(item.get("id") or ""))}


# The disclosure of a translated point: its summary, and a link to English point N
# (english_page: the English page's address relative to this one) that controls.js
# replaces with the English text when the reader opens it.
def _compare(number: int, strings: dict, english_page: str, lang: str) -> etree._Element:
    details = etree.Element("details", {"class": "compare-english"})
    etree.SubElement(details, "summary").text = strings["compare.summary"]
    text = etree.SubElement(details, "div", {"lang": "en"})
    link = etree.SubElement(etree.SubElement(text, "p", {"lang": lang}), "a", {"href": f"{english_page}#point-{number}", "hreflang": "en"})
    link.text = strings["notice.authoritative.link"]
    return details


def _tools(number: int, strings: dict, english_page: str | None, lang: str = "en") -> etree._Element:
    tools = etree.Element("div", {"class": "point-tools", "data-search-exclude": ""})
    button = etree.SubElement(tools, "button", {
        "type": "button", "class": "copy-link", "hidden": "",
        "aria-label": strings["point.copy.label"].replace("{n}", str(number)),
        "data-copied": strings["point.copied"].replace("{n}", str(number)),
    })  # fmt: skip
    button.text = strings["point.copy"]
    if english_page is not None:
        tools.append(_compare(number, strings, english_page, lang))
    tools.tail = "\n"
    return tools


# After numbered_points.py has given the points their ids (site_plugin.py runs it first).
def on_page_content(tree, page, config, files):
    if not page.meta.get("numbered_points"):
        return tree
    language = content_language(page, config)
    name = PurePosixPath(page.file.src_uri).name
    points = _points(tree.root)
    english_points = state(config).english_points  # {page file name: the English page's point numbers}
    if language.default:
        english_points[name] = set(points)
    else:
        english = english_points.get(name)
        if english is None or english != set(points):
            raise page_error(
                page,
                f"its numbered points ({len(points)}) do not match the English page's ({len(english or {})}): "
                "translate every point of the English page, no more and no fewer.",
            )
    strings = strings_for(language)
    english_page = None if language.default else get_relative_url(page.url[len(language.prefix) :] or ".", page.url)
    for number, item in points.items():
        item.append(_tools(number, strings, english_page, language.html_lang))
    return tree
