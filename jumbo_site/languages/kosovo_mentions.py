"""Mentions of Kosovo, however they are written, in any of the site's languages.

The forms are every language's `kosovo.names` (strings/*.yml): Kosovo,
Kosova, Kosovë, Kosovës, Косово, Косову … A page in any language is checked for all
of them. Text is compared by its confusable skeleton (Unicode Technical Standard #39,
confusable_skeleton.py): compatibility forms (NFKD), accents and invisible
characters (invisible_characters.py) removed, each character replaced by the
prototype Unicode says it looks like, lower case. A name's letter matches any
character whose skeleton is that of the letter in either case or of its Serbian
Cyrillic or Latin counterpart (transliteration.py): Armenian օ, Lisu ꓗ, Coptic ⲕ,
small capitals ᴋᴏꜱᴏᴠᴏ and Greek α all spell a name. Addresses
(https://…/kosovo-report) are not mentions.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from jumbo_site.build.file_versions import folder_versions
from jumbo_site.data.strict_yaml import SafeLoader
from jumbo_site.languages.site_i18n import STRINGS_DIR
from jumbo_site.languages.transliteration import LOWER
from jumbo_site.safety.confusable_skeleton import skeleton
from jumbo_site.safety.invisible_characters import is_invisible, name as character_name

# Tried where a run of scheme characters starts, not at every "\b" inside "a.b.c…" (quadratic).
ADDRESS = re.compile(r"(?:(?<![\w+.-])[a-z][a-z0-9+.-]*://|\bmailto:|\bwww\.)\S+", re.I)
# Each Latin letter's Serbian Cyrillic counterparts (k: к), the reverse of LOWER.
CYRILLIC = {latin: {c for c, l in LOWER.items() if l == latin} for latin in set(LOWER.values()) if len(latin) == 1}


# A character's skeleton, without accents or invisible characters, in lower case.
@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if is_invisible(ch):  # soft hyphen, zero-width, direction marks, variation selectors, fillers
        return ""
    folded = []
    for part in unicodedata.normalize("NFKD", ch):
        if unicodedata.combining(part):
            continue
        folded.extend(shape.casefold() for shape in unicodedata.normalize("NFKD", skeleton(part)) if not unicodedata.combining(shape))
    return "".join(folded)


def fold(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the position it came from."""
    pieces = list(map(_fold_char, text))
    return "".join(pieces), [position for position, piece in enumerate(pieces) for _ in piece]


# What one letter of a name matches: the skeletons of the letter in either case and of its counterparts in the other script.
def _letter(ch: str) -> str:
    lower = ch.lower()
    variants = {ch, lower, ch.upper()} | CYRILLIC.get(lower, set()) | ({LOWER[lower]} if lower in LOWER else set())
    shapes = {fold(v)[0] for v in variants | {v.upper() for v in variants}} - {""}
    return "(?:" + "|".join(sorted(map(re.escape, shapes), key=len, reverse=True)) + ")"


# The versions of the strings files as this build first saw them (file_versions.py): mentions()
# runs thousands of times a build, and a look at every file each time would cost more than the
# check. Forgotten when a build starts (forget_versions, from kosovo_footnote.py's on_config).
_versions_seen: dict[Path, tuple] = {}  # {strings folder: its files' versions}


def forget_versions() -> None:
    _versions_seen.clear()


# The names as this build reads them: part of the key of a cache of texts checked for mentions.
def known_names() -> frozenset[str]:
    return _names()


# Every language's forms of the name (kosovo.names), read again when a strings file has changed.
def _names() -> frozenset[str]:
    if STRINGS_DIR not in _versions_seen:
        _versions_seen[STRINGS_DIR] = folder_versions(STRINGS_DIR, "*.yml")
    return _names_in(_versions_seen[STRINGS_DIR])


@functools.lru_cache(maxsize=8)  # keyed on the files' versions (file_versions.py)
def _names_in(versions: tuple) -> frozenset[str]:
    names = set()
    for strings in sorted(STRINGS_DIR.glob("*.yml")):
        data = yaml.load(strings.read_text(encoding="utf-8"), Loader=SafeLoader) or {}
        if "kosovo.names" not in data:
            continue  # a file without the key (Serbian Latin's few own texts); a language's file must have it (site_i18n.py)
        found = data["kosovo.names"]
        if not isinstance(found, list) or not found or not all(isinstance(name, str) and fold(name)[0].strip() for name in found):
            where = f"strings/{strings.name}, key 'kosovo.names'"
            raise PluginError(f"{where}: expected the list of the names of Kosovo in the language, e.g. [Kosovo, Kosova].")
        names |= set(found)
    return frozenset(names)


def _pattern() -> re.Pattern:
    return _pattern_of(_names())


@functools.lru_cache(maxsize=8)  # keyed on the names themselves
def _pattern_of(names: frozenset[str]) -> re.Pattern:
    forms = {"".join(map(_letter, name)) for name in names}
    return re.compile(r"\b(?:" + "|".join(sorted(forms, key=len, reverse=True)) + r")\b")


ASTERISK, ESCAPED = _fold_char("*"), _fold_char("\\") + _fold_char("*")


def mentions(text: str) -> list[tuple[int, int, int | None]]:
    """Every mention: (start, end, position of its asterisk or None), positions in text."""
    if not _pattern().search("".join(map(_fold_char, text))):
        return []  # most texts: no mention, and no positions to work out
    folded, origins = fold(text)
    addresses = [match.span() for match in ADDRESS.finditer(text)]  # in order, apart
    found = []
    for match in _pattern().finditer(folded):
        start, end = origins[match.start()], origins[match.end() - 1] + 1
        address = bisect.bisect_right(addresses, (start, len(text))) - 1
        if address >= 0 and start < addresses[address][1]:
            continue
        after = folded[match.end() : match.end() + 2]
        asterisk = match.end() if after.startswith(ASTERISK) else match.end() + 1 if after == ESCAPED else None
        found.append((start, end, origins[asterisk] if asterisk is not None else None))
    return found


def unmarked(text: str) -> list[str]:
    """The mentions in text written without their asterisk, e.g. ["Kosova"]."""
    return [text[start:end] for start, end, asterisk in mentions(text) if asterisk is None]


def missing_asterisk(name: str) -> str:
    message = f"'{name}' must be written '{name}*' (RCC usage: the asterisk refers to the standard footnote)"
    letters = {ch for form in _names() for ch in form + form.upper() + form.lower()}
    if odd := list(dict.fromkeys(ch for ch in name if ch not in letters)):
        message += f"; it reads as the name but is written with {', '.join(map(character_name, odd[:3]))}: write the name in its own letters"
    return message
