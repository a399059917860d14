"""Characters a reader cannot see, refused in content by Unicode's properties.

Not a hook: content_check.py (pages), data_entry.py (data texts) and plain_text.py
(front matter, interface strings, mkdocs.yml's texts) check with it. A right-to-left override, a combining grapheme
joiner, a variation selector or a Hangul filler inside a word hides what the word
says (Kosovo without its asterisk, an address that reads as another). Refused are
Unicode's Default_Ignorable_Code_Point characters, every format character (general
category Cf: the bidi controls among them) and control characters other than tab
and line ends, as ICU knows them (PyICU, the pinned pyicu-wheels package). None of
the site's languages needs one: the no-break spaces (U+00A0, U+202F) are not among
them, and the zero-width joiners (U+200C, U+200D) are used by none of the site's
scripts (Latin, Cyrillic).
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata

import icu

_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});?")  # as browsers read them: leading zeros, no ";"
_REFUSED_CATEGORIES = (icu.UCharCategory.FORMAT_CHAR, icu.UCharCategory.CONTROL_CHAR)


@functools.lru_cache(maxsize=4096)
def is_invisible(ch: str) -> bool:
    """True for a character refused in content (default-ignorable, format or control)."""
    if ch in "\t\n\r":
        return False
    return icu.Char.hasBinaryProperty(ch, icu.UProperty.DEFAULT_IGNORABLE_CODE_POINT) or icu.Char.charType(ch) in _REFUSED_CATEGORIES


def name(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE', for messages."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '') or icu.Char.charName(ch) or 'unnamed'}"


def first_invisible(text: str) -> tuple[int, str] | None:
    """The position and character of the first invisible character, written as it is or as an
    HTML entity (&#x202E;, &shy;), or None."""
    if text.isascii() and text.isprintable() and "&" not in text:
        return None  # most texts of one line: nothing to look at
    for position, ch in enumerate(text):
        if not " " <= ch <= "~" and is_invisible(ch):
            return position, ch
    for entity in _ENTITY.finditer(text) if "&" in text else ():
        decoded = _as_browsers_read(entity[0])
        if hidden := next((ch for ch in decoded if is_invisible(ch)), None):
            return entity.start(), hidden
    return None


# An entity as browsers read it: as html.unescape does, but a reference to a control
# character (&#11;, &#x1f;) is that character, which Python drops and browsers keep.
def _as_browsers_read(entity: str) -> str:
    decoded = html.unescape(entity)
    if decoded or not entity.startswith("&#"):
        return decoded
    digits = entity[2:].rstrip(";")
    number = int(digits[1:], 16) if digits[0] in "xX" else int(digits)
    return chr(number) if number <= 0x10FFFF else ""


def problem(text: str) -> tuple[int, int, str] | None:
    """(line, column, what is wrong) for the first invisible character of a text, lines and columns from 1."""
    found = first_invisible(text)
    if found is None:
        return None
    position, ch = found
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return line, column, f"the invisible character {name(ch)}: remove it (a reader cannot see it, and it can hide what a word says)"
