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

import re
from html import escape
from html.parser import HTMLParser
from pathlib import PurePosixPath

from build_state import state
from editor_errors import page_error
from site_i18n import content_language, strings_for

POINT_ID = re.compile(r"point-(\d+)")
# The permalink number and any id inside a point: the English copy needs neither.
POINT_NUMBER = re.compile(r'<a\b[^>]*\bclass="point-number"[^>]*>.*?</a>', re.S)
ID_ATTRIBUTE = re.compile(r'\sid="[^"]*"')



class _PointSpans(HTMLParser):
    """Where the content of each <li id="point-N"> starts and where its </li> begins."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.open_items: list[tuple[int | None, int]] = []
        self.spans: dict[int, tuple[int, int]] = {}
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            match = POINT_ID.fullmatch(dict(attrs).get("id") or "")
            self.open_items.append((int(match[1]) if match else None, self._offset() + len(self.get_starttag_text())))

    def handle_endtag(self, tag):
        if tag == "li" and self.open_items:
            number, start = self.open_items.pop()
            if number is not None:
                self.spans[number] = (start, self._offset())


def _tools(number: int, strings: dict, english: str | None) -> str:
    label = escape(strings["point.copy.label"].replace("{n}", str(number)))
    copied = escape(strings["point.copied"].replace("{n}", str(number)))
    button = (
        f'<button type="button" class="copy-link" hidden="" '
        f'aria-label="{label}" data-copied="{copied}">{escape(strings["point.copy"])}</button>'
    )
    compare = ""
    if english is not None:
        compare = f'<details class="compare-english"><summary>{escape(strings["compare.summary"])}</summary><div lang="en">{english}</div></details>'
    # Written as the rest of the page's text is (content_check.py: as nh3 writes it), boolean attributes with ="".
    return f'<div class="point-tools" data-search-exclude="">{button}{compare}</div>\n'


# After numbered_points.py has given the points their ids (site_plugin.py runs it first).
def on_page_content(html, page, config, files):
    if not page.meta.get("numbered_points"):
        return html
    language = content_language(page, config)
    name = PurePosixPath(page.file.src_uri).name
    spans = _PointSpans(html).spans
    english_points = state(config).english_points  # {page file name: {N: English point's HTML}}
    if language.default:
        english_points[name] = {n: ID_ATTRIBUTE.sub("", POINT_NUMBER.sub("", html[a:b])).strip() for n, (a, b) in spans.items()}
        english = {}
    else:
        english = english_points.get(name)
        if english is None or set(english) != set(spans):
            raise page_error(
                page,
                f"its numbered points ({len(spans)}) do not match the English page's ({len(english or {})}): "
                "translate every point of the English page, no more and no fewer.",
            )
    strings = strings_for(language)
    for number, (_, end) in sorted(spans.items(), reverse=True):
        html = html[:end] + _tools(number, strings, english.get(number) if english else None) + html[end:]
    return html
