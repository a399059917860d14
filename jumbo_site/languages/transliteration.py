"""Serbian Cyrillic to Latin, and heading ids that are the same in both scripts.

The Serbian Latin alphabet maps one to one onto the Cyrillic (Вук Караџић's and
Ljudevit Gaj's alphabets): Љ→Lj, Њ→Nj, Џ→Dž are the three digraphs, written all
in capitals inside an all-capital word (ЉУБЉАНА→LJUBLJANA, but Љубљана→Ljubljana).
"""

from __future__ import annotations

import re
import unicodedata

from jumbo_site.data.markers import PATTERN

LOWER = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž",
    "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
}  # fmt: skip
# Macedonian letters, so that heading ids of Macedonian pages are readable too.
MACEDONIAN = {"ѓ": "gj", "ќ": "kj", "ѕ": "dz", "ѐ": "e", "ѝ": "i"}

WORD = re.compile(r"\w+")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")

# Spans of Markdown that are never transliterated: fenced and inline code, HTML
# tags (their attributes), link and image targets, attribute lists, reference
# definitions and autolinks. Only the text between them is.
PROTECTED = re.compile(
    r"""
      ^(?P<fence>```|~~~).*?^(?P=fence)     # fenced code block
    | `[^`\n]+`                             # inline code
    | <[^>\n]+>                             # HTML tag or autolink
    | \]\([^)\n]*\)                         # link or image target: ](url "title")
    | \{:?\s*[.#][^}\n]*\}                  # attribute list: { .class #id }
    | ^[ ]{0,3}\[[^\]\n]+\]:[^\n]*$         # reference definition: [id]: url
    | """ + PATTERN + r"""                     # site markers: [[2021-12-06]] (markers.py)
    """,
    re.MULTILINE | re.DOTALL | re.VERBOSE,
)


def _letter(char: str, all_capitals: bool) -> str:
    latin = LOWER.get(char.lower(), MACEDONIAN.get(char.lower()))
    if latin is None:
        return char
    if not char.isupper():
        return latin
    return latin.upper() if all_capitals else latin[0].upper() + latin[1:]


def _word(match: re.Match) -> str:
    word = match[0]
    all_capitals = word.isupper() and sum(ch.isalpha() for ch in word) > 1
    return "".join(_letter(char, all_capitals) for char in word)


def to_latin(text: str) -> str:
    """Serbian Cyrillic text in Serbian Latin; anything else is left as it is."""
    return WORD.sub(_word, text) if CYRILLIC.search(text) else text


def markdown_to_latin(markdown: str) -> str:
    """A Markdown page in Latin script: prose changes; URLs, code, HTML, ids do not."""
    pieces, position = [], 0
    for match in PROTECTED.finditer(markdown):
        pieces += [to_latin(markdown[position : match.start()]), match[0]]
        position = match.end()
    pieces.append(to_latin(markdown[position:]))
    return "".join(pieces)


def slugify(value: str, separator: str) -> str:
    """Heading ids in ASCII, the same for a heading in Cyrillic and in Latin:
    "Дебата 1: Насилни екстремизам" and "Debata 1: Nasilni ekstremizam" both
    give "debata-1-nasilni-ekstremizam". Used as the toc extension's slugify."""
    ascii_text = unicodedata.normalize("NFKD", to_latin(value)).replace("đ", "dj").replace("Đ", "Dj")
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"[^\w\s-]", "", ascii_text).strip().lower()
    return re.sub(rf"[{re.escape(separator)}\s]+", separator, ascii_text)
