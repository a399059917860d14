"""The build error for text the allowlist refuses (content_allowlist.py), for editors.

Not a hook: content_check.py (every page, as Markdown made it) and conclusions_pdf.py (the
conclusions, before WeasyPrint draws them) use it. It names the page's source file
and line or, for a text that came from data/ (a programme or partners text that only
does harm beside what the site's template writes around it), the data file, entry,
field and language that hold it.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from jumbo_site.build.editor_errors import page_error, page_line_containing
from jumbo_site.data.conference_data import conference_for
from jumbo_site.safety.content_allowlist import Refusal


def refusal_error(page, refusal: Refusal, config) -> PluginError:
    line = page_line_containing(page, refusal.needle)
    if line is None and (text := conference_for(config).text_holding(refusal.needle)):
        return page_error(page, f"from {text.where()}: {refusal.problem}.")
    return page_error(page, f"{refusal.problem}.", line)
