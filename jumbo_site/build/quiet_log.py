"""A build prints one line per language, so that a warning stands out.

Without this, every rebuild printed some 83 information lines (mostly the i18n
plugin's configuration overrides, nine times). The site's plugin
(i18n_language_codes.py) installs this filter on MkDocs' console handler when a
build or `mkdocs serve` starts. It lets through:

- every warning and error, unchanged (strict builds still stop on them, since MkDocs
  counts them with a handler of its own);
- the one line per language build that the site's plugin writes (LOGGER below);
- `mkdocs serve`'s address ("Serving on …").

Other information lines are dropped. With `-v` (verbose) nothing is filtered.
"""

from __future__ import annotations

import logging
import re

LOGGER = "mkdocs.plugins.languages"  # the site's line per language build
KEPT_INFO = re.compile(r"(\[[\d:]+\] )?Serving on ")  # live reload prefixes the time
CONSOLE = "MkDocsStreamHandler"  # MkDocs' console handler (mkdocs/__main__.py)


class QuietInfo(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or record.name == LOGGER or bool(KEPT_INFO.match(record.getMessage()))


_filter = QuietInfo()


# Filter MkDocs' console output, unless it is verbose; safe to call more than once.
def install() -> None:
    mkdocs = logging.getLogger("mkdocs")
    if mkdocs.level <= logging.DEBUG:  # mkdocs -v
        return
    for handler in mkdocs.handlers:
        if handler.get_name() == CONSOLE and _filter not in handler.filters:
            handler.addFilter(_filter)
