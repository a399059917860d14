"""Tools under each numbered point: copy its link, and compare a translation with the English.

On every page with numbered points (numbered_points.py), each point N ends with:
- a "Copy link" button, labelled in the page's language, with the point's absolute
  URL; it is `hidden` until docs/assets/javascripts/copy-link.js shows it, so without
  JavaScript the point's number stays the permalink and nothing is shown that fails;
- on a translation, a native <details> disclosure labelled in the page's language
  that holds English point N with lang="en": the HTML of the English page's own
  point, kept when the English page was rendered (the i18n plugin always builds the
  default language first). It works without JavaScript.
Both carry data-search-exclude, so search_index.py does not index them as the page's
text (the English would otherwise be found as Macedonian, French …).
"""

from __future__ import annotations

import copy
import re
from pathlib import PurePosixPath

from lxml import etree

from jumbo_site.build.build_state import state
from jumbo_site.build.editor_errors import page_error
from jumbo_site.languages.site_i18n import content_language, strings_for

POINT_ID = re.compile(r"point-(\d+)")


# The numbered points of a page's tree, {N: its <li id="point-N">}.
def _points(root) -> dict[int, etree._Element]:
    return {int(match[1]): item for item in root.iter("li") if (match := POINT_ID.fullmatch(item.get("id") or ""))}


# A point's content for the English copy: without its permalink number and its ids, trimmed.
def _english_copy(item) -> etree._Element:
    holder = copy.deepcopy(item)
    holder.tail = None
    for number in holder.xpath('.//a[@class="point-number"]'):
        number.drop_tree()  # its tail stays in its place
    for element in holder.iter():
        if isinstance(element.tag, str):
            element.attrib.pop("id", None)
    holder.text = (holder.text or "").lstrip()
    if len(holder):
        holder[-1].tail = (holder[-1].tail or "").rstrip()
    else:
        holder.text = holder.text.rstrip()
    return holder


def _tools(number: int, strings: dict, english) -> etree._Element:
    tools = etree.Element("div", {"class": "point-tools", "data-search-exclude": ""})
    button = etree.SubElement(tools, "button", {
        "type": "button", "class": "copy-link", "hidden": "",
        "aria-label": strings["point.copy.label"].replace("{n}", str(number)),
        "data-copied": strings["point.copied"].replace("{n}", str(number)),
    })  # fmt: skip
    button.text = strings["point.copy"]
    if english is not None:
        details = etree.SubElement(tools, "details", {"class": "compare-english"})
        etree.SubElement(details, "summary").text = strings["compare.summary"]
        text = etree.SubElement(details, "div", {"lang": "en"})
        copied = copy.deepcopy(english)
        text.text = copied.text
        text.extend(copied)
    tools.tail = "\n"
    return tools


# After numbered_points.py has given the points their ids (site_plugin.py runs it first).
def on_page_content(tree, page, config, files):
    if not page.meta.get("numbered_points"):
        return tree
    language = content_language(page, config)
    name = PurePosixPath(page.file.src_uri).name
    points = _points(tree.root)
    english_points = state(config).english_points  # {page file name: {N: English point's content, in an <li>}}
    if language.default:
        english_points[name] = {n: _english_copy(item) for n, item in points.items()}
        english = {}
    else:
        english = english_points.get(name)
        if english is None or set(english) != set(points):
            raise page_error(
                page,
                f"its numbered points ({len(points)}) do not match the English page's ({len(english or {})}): "
                "translate every point of the English page, no more and no fewer.",
            )
    strings = strings_for(language)
    for number, item in points.items():
        item.append(_tools(number, strings, english.get(number) if english else None))
    return tree
