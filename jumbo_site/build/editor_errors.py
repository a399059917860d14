"""Build errors that speak to editors: the source file, the line, the fix.

A generated page (Serbian Latin) is named by the file that holds its text, its
Cyrillic origin (docs/sr/…): the lines are the same in both scripts.
"""

from __future__ import annotations

import html
import unicodedata
from pathlib import PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

# Generated language folders and their origins, {"sr-Latn": "sr"}; serbian_latin.py fills it.
GENERATED_FOLDERS: dict[str, str] = {}


def source_file(page) -> str:
    """The repository path of the file that holds a page's text, e.g. docs/sr/about.md."""
    parts = PurePosixPath(page.file.src_uri).parts
    if parts and parts[0] in GENERATED_FOLDERS:
        parts = (GENERATED_FOLDERS[parts[0]], *parts[1:])
    return "docs/" + "/".join(parts)


def source_line(page, markdown: str, offset: int) -> int:
    """The line in the page's source file of a position in its Markdown.

    MkDocs strips the front matter (and the blank lines after it) before the
    Markdown reaches hooks, which never add or remove line breaks before a
    position; so the stripped lines plus the lines before the position.
    """
    return _front_matter_lines(page) + markdown.count("\n", 0, offset) + 1


def _front_matter_lines(page) -> int:
    source = page.file.content_string
    body, _ = get_data(source)
    return source[: len(source) - len(body)].count("\n")


def folded(text: str) -> str:
    """Text as a browser reads it: entities decoded, invisible characters and spaces gone, lower case."""
    return "".join(ch for ch in html.unescape(text) if not (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"))).casefold()


def line_containing(text: str, needle: str, first_line: int = 1) -> int | None:
    """The first line (from first_line) holding needle, as written or as a browser reads it."""
    if not needle.strip():
        return None
    lines = text.split("\n")[first_line - 1 :]
    # As written on one line; as read, on one line, then across two or three (a value with a line break).
    for width, matches in ((1, lambda text: needle.casefold() in text.casefold()), *((w, lambda text: folded(needle) in folded(text)) for w in (1, 2, 3))):
        for index in range(len(lines)):
            if matches("\n".join(lines[index : index + width])):
                return first_line + index
    return None


def page_line_containing(page, needle: str) -> int | None:
    """The line of the page's source, below its front matter, that holds needle."""
    return line_containing(page.file.content_string, needle, _front_matter_lines(page) + 1)


def page_error(page, message: str, line: int | None = None) -> PluginError:
    """An error naming the page's source file (and line), e.g. for `raise page_error(...)`."""
    where = source_file(page) + (f", line {line}" if line else "")
    return PluginError(f"{where}: {message}")
