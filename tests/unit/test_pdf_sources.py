"""The PDF of the conclusions loads the bundled fonts and nothing else (issue 21, route 2).

WeasyPrint fetches what a page names (attachments, images, stylesheets) on the build
machine and embeds it in the published PDF. Each attack here is drawn in process,
with a loopback server that counts every connection; nothing may be fetched, and the
build stops naming the page and the address. The addresses of build-machine files
(/proc/self/environ) are only named, never read by the tests.
"""

from __future__ import annotations

import io

import pikepdf
import pytest
from mkdocs.exceptions import PluginError
from support.pdf_sources import SECRET, SOURCE, embedded

from jumbo_site.takeaways.bundled_fonts import FAMILY, FILES, font_path
from jumbo_site.takeaways.conclusions_pdf import draw_pdf


def print_page(body: str) -> str:
    fonts = "".join(f'@font-face {{ font-family: "{FAMILY}"; font-weight: {w}; src: url("{font_path(w).as_uri()}"); }}' for w in FILES)
    return f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title><style>{fonts} html {{ font-family: "{FAMILY}"; }}</style></head><body>{body}</body></html>'


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


@pytest.mark.parametrize("rel, allowed", [("noopener", True), ("noreferrer", True), ("noopener noreferrer", True), ("attachment", False), ("noopener attachment", False), ("stylesheet", False)])
def test_links_in_the_text_may_have_rel_noopener_and_noreferrer_only(rel, allowed):
    from jumbo_site.safety.content_allowlist import refusals

    found = refusals(f'<p><a href="about/" rel="{rel}">x</a></p>')
    assert (found == []) == allowed, found
    assert allowed or "allowed only as" in found[0].problem
