"""Publishing: every link works under a sub-path and at a domain root, one 404 page in the
reader's language, byte-identical rebuilds, and workflows that cannot leak or overreach."""

from __future__ import annotations

import functools
import http.server
import re
import socket
import threading
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import LANGUAGES, ROOT, build

SUB_PATH = "/jumbo-2021/"
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site at `prefix`, answering unknown paths with the root 404.html
    and status 404, as GitHub Pages does for a project site."""

    prefix = "/"

    def log_message(self, *args):
        pass

    def send_head(self):
        path = urlsplit(self.path).path
        if not path.startswith(self.prefix):
            return self.not_found()
        local = Path(self.directory) / path[len(self.prefix) :]
        if local.is_dir() and not (local / "index.html").is_file() or not local.exists():
            return self.not_found()
        self.path = "/" + path[len(self.prefix) :]
        return super().send_head()

    def not_found(self):
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)


def serve(directory: Path, prefix: str, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(type("Handler", (PagesHandler,), {"prefix": prefix}), directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    """The site built for, and served at, http://127.0.0.1:<port>/jumbo-2021/."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}{SUB_PATH}"
    site = tmp_path_factory.mktemp("sub-path-site")
    result = build(ROOT / "mkdocs.yml", site, site_url=url)
    assert result.returncode == 0, result.stderr
    httpd = serve(site, SUB_PATH, port)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="module")
def root_site(site, site_url):
    """The session's site, built for a domain root, served as GitHub Pages would."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    httpd = serve(site, "/", port)
    yield f"http://127.0.0.1:{port}/", site_url
    httpd.shutdown()


RESOURCES = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src")]


def crawl(start: str, origin: str) -> dict:
    """Follow every link and resource on the origin from `start`. Returns the figures and
    every broken link, missing anchor and missing asset found."""
    queue, seen, ids, anchors, broken = [start], set(), {}, [], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url) as response:
                body, kind = response.read(), response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            broken.append(f"{url}: {error.code}")
            continue
        if kind == "text/html":
            html = BeautifulSoup(body, "lxml")
            ids[url] = {e["id"] for e in html.select("[id]")} | {a["name"] for a in html.select("a[name]")}
            for tag, attribute in RESOURCES:
                for element in html.find_all(tag):
                    if not element.get(attribute) or element.get(attribute).startswith(("mailto:", "data:")):
                        continue
                    target, fragment = urldefrag(urljoin(url, element[attribute]))
                    if not target.startswith(origin):
                        continue
                    if fragment:
                        anchors.append((url, target, fragment))
                    queue.append(target)
            index = html.select_one("form[data-index]")
            if index and index["data-index"]:
                queue.append(urljoin(url, index["data-index"]))
        elif kind == "text/css":
            for reference in re.findall(r"url\(\s*['\"]?([^'\")]+)", body.decode("utf-8")):
                if not reference.startswith("data:"):
                    queue.append(urldefrag(urljoin(url, reference))[0])
    missing_anchors = [f"{page} → {target}#{fragment}" for page, target, fragment in anchors if target in ids and fragment not in ids[target]]
    return {"urls": len(seen), "pages": len(ids), "broken": broken, "missing anchors": missing_anchors, "anchors checked": len(anchors)}


def test_every_link_anchor_and_asset_works_under_a_sub_path(sub_path_site):
    report = crawl(sub_path_site, sub_path_site)
    assert report["broken"] == [] and report["missing anchors"] == []
    assert report["pages"] >= len(LANGUAGES) * 7


def test_every_link_anchor_and_asset_works_at_a_domain_root(root_site):
    start, built_for = root_site
    assert built_for != start  # the absolute URLs point elsewhere; every link followed here is relative
    report = crawl(start, start)
    assert report["broken"] == [] and report["missing anchors"] == []
    assert report["pages"] >= len(LANGUAGES) * 7


def test_an_unknown_address_answers_404_with_the_not_found_page(sub_path_site):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(sub_path_site + "mk/no-such-page/")
    assert error.value.code == 404
    html = BeautifulSoup(error.value.read(), "lxml")
    assert {section["lang"] for section in html.select("section[lang]")} == {lang.html_lang for lang in LANGUAGES}


def test_the_not_found_page_speaks_the_language_of_the_address(page, sub_path_site):
    page.goto(sub_path_site + "mk/no-such-page/")
    assert page.evaluate("document.documentElement.lang") == "mk"
    visible = page.locator("section:visible")
    assert visible.count() == 1
    assert visible.locator("h1").inner_text() == "Страницата не е пронајдена"
    visible.locator("a").click()
    page.wait_for_url(sub_path_site + "mk/")


def test_without_javascript_the_not_found_page_shows_every_language(browser, sub_path_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sub_path_site + "sr-Latn/nothing-here/")
    assert page.locator("section:visible").count() == len(LANGUAGES)
    context.close()


def test_two_builds_of_the_same_sources_are_byte_identical(site, site_url, tmp_path):
    again = tmp_path / "again"
    assert build(ROOT / "mkdocs.yml", again, site_url=site_url).returncode == 0
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [str(name) for name in first if first[name] != second[name]] == []


# --- The workflows ------------------------------------------------------------------


def workflow(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_there_is_a_workflow():
    assert WORKFLOWS


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_grants_least_privilege(path):
    data = workflow(path)
    assert data["permissions"] == {"contents": "read"}
    for name, job in data["jobs"].items():
        granted = job.get("permissions", {})
        if name == "deploy":
            assert granted == {"pages": "write", "id-token": "write"}
            assert job["concurrency"]["group"] == "pages"
            assert job["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
        else:
            assert granted == {}, f"job {name} asks for {granted}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(- )?uses:", line)]
    assert lines
    for line in lines:
        assert re.fullmatch(r"(- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+)*", line), line


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_never_runs_untrusted_input(path):
    data = workflow(path)
    assert "pull_request_target" not in data["on"]
    for job in data["jobs"].values():
        for step in job["steps"]:
            assert "github.event" not in step.get("run", ""), step


def test_material_files_that_no_page_loads_are_not_published(site):
    javascripts = sorted(p.name for p in (site / "assets/javascripts").iterdir())
    assert javascripts == ["not-found.js", "palette.js", "search.js"]
