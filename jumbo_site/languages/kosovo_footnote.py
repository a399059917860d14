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

from lxml import etree
from mkdocs.utils.meta import get_data

from jumbo_site.build.editor_errors import page_error
from jumbo_site.languages.kosovo_mentions import forget_versions, mentions, missing_asterisk, unmarked
from jumbo_site.languages.site_i18n import content_language, strings_for
from jumbo_site.languages.transliteration import PROTECTED

FOOTNOTE_ID = "kosovo-footnote"
BACK_MARK = "\u21a9\ufe0e"  # ↩, as text (not an emoji)
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


class _Text:
    """The page's runs of text between block edges, in document order: each piece is an
    element's text or tail, with whether a link may go there. Also the attributes a reader
    sees or hears, and the runs without the text of elements `hidden` or a class can hide."""

    def __init__(self, root):
        self.runs, self.run = [], []  # a piece: (element, "text" or "tail", its text, linkable)
        self.read_attributes = []  # (tag, attribute, value) of READ_ATTRIBUTES
        self.bare, self.bare_runs = [], []
        self._content(root, frozenset(), False)
        self._end_run()

    def _end_run(self):
        if self.run:
            self.runs.append(self.run)
        if self.bare:
            self.bare_runs.append("".join(self.bare))
        self.run, self.bare = [], []

    def _text(self, element, slot: str, text: str, open_tags: frozenset, concealed: bool):
        self.run.append((element, slot, text, not NO_LINK & open_tags))
        if not concealed:
            self.bare.append(text)

    # An element's text and children; open_tags: the element's and its ancestors' tags.
    def _content(self, element, open_tags: frozenset, concealed: bool):
        if element.text:
            self._text(element, "text", element.text, open_tags, concealed)
        for child in element:
            if isinstance(child.tag, str):  # not a comment
                self._element(child, open_tags, concealed)
            if child.tail:
                self._text(child, "tail", child.tail, open_tags, concealed)

    def _element(self, element, open_tags: frozenset, concealed: bool):
        tag = element.tag
        if tag in BLOCKS:
            self._end_run()
        self.read_attributes += [(tag, name, value) for name, value in element.attrib.items() if name in READ_ATTRIBUTES and value]
        if tag not in VOID:
            hides = any(name in ("hidden", "class", "aria-hidden") for name in element.attrib)
            self._content(element, open_tags | {tag}, concealed or hides)
        if tag in BLOCKS:
            self._end_run()


# A piece of text with each asterisk at the given positions made a reference link, in the tree.
def _link_asterisks(element, slot: str, text: str, positions: list[int], name: str) -> list:
    pieces, position = [], 0
    for at in positions:
        pieces.append(text[position:at])
        position = at + 1
    pieces.append(text[position:])
    references = []
    for tail in pieces[1:]:
        reference = etree.Element("a", {"class": "kosovo-ref", "id": "", "href": "#" + FOOTNOTE_ID, "aria-label": name})
        reference.text, reference.tail = "*", tail or None
        references.append(reference)
    # Placed beside a neighbour, not at an index: lxml finds an index by walking the
    # children, which for thousands of mentions in one text is quadratic.
    if slot == "text":
        element.text = pieces[0] or None
        first = element[0] if len(element) else None
        for reference in references:
            if first is None:
                element.append(reference)
            else:
                first.addprevious(reference)
    else:
        element.tail = pieces[0] or None
        anchor = element
        for reference in references:
            anchor.addnext(reference)
            anchor = reference
    return references


# Check every mention in the page's text; link each asterisk to the footnote; add the footnote.
def on_page_content(tree, page, config, files):
    text_of = _Text(tree.root)
    for tag, attribute, value in text_of.read_attributes:
        if names := unmarked(value):
            raise page_error(page, f"{missing_asterisk(names[0])}, in the {attribute}= of <{tag}>.", _line(page, names[0]))
    strings = strings_for(content_language(page, config))
    found = False
    asterisks = collections.defaultdict(list)  # a piece (element, slot): the positions of the asterisks to link in it
    pieces = {}
    for run in text_of.runs:
        text = "".join(piece for _, _, piece, _ in run)
        starts = [0, *itertools.accumulate(len(piece) for _, _, piece, _ in run)][:-1]  # where each piece starts in text
        for start, end, asterisk in reversed(mentions(text)):
            if asterisk is None:
                raise page_error(page, missing_asterisk(text[start:end]) + ".", _line(page, text[start:end]))
            found = True
            index = bisect.bisect_right(starts, asterisk) - 1
            element, slot, piece, linkable = run[index]
            if linkable:
                asterisks[id(element), slot].append(asterisk - starts[index])
                pieces[id(element), slot] = (element, slot, piece)
    for text in text_of.bare_runs:
        if names := unmarked(text):
            message = f"{missing_asterisk(names[0])}: without the element inside it, which `hidden` or a class can hide, the text reads as the name."
            raise page_error(page, message, _line(page, names[0]))
    if not found:
        return tree
    made = [link for key, positions in asterisks.items() for link in _link_asterisks(*pieces[key], sorted(positions), strings["kosovo.ref"])]
    # Numbered in reading order once all are placed (made keeps them alive, so their ids stay theirs).
    ids = set(map(id, made))
    references = [link for link in tree.root.iter("a") if id(link) in ids]
    for number, reference in enumerate(references, start=1):
        reference.set("id", f"kosovo-ref-{number}")
    _add_footnote(tree.root, strings, back=bool(references))
    return tree


# The footnote, last in the page's text, with a link back to the first reference if there is one.
def _add_footnote(root, strings: dict, back: bool):
    last = root[-1] if len(root) else None
    if last is None:
        root.text = (root.text or "") + "\n"
    else:
        last.tail = (last.tail or "") + "\n"
    note = etree.SubElement(root, "div", {"class": "kosovo-footnote", "id": FOOTNOTE_ID, "role": "note"})
    note.tail = "\n"
    paragraph = etree.SubElement(note, "p")
    paragraph.text = f"* {strings['kosovo.footnote']} "
    if back:
        link = etree.SubElement(paragraph, "a", {"class": "kosovo-back", "href": "#kosovo-ref-1", "aria-label": strings["kosovo.back"]})
        link.text = BACK_MARK


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
