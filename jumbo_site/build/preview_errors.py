"""Under `scripts/serve`, a refused edit shows in the browser, never a stale page.

MkDocs' live preview keeps serving the last good build when a rebuild fails, so an
editor who saved a refused edit sees the old page and no message, unless they read
the terminal. Here a failed rebuild replaces every page of the preview with the
build's messages (the file, the line or the data entry and field, and the problem),
and the browser reloads to show them; the next good build puts the site back. A
failure of the first build still stops `scripts/serve` with its messages, as before.
Only the preview: `scripts/build` and the tests' builds never load this event.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.exceptions import Abort, BuildError, ConfigurationError

PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>The preview could not be built</title></head>
<body>
<main>
<h1>The preview could not be built</h1>
<p>The last save was refused. Fix what the message names and save again: this page reloads by itself.</p>
<pre>{messages}</pre>
</main>
</body>
</html>
"""


class _Messages(logging.Handler):
    """The warnings and errors MkDocs logs during one build."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith("mkdocs.livereload"):  # the server's own lines (a 404) are not the build's
            self.lines.append(record.getMessage())


def error_page(messages: list[str]) -> str:
    return PAGE.format(messages=html.escape("\n".join(messages) or "The build stopped without a message."))


# A build starts by emptying the site folder: the message goes where the last good
# build's pages were (404.html too, which the server sends for any other address).
def show_failure(site_dir: Path, pages: list[str], messages: list[str]) -> None:
    page = error_page(messages).encode("utf-8")
    for name in {*pages, "404.html"}:
        path = site_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page)


def on_serve(server, config, builder):
    rebuild = server.builder
    messages = _Messages()
    logging.getLogger("mkdocs").addHandler(messages)

    site_dir = Path(config.site_dir)
    pages = [str(path.relative_to(site_dir)) for path in site_dir.rglob("*.html")]  # the first build's

    def builder_showing_failures(*args, **kwargs):
        messages.lines.clear()
        try:
            rebuild(*args, **kwargs)
        except (Abort, BuildError, ConfigurationError) as failure:
            lines = list(messages.lines) or [str(failure)]
            logging.getLogger("mkdocs").error("The preview shows the message in the browser until the next good build.")
            show_failure(site_dir, pages, lines)
        else:
            pages[:] = [str(path.relative_to(site_dir)) for path in site_dir.rglob("*.html")]

    server.builder = builder_showing_failures
    return server
