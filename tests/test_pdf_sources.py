"""The PDF of the conclusions loads the bundled fonts and nothing else (issue 21, route 2).

WeasyPrint fetches what a page names (attachments, images, stylesheets) on the build
machine and embeds it in the published PDF. Each attack here is drawn in process,
with a loopback server that counts every connection; nothing may be fetched, and the
build stops naming the page and the address. The addresses of build-machine files
(/proc/self/environ) are only named, never read by the tests.
"""

from __future__ import annotations

import http.server
import io
import re
import threading

import pikepdf
import pytest
from mkdocs.exceptions import PluginError

from jumbo_site.takeaways.bundled_fonts import FAMILY, FILES, font_path
from jumbo_site.takeaways.conclusions_pdf import draw_pdf
from support.project import build, only_language

SOURCE = "docs/en/conclusions.md"
SECRET = "secret-4711-not-for-the-pdf"


class CountingServer(http.server.ThreadingHTTPServer):
    """A loopback server that counts every connection (HTTP or a TLS handshake)."""

    connections = 0

    def verify_request(self, request, client_address):
        self.connections += 1
        return True


class Quiet(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(SECRET.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback():
    server = CountingServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def print_page(body: str) -> str:
    fonts = "".join(f'@font-face {{ font-family: "{FAMILY}"; font-weight: {w}; src: url("{font_path(w).as_uri()}"); }}' for w in FILES)
    return f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title><style>{fonts} html {{ font-family: "{FAMILY}"; }}</style></head><body>{body}</body></html>'


# The files a PDF carries: attachments, and file annotations on its pages.
def embedded(pdf: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        annotations = [str(a.get("/Contents", "file")) for page in document.pages for a in page.get("/Annots", []) if a.get("/Subtype") == "/FileAttachment"]
        return list(document.attachments) + annotations


ATTACKS = {
    "attachment, local path": '<p><a rel="attachment" href="secret.txt">x</a></p>',
    "attachment, file: address": '<p><a rel="attachment" href="{file}">x</a></p>',
    "attachment, /proc/self/environ": '<p><a rel="attachment" href="/proc/self/environ">x</a></p>',
    "link attachment": '<link rel="attachment" href="{file}"><p>x</p>',
    "image, file: address": '<p><img src="{file}" alt="x"></p>',
    "attachment, loopback": '<p><a rel="attachment" href="http://127.0.0.1:{port}/a">x</a></p>',
    "image, loopback": '<p><img src="http://127.0.0.1:{port}/i.png" alt="x"></p>',
    "stylesheet, https": '<link rel="stylesheet" href="https://127.0.0.1:{port}/s.css"><p>x</p>',
    "background, loopback": '<p style="background: url(http://127.0.0.1:{port}/b.png)">x</p>',
}


@pytest.mark.parametrize("attack", ATTACKS, ids=list(ATTACKS))
def test_the_pdf_refuses_to_load_anything_but_the_bundled_fonts(attack, tmp_path, loopback):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    body = ATTACKS[attack].format(file=secret.as_uri(), port=loopback.server_address[1])
    # The worst base a page could have: a folder of the build machine.
    with pytest.raises(PluginError) as refused:
        pdf = draw_pdf(print_page(body), tmp_path.as_uri() + "/", SOURCE)
        pytest.fail(f"drawn, with embedded files {embedded(pdf)}")
    message = str(refused.value)
    assert message.startswith(SOURCE + ": ") and "bundled fonts" in message, message
    assert "127.0.0.1" in message or "secret.txt" in message or "/proc/self/environ" in message, message
    assert loopback.connections == 0, "the PDF builder connected to the loopback server"


def test_the_bundled_fonts_load_and_nothing_is_embedded_but_them(tmp_path):
    pdf = draw_pdf(print_page("<h1>Conclusions</h1><p><strong>1.</strong> Text</p>"), tmp_path.as_uri() + "/", SOURCE)
    assert embedded(pdf) == []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        fonts = {str(obj.get("/BaseFont")) for obj in document.objects if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"}
        assert fonts and all("Noto-Sans" in font for font in fonts), fonts


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
    only_language(project_copy, "en")
    line = conclusions_with(project_copy, f'2. <img src="http://127.0.0.1:{loopback.server_address[1]}/p.png" alt="x"> The exchanges underlined')
    error = error_of(build(project_copy / "mkdocs.yml", tmp_path / "site"))
    assert f"{SOURCE}, line {line}: the image address" in error, error
    assert loopback.connections == 0, "the PDF was drawn from a text the allowlist refuses"


def test_an_attachment_in_the_conclusions_is_refused_naming_the_page_and_line(project_copy, tmp_path):
    only_language(project_copy, "en")
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    # From docs/en/ to the secret, as a relative address the allowlist admits.
    relative = "../" * len((project_copy / "docs/en").parts[1:]) + str(secret).lstrip("/")
    line = conclusions_with(project_copy, f'2. <a rel="attachment" href="{relative}">x</a> The exchanges underlined')
    site = tmp_path / "site"
    error = error_of(build(project_copy / "mkdocs.yml", site))
    assert f"{SOURCE}, line {line}: " in error and 'rel="attachment"' in error, error
    for built in site.rglob("*.pdf") if site.exists() else []:
        assert embedded(built.read_bytes()) == [], built


@pytest.mark.parametrize("rel, allowed", [("noopener", True), ("noreferrer", True), ("noopener noreferrer", True), ("attachment", False), ("noopener attachment", False), ("stylesheet", False)])
def test_links_in_the_text_may_have_rel_noopener_and_noreferrer_only(rel, allowed):
    from jumbo_site.safety.content_allowlist import refusals

    found = refusals(f'<p><a href="about/" rel="{rel}">x</a></p>')
    assert (found == []) == allowed, found
    assert allowed or "allowed only as" in found[0].problem
