"""The built site served as GitHub Pages serves a project site, on a free local port."""

from __future__ import annotations

import functools
import http.server
import io
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site at `prefix` as GitHub Pages serves a project site: an unknown
    path (or a folder without index.html) gets the site's root 404.html, status 404."""

    prefix = "/"

    def log_message(self, *args):
        pass

    def send_head(self):
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            return self.not_found()
        local = Path(self.directory) / path[len(self.prefix) :]
        if not local.exists() or local.is_dir() and not (local / "index.html").is_file():
            return self.not_found()
        self.path = "/" + self.path[len(self.prefix) :]
        return super().send_head()

    def not_found(self):
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)



def serve(directory: Path, prefix: str = "/") -> http.server.ThreadingHTTPServer:
    """Serve `directory` at http://127.0.0.1:<a free port the server picks><prefix>."""
    handler = functools.partial(type("Handler", (PagesHandler,), {"prefix": prefix}), directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def address(httpd: http.server.ThreadingHTTPServer, prefix: str = "/") -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
