"""Mentions of Kosovo, however they are written, in any of the site's languages.

The forms are every language's `kosovo.names` (overrides/strings/*.yml): Kosovo,
Kosova, Kosovë, Kosovës, Косово, Косову … A page in any language is checked for all
of them. Text is compared folded: compatibility forms (NFKC/NFKD), accents, soft
hyphens and other invisible formatting characters removed, lower case, Cyrillic
transliterated and look-alike letters (Cyrillic о, Greek ο …) made Latin. Addresses
(https://…/kosovo-report) are not mentions.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import yaml
from site_i18n import STRINGS_DIR
from strict_yaml import SafeLoader
from transliteration import LOWER

# Letters that look like Latin ones, folded to the Latin letter they look like.
LOOKALIKES = {"ѕ": "s", "і": "i", "ј": "j", "ԁ": "d", "ο": "o", "κ": "k", "ν": "v", "ѵ": "v", "α": "a", "ε": "e", "ѐ": "e", "ѝ": "i"}
ADDRESS = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bmailto:|\bwww\.)\S+", re.I)


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if unicodedata.category(ch) == "Cf":  # soft hyphen, zero-width and direction marks
        return ""
    folded = []
    for part in unicodedata.normalize("NFKD", ch):
        if unicodedata.combining(part):
            continue
        part = part.casefold()
        folded.append(LOOKALIKES.get(part) or LOWER.get(part) or part)
    return "".join(folded)


def fold(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the position it came from."""
    pieces = list(map(_fold_char, text))
    return "".join(pieces), [position for position, piece in enumerate(pieces) for _ in piece]


@functools.cache
def _pattern() -> re.Pattern:
    forms = set()
    for strings in sorted(STRINGS_DIR.glob("*.yml")):
        forms |= {fold(name)[0] for name in (yaml.load(strings.read_text(encoding="utf-8"), Loader=SafeLoader) or {}).get("kosovo.names", [])}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")\b")


def mentions(text: str) -> list[tuple[int, int, int | None]]:
    """Every mention: (start, end, position of its asterisk or None), positions in text."""
    if not _pattern().search("".join(map(_fold_char, text))):
        return []  # most texts: no mention, and no positions to work out
    folded, origins = fold(text)
    addresses = [match.span() for match in ADDRESS.finditer(text)]
    found = []
    for match in _pattern().finditer(folded):
        start, end = origins[match.start()], origins[match.end() - 1] + 1
        if any(a <= start < b for a, b in addresses):
            continue
        after = folded[match.end() : match.end() + 2]
        asterisk = match.end() if after.startswith("*") else match.end() + 1 if after == "\\*" else None
        found.append((start, end, origins[asterisk] if asterisk is not None else None))
    return found


def unmarked(text: str) -> list[str]:
    """The mentions in text written without their asterisk, e.g. ["Kosova"]."""
    return [text[start:end] for start, end, asterisk in mentions(text) if asterisk is None]


def missing_asterisk(name: str) -> str:
    return f"'{name}' must be written '{name}*' (RCC usage: the asterisk refers to the standard footnote)"
