"""The build error for text the allowlist refuses (content_allowlist.py), for editors.

Not a hook: content_check.py (every page, as published) and conclusions_pdf.py (the
conclusions, before WeasyPrint draws them) use it. It names the page's source file
and line, or the data file and line that holds the refused text.
"""

from __future__ import annotations

from conference_data import DATA_DIR
from content_allowlist import Refusal
from editor_errors import line_containing, page_error, page_line_containing
from mkdocs.exceptions import PluginError


def refusal_error(page, refusal: Refusal) -> PluginError:
    line = page_line_containing(page, refusal.needle)
    if line is None:
        for data_file in sorted(DATA_DIR.glob("*.yml")):
            if data_line := line_containing(data_file.read_text(encoding="utf-8"), refusal.needle):
                return page_error(page, f"from data/{data_file.name}, line {data_line}: {refusal.problem}.")
    return page_error(page, f"{refusal.problem}.", line)
