"""The fonts that ship with the project (jumbo_site/takeaways/fonts/), for the PDFs and the link previews.

Not a hook: conclusions_pdf.py and link_previews.py use it. Only these files are ever
drawn with, so the same sources give the same bytes on every machine. A missing file,
or a character the files lack, stops the build and says what to do.
"""

from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.exceptions import PluginError

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
FAMILY = "Noto Sans"
FILES = {400: "NotoSans-Regular.ttf", 700: "NotoSans-Bold.ttf"}  # by CSS font-weight


# The path of the bundled font of a weight; the build stops if it is missing.
def font_path(weight: int = 400) -> Path:
    path = FONTS_DIR / FILES[weight]
    if not path.is_file():
        raise PluginError(
            f"jumbo_site/takeaways/fonts/{FILES[weight]} is missing: the PDFs and link previews are drawn with the "
            "fonts that ship with the project. Restore it from git (git checkout -- jumbo_site/takeaways/fonts) "
            "or make it again as jumbo_site/takeaways/fonts/README.md says."
        )
    return path


# The characters a bundled font has, read once.
@functools.cache
def _characters(weight: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(font_path(weight)).getBestCmap())


# The characters of a text that a bundled font cannot draw (whitespace aside).
def missing_characters(text: str, weight: int = 400) -> list[str]:
    have = _characters(weight)
    return sorted({char for char in text if not char.isspace() and ord(char) not in have})
