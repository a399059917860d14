"""The PDF of the conclusions loads the bundled fonts and nothing else (issue 21, route 2).

WeasyPrint fetches what a page names (attachments, images, stylesheets) on the build
machine and embeds it in the published PDF. Each attack here is drawn in process,
with a loopback server that counts every connection; nothing may be fetched, and the
build stops naming the page and the address. The addresses of build-machine files
(/proc/self/environ) are only named, never read by the tests.
"""

from __future__ import annotations

import re

from support.pdf_sources import SECRET, SOURCE, embedded
from support.project import build

POINT = "2. The exchanges underlined"


def conclusions_with(project, new_point: str) -> int:
    """Put markup into point 2 of the English conclusions; its line number."""
    page = project / "docs/en/conclusions.md"
    text = page.read_text(encoding="utf-8")
    assert POINT in text
    page.write_text(text.replace(POINT, new_point, 1), encoding="utf-8")
    return text[: text.index(POINT)].count("\n") + 1


def error_of(result) -> str:
    assert result.returncode != 0, "the build did not stop"
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    # MkDocs' own "Error reading page …" / "Error building page …" line comes first: the site's message follows.
    return next(line for line in result.stderr.splitlines() if line.startswith("ERROR") and not re.search(r"Error (reading|building) page", line))


def test_the_conclusions_are_checked_against_the_allowlist_before_the_pdf_is_drawn(project_copy, tmp_path, loopback):
    line = conclusions_with(project_copy, f'2. <img src="http://127.0.0.1:{loopback.server_address[1]}/p.png" alt="x"> The exchanges underlined')
    error = error_of(build(project_copy / "mkdocs.yml", tmp_path / "site", language="en"))
    assert f"{SOURCE}, line {line}: the image address" in error, error
    assert loopback.connections == 0, "the PDF was drawn from a text the allowlist refuses"


def test_an_attachment_in_the_conclusions_is_refused_naming_the_page_and_line(project_copy, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    # From docs/en/ to the secret, as a relative address the allowlist admits.
    relative = "../" * len((project_copy / "docs/en").parts[1:]) + str(secret).lstrip("/")
    line = conclusions_with(project_copy, f'2. <a rel="attachment" href="{relative}">x</a> The exchanges underlined')
    site = tmp_path / "site"
    error = error_of(build(project_copy / "mkdocs.yml", site, language="en"))
    assert f"{SOURCE}, line {line}: " in error and 'rel="attachment"' in error, error
    for built in site.rglob("*.pdf") if site.exists() else []:
        assert embedded(built.read_bytes()) == [], built
