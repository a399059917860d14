"""Build errors that speak to editors: the source file, the line, the fix."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data


def source_line(page, markdown: str, offset: int) -> int:
    """The line in the page's source file of a position in its Markdown.

    MkDocs strips the front matter (and the blank lines after it) before the
    Markdown reaches hooks, which never add or remove line breaks before a
    position; so the stripped lines plus the lines before the position.
    """
    source = page.file.content_string
    body, _ = get_data(source)
    stripped = source[: len(source) - len(body)].count("\n")
    return stripped + markdown.count("\n", 0, offset) + 1


def page_error(page, message: str, line: int | None = None) -> PluginError:
    """An error naming the page's source file (and line), e.g. for `raise page_error(...)`."""
    where = f"docs/{page.file.src_uri}" + (f", line {line}" if line else "")
    return PluginError(f"{where}: {message}")
