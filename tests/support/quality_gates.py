"""The tools behind the quality gates, shared by the tests and scripts/audit:
the Nu HTML Checker, Lighthouse, and a first visit's weight as the browser makes it."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from support.project import ROOT  # noqa: E402

VNU_JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def missing_tools() -> list[str]:
    """What the gates need and this machine lacks (scripts/test installs them)."""
    missing = []
    if not shutil.which("java"):
        missing.append("java")
    if not VNU_JAR.is_file() or not LIGHTHOUSE.exists():
        missing.append("node_modules (npm ci)")
    return missing


VNU_TIMEOUT = 600  # seconds, for the whole site
LIGHTHOUSE_TIMEOUT = 240  # seconds, for one page


def vnu_errors(site: Path) -> list[str]:
    """Every error the Nu HTML Checker reports on the built site's HTML. Also an error:
    vnu failing without naming one, or not checking every HTML file of the site."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "gnu", "--skip-non-html", "--verbose", str(site)],
        capture_output=True, text=True, timeout=VNU_TIMEOUT,
    )  # fmt: skip
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    checked = {Path(line) for line in result.stdout.splitlines() if line.endswith(".html")}
    expected = set(site.rglob("*.html"))
    if result.returncode != 0 and not errors:
        errors.append(f"vnu exited with {result.returncode} without naming an error")
    if result.returncode == 0 and errors:
        errors.append("vnu exited with 0 although it reported errors")
    if checked != expected:
        errors.append(f"vnu checked {len(checked)} of the {len(expected)} HTML files; not: {sorted(map(str, expected - checked))[:5]}")
    return errors


def chrome_path(browser: str | None = None) -> str:
    """The browser executable for Lighthouse: $BROWSER_PATH, or Playwright's Chromium
    (by its real path) when BROWSER_PATH says "playwright", else Debian's Chromium."""
    path = browser or os.environ.get("BROWSER_PATH") or "/usr/bin/chromium"
    if path == "playwright":
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
    return path


def lighthouse(url: str, browser: str | None = None, categories: tuple = CATEGORIES) -> dict:
    """Lighthouse's scores (0-100) for one page, mobile, as its CLI measures them, and
    the weighted audits that fall short in the categories other than performance.
    When Lighthouse fails, the error carries its own output."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        env = {**os.environ, "CHROME_PATH": chrome_path(browser)}
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}",
                   f"--only-categories={','.join(categories)}"]  # fmt: skip
        try:
            result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=LIGHTHOUSE_TIMEOUT)
        except subprocess.TimeoutExpired as timeout:
            raise RuntimeError(f"Lighthouse took over {LIGHTHOUSE_TIMEOUT} s on {url}:\n{timeout.stdout or ''}\n{timeout.stderr or ''}") from None
        if result.returncode != 0 or not report.is_file():
            raise RuntimeError(f"Lighthouse failed on {url} (exit {result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    if runtime_error := data.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not audit {url}: {runtime_error}")
    scores = {name: round(data["categories"][name]["score"] * 100) for name in categories}
    failing = [
        audit_id
        for name in categories
        if name != "performance"
        for ref in data["categories"][name]["auditRefs"]
        if ref["weight"] and (audit_id := ref["id"]) and (data["audits"][audit_id]["score"] or 0) < 1
    ]
    return {**scores, "failing": failing}


# What delays the first paint: stylesheets that apply, and scripts that are neither
# async nor deferred and come before the page's content (<main>); a script after the
# content, or one a script adds later, lets the content paint first.
BLOCKING = """() => {
  const main = document.querySelector("main");
  return [...document.querySelectorAll("link[rel~=stylesheet], script[src]")].filter(element => {
    if (element.tagName === "LINK") return !element.media || matchMedia(element.media).matches;
    if (element.async || element.defer || element.type === "module") return false;
    return !main || !(main.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
  }).map(element => element.href || element.src);
}"""
FIRST_PAINT = "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null"


def browser_first_visit(tab, url: str) -> dict:
    """A first visit to `url` in a fresh tab, as the browser made it: every response
    until the network is idle (the scripts have run), its bytes gzip-compressed as a
    web server would send them (level 6), the render-blocking bytes (the page, and the
    stylesheets and scripts BLOCKING names) and the first contentful paint (ms)."""
    responses = []
    tab.on("response", lambda response: responses.append(response))
    tab.goto(url, wait_until="networkidle")
    tab.wait_for_timeout(300)
    sizes = {response.url: len(gzip.compress(response.body(), 6, mtime=0)) for response in responses if response.status == 200}
    blocking = [url, *tab.evaluate(BLOCKING)]
    return {
        "urls": [response.url for response in responses],
        "statuses": [response.status for response in responses],
        "bytes": sum(sizes.values()),
        "blocking": sum(sizes.get(address, 0) for address in blocking),
        "fcp": tab.evaluate(FIRST_PAINT),
    }


# --- Serving as GitHub Pages does (Lighthouse's performance depends on it) -------------

import http.server  # noqa: E402

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder as GitHub Pages does: text compressed with gzip for browsers
    that accept it (Python's plain server sends it uncompressed)."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "") or not kind.startswith(COMPRESSED_TYPES):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind if "charset" in kind or not kind.startswith("text/") else kind + "; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)
