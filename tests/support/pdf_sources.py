"""What the pdf sources tests share (tests/{unit,builds}/test_pdf_sources.py)."""

from __future__ import annotations

import http.server
import io

import pikepdf

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


# The files a PDF carries: attachments, and file annotations on its pages.
def embedded(pdf: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        annotations = [str(a.get("/Contents", "file")) for page in document.pages for a in page.get("/Annots", []) if a.get("/Subtype") == "/FileAttachment"]
        return list(document.attachments) + annotations
