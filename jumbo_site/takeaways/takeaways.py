"""What the take-aways (PDFs, open data) share: the conclusions as the page has them.

Not a hook: conclusions_pdf.py and open_data.py use it. The points are read from the
conclusions page's rendered HTML, after every content hook (Serbian Latin, Kosovo*,
dates, numbered points), so a PDF or the open data never says other than the page.
"""

from __future__ import annotations

import functools
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from babel.units import format_unit

from jumbo_site.build.build_cache import cached, key
from jumbo_site.data.conference_data import Conference, localise
from jumbo_site.languages.site_i18n import Language

# The downloadable files are named after the conference and their language, so a reader
# who downloads two languages' files gets two names, not "conclusions (1).pdf"; each is
# written under its language's prefix, e.g. /mk/jumbo-2021-conclusions-mk.pdf, /mk/jumbo-2021-mk.ics.
FILE_STEM = "jumbo-2021"


# The PDF of a language's conclusions (conclusions_pdf.py), e.g. jumbo-2021-conclusions-mk.pdf.
def pdf_name(language: Language) -> str:
    return f"{FILE_STEM}-conclusions-{language.locale}.pdf"


# A language's calendar file (calendar_file.py), e.g. jumbo-2021-mk.ics.
def calendar_name(language: Language) -> str:
    return f"{FILE_STEM}-{language.locale}.ics"

PDF_SWITCH = "SITE_PDF"  # SITE_PDF=off builds without the PDFs


@dataclass(frozen=True)
class Point:
    number: int
    id: str  # "point-7"
    html: str  # the point's content, without its permalink number
    text: str  # its plain text, whitespace collapsed


@dataclass(frozen=True)
class Conclusions:
    title: str  # the page's heading
    intro_html: str  # what the page has between its heading and the points (the title block)
    points: tuple[Point, ...]
    names_kosovo: bool  # the title block or a point carries the Kosovo* reference


# A point's number and first words, as the PDF's bookmarks and the page's point index show it.
def first_words(text: str, words: int) -> str:
    head = text.split()
    return " ".join(head[:words]) + ("…" if len(head) > words else "")


# Whether this build makes the PDFs (SITE_PDF=off: no).
def pdfs_enabled() -> bool:
    return os.environ.get(PDF_SWITCH, "on").strip().lower() != "off"


# The conclusions page is the one whose front matter asks for numbered points.
def is_conclusions_page(page) -> bool:
    return bool(page.meta.get("numbered_points"))


# An element's text as a reader sees it: whitespace collapsed.
def plain_text(element) -> str:
    return " ".join(element.get_text().split())


# The conclusions as the page's HTML has them (numbered_points.py marks the list);
# read once per text, since the PDF and the open data read the same text in each
# language build; kept for the next build too (build_cache.py), by the text and this
# file, so a build whose conclusions did not change does not load the parser.
@functools.lru_cache(maxsize=4)
def read_conclusions(html: str) -> Conclusions:
    entry = key(Path(__file__).read_bytes(), html)
    data = json.loads(cached("conclusions", entry + ".json", lambda: json.dumps(asdict(_parse(html))).encode("utf-8")))
    points = tuple(Point(**point) for point in data.pop("points"))
    return Conclusions(points=points, **data)


def _parse(html: str) -> Conclusions:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    # Permalinks, and the reading tools beside each point (copy link, the English text).
    # (find_all by class, not CSS selectors: compiling a selector costs more than this page.)
    for aside in soup.find_all("a", class_="headerlink") + soup.find_all(class_="point-tools"):
        aside.decompose()
    heading, points = soup.find("h1"), soup.find("ol", class_="numbered-points")
    intro = []
    node = heading.next_sibling if heading else None
    while node is not None and node is not points:
        intro.append(str(node))
        node = node.next_sibling
    items = []
    for number, item in enumerate(points.find_all("li", recursive=False), start=1):
        for link in item.find_all("a", class_="point-number"):
            link.decompose()
        holder = item.p if item.p is not None and len(item.find_all(recursive=False)) == 1 else item
        items.append(Point(number, item.get("id", f"point-{number}"), holder.decode_contents().strip(), plain_text(item)))
    intro_html = "".join(intro).strip()
    names_kosovo = "kosovo-ref" in intro_html or any("kosovo-ref" in p.html for p in items)
    return Conclusions(plain_text(heading) if heading else "", intro_html, tuple(items), names_kosovo)


# The convening organisation (the first of event.organisers: the RCC), in a language.
def convener(conference: Conference, language: Language) -> str:
    return localise(conference.partner(conference.event.organisers[0]).name, language)


# A file size as readers of the language write it, e.g. "48 kB", "48 ko".
def file_size(size: int, cldr_locale: str) -> str:
    return format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=cldr_locale)


# Put a block into a page's content: before `anchor` when the page has it, else
# before the Kosovo* footnote, else at the end.
def insert_block(content: str, block: str, anchor: str | None = None) -> str:
    for marker in ([anchor] if anchor else []) + ['<div class="kosovo-footnote"']:
        if marker in content:
            at = content.index(marker)
            return content[:at] + block + "\n" + content[at:]
    return content + "\n" + block
