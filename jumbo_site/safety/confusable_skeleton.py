"""The confusable skeleton of a character (Unicode Technical Standard #39).

Not a hook: kosovo_mentions.py folds text with it. Two strings that look alike have
the same skeleton: Armenian օ, Coptic ⲟ, small capital ᴏ and Cyrillic о are all
Latin o. The mappings are Unicode's own confusables, as ICU's spoof checker applies
them (ICU through PyICU, the pinned pyicu-wheels package), not a table of this
site's making.
"""

from __future__ import annotations

import functools

import icu


@functools.cache
def _checker() -> icu.SpoofChecker:
    return icu.SpoofChecker()


def skeleton(ch: str) -> str:
    """The prototype a character looks like, decomposed (NFD; itself when it is one)."""
    return _checker().getSkeleton(0, ch)
