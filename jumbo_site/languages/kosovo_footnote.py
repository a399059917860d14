"""Kosovo*, with its footnote, wherever Kosovo is named (RCC usage).

Editors write `Kosovo*` (`Kosova*`, `Косово*` …). Every mention in a page's text,
in any language's form and however it is spelled (kosovo_mentions.py), must carry
the asterisk, or the build stops naming the file and line. The asterisk links to
the standard footnote, added at the end of the page in its language. The link is
made in the page's HTML text only: never inside another link, in code or in an
attribute; but a mention in an attribute a reader sees or hears (alt, title,
aria-label) needs its asterisk too, and the text is also read without the elements
that `hidden` or a class can hide (Kos<button hidden>x</button>ovo and
Kos<span class="md-toggle">x</span>ovo name Kosovo). Data texts and front matter
are checked where they are read.
Each asterisk is a link named in words (`kosovo.ref`, never just "*"), and the
footnote links back to the first reference (`kosovo.back`).
"""

from __future__ import annotations

import bisect
import collections
import html
import itertools
import re
from html.parser import HTMLParser

from mkdocs.utils.meta import get_data

from jumbo_site.build.editor_errors import page_error
from jumbo_site.languages.kosovo_mentions import forget_versions, mentions, missing_asterisk, unmarked
from jumbo_site.languages.site_i18n import content_language, strings_for
from jumbo_site.languages.transliteration import PROTECTED

FOOTNOTE_ID = "kosovo-footnote"
REFERENCE = '<a class="kosovo-ref" id="kosovo-ref-{n}" href="#' + FOOTNOTE_ID + '" aria-label="{name}">*</a>'
BACK = '<a class="kosovo-back" href="#kosovo-ref-1" aria-label="{name}">\u21a9\ufe0e</a>'
ESCAPED_ASTERISK = "&#42;"  # an asterisk that Markdown does not read as emphasis
# Elements whose edges end a run of text; text inside NO_LINK gets no reference link.
BLOCKS = set("address article aside blockquote br dd details div dl dt figcaption figure h1 h2 h3 h4 h5 h6 hr li ol p pre section summary table td th tr ul".split())
NO_LINK = {"a", "code", "pre", "kbd", "script", "style", "title", "textarea"}
VOID = set("area base br col embed hr img input link meta source track wbr".split())
# Attributes a reader sees or hears (an image's text, a tooltip, a name): mentions there need their asterisk too.
READ_ATTRIBUTES = {"alt", "title", "aria-label"}
CONCEALABLE = re.compile(r"<([a-z][a-z0-9]*)\b[^>]*\s(?:hidden|class|aria-hidden)\b[^>]*>.*?</\1>", re.I)


# Before any step checks a text for mentions (front_matter.py and the data):
# a build takes the names from the strings files as they are now, edited under `scripts/serve` or not.
def on_config(config):
    forget_versions()
    return config


# After the data is rendered into the page (site_plugin.py orders the steps): keep each asterisk from Markdown's emphasis.
def on_page_markdown(markdown, page, config, files):
    pieces, position = [], 0
    for match in [*PROTECTED.finditer(markdown), None]:
        end = match.start() if match else len(markdown)
        pieces.append(_escape_asterisks(markdown[position:end]))
        if match:
            pieces.append(match[0])
            position = match.end()
    return "".join(pieces)


# Joined once from pieces: one slice of the whole text per mention would be quadratic.
def _escape_asterisks(text: str) -> str:
    pieces, position = [], 0
    for _, _, asterisk in mentions(text):
        if asterisk is not None:
            start = asterisk - 1 if text[asterisk] == "\\" else asterisk
            pieces += [text[position:start], ESCAPED_ASTERISK]
            position = asterisk + 1
    return "".join(pieces) + text[position:]


class _Text(HTMLParser):
    """The HTML, token by token as written, and its runs of text between block edges."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out, self.runs, self.stack, self.run = [], [], [], []
        self.read_attributes = []  # (tag, attribute, value) of READ_ATTRIBUTES
        # The runs without the text of elements that `hidden` or a class (display: none) can hide.
        self.bare, self.bare_runs, self.concealed_at = [], [], None

    def _end_run(self):
        if self.run:
            self.runs.append(self.run)
        if self.bare:
            self.bare_runs.append("".join(self.bare))
        self.run, self.bare = [], []

    def _text(self, raw: str, text: str):
        self.run.append((len(self.out), text, not NO_LINK.intersection(self.stack)))
        if self.concealed_at is None:
            self.bare.append(text)
        self.out.append(raw)

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self._end_run()
        self.read_attributes += [(tag, name, value) for name, value in attrs if name in READ_ATTRIBUTES and value]
        if tag not in VOID:
            if self.concealed_at is None and any(name in ("hidden", "class", "aria-hidden") for name, _ in attrs):
                self.concealed_at = len(self.stack)
            self.stack.append(tag)
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS:
            self._end_run()
        self.read_attributes += [(tag, name, value) for name, value in attrs if name in READ_ATTRIBUTES and value]
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self._end_run()
        if tag in self.stack:
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]
        if self.concealed_at is not None and len(self.stack) <= self.concealed_at:
            self.concealed_at = None
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self._text(data, data)

    def handle_entityref(self, name):
        self._text(f"&{name};", html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self._text(f"&#{name};", html.unescape(f"&#{name};"))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


# Check every mention in the page's text; link each asterisk to the footnote; add the footnote.
def on_page_content(html_text, page, config, files):
    parser = _Text()
    parser.feed(html_text)
    parser.close()
    parser._end_run()
    for tag, attribute, value in parser.read_attributes:
        if names := unmarked(value):
            raise page_error(page, f"{missing_asterisk(names[0])}, in the {attribute}= of <{tag}>.", _line(page, names[0]))
    strings = strings_for(content_language(page, config))
    # Numbered in reading order once all are placed.
    reference = REFERENCE.format(n="\x00", name=html.escape(strings["kosovo.ref"]))
    found = False
    asterisks = collections.defaultdict(list)  # token index: the positions of the asterisks to link in it
    for run in parser.runs:
        text = "".join(piece for _, piece, _ in run)
        starts = [0, *itertools.accumulate(len(piece) for _, piece, _ in run)][:-1]  # where each piece starts in text
        for start, end, asterisk in reversed(mentions(text)):
            if asterisk is None:
                raise page_error(page, missing_asterisk(text[start:end]) + ".", _line(page, text[start:end]))
            found = True
            index = bisect.bisect_right(starts, asterisk) - 1
            out_index, piece, linkable = run[index]
            if linkable:
                asterisks[out_index].append(asterisk - starts[index])
    for text in parser.bare_runs:
        if names := unmarked(text):
            message = f"{missing_asterisk(names[0])}: without the element inside it, which `hidden` or a class can hide, the text reads as the name."
            raise page_error(page, message, _line(page, names[0]))
    if not found:
        return html_text
    for out_index, positions in asterisks.items():
        parser.out[out_index] = _with_references(parser.out[out_index], sorted(positions), reference)
    numbers = itertools.count(1)
    out = re.sub("\x00", lambda _: str(next(numbers)), "".join(parser.out))
    back = BACK.format(name=html.escape(strings["kosovo.back"])) if 'id="kosovo-ref-1"' in out else ""
    return out + f'\n<div class="kosovo-footnote" id="{FOOTNOTE_ID}" role="note"><p>* {strings["kosovo.footnote"]} {back}</p></div>\n'


# A token of text with each asterisk at the given positions made a reference, in one
# join (a slice of the token per asterisk would be quadratic); an entity (&#42;) is one asterisk.
def _with_references(raw: str, positions: list[int], reference: str) -> str:
    if raw.startswith("&"):
        return reference
    pieces, position = [], 0
    for at in positions:
        pieces += [raw[position:at], reference]
        position = at + 1
    return "".join(pieces) + raw[position:]


# The source line of a mention without its asterisk, read as the page shows it.
def _line(page, name: str) -> int | None:
    source = page.file.content_string
    body, _ = get_data(source)
    first = source[: len(source) - len(body)].count("\n") + 1
    for number, line in enumerate(source.split("\n")[first - 1 :], start=first):
        shown = html.unescape(re.sub(r"<[^>]*>|\*\*|__|[`_~]|\*(?=\w)", "", CONCEALABLE.sub("", line)))
        if unmarked(shown) or unmarked(html.unescape(line)):
            return number
    return None
