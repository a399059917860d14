"""Publishing: every link works under a sub-path and at a domain root, one 404 page in the
reader's language, byte-identical rebuilds, and workflows that cannot leak or overreach."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect
from support.languages import LANGUAGES
from support.project import build, files_of, ROOT
from support.server import address, serve

SUB_PATH = "/jumbo-2021/"
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


URLOPEN_TIMEOUT = 30  # seconds, for one request to the local test server


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    """The site built for, and served at, http://127.0.0.1:<port>/jumbo-2021/ (the
    server is listening before the build, so nobody can take its port meanwhile)."""
    site = tmp_path_factory.mktemp("sub-path-site")
    httpd = serve(site, SUB_PATH)
    url = address(httpd, SUB_PATH)
    result = build(ROOT / "mkdocs.yml", site, site_url=url)
    assert result.returncode == 0, result.stderr
    yield url
    httpd.shutdown()


@pytest.fixture(scope="module")
def root_site(site, site_url):
    """The session's site, built for another address, served at a domain root as GitHub Pages would."""
    httpd = serve(site, "/")
    yield address(httpd), site_url
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
            with urllib.request.urlopen(url, timeout=URLOPEN_TIMEOUT) as response:
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


def test_the_not_found_page_holds_a_section_in_every_language(sub_path_site):
    """(The status 404 is the server's doing, GitHub Pages' or the test server's, not the site's.)"""
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(sub_path_site + "mk/no-such-page/", timeout=URLOPEN_TIMEOUT)
    html = BeautifulSoup(error.value.read(), "lxml")
    assert {section["lang"] for section in html.select("section[lang]")} == {lang.html_lang for lang in LANGUAGES}


def test_the_not_found_page_speaks_the_language_of_the_address(page, sub_path_site):
    page.goto(sub_path_site + "mk/no-such-page/")
    assert page.evaluate("document.documentElement.lang") == "mk"
    visible = page.locator("section:visible")
    expect(visible).to_have_count(1)
    expect(visible.locator("h1")).to_have_text("Страницата не е пронајдена")
    visible.locator("a").click()
    page.wait_for_url(sub_path_site + "mk/")


def test_without_javascript_the_not_found_page_shows_every_language(browser, sub_path_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sub_path_site + "sr-Latn/nothing-here/")
    assert page.locator("section:visible").count() == len(LANGUAGES)
    context.close()


def test_two_builds_of_the_same_sources_are_byte_identical(site, rebuilt_site):
    """The session's site, and the same sources copied elsewhere and built again (so the
    edit tests may compare their builds of a copy with the session's site)."""
    first, second = files_of(site), files_of(rebuilt_site)
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


def test_the_workflow_runs_the_fresh_set_up_and_the_tests_every_week():
    data = workflow(ROOT / ".github/workflows/site.yml")
    [schedule] = data["on"]["schedule"]
    minute, hour, day_of_month, month, day_of_week = schedule["cron"].split()
    assert (day_of_month, month, day_of_week) == ("*", "*", "1"), schedule  # every Monday (README)
    steps = data["jobs"]["test"]["steps"]
    assert any(step.get("run") == "scripts/test" for step in steps)
    # Fresh: nothing restores a virtual environment or node_modules from an earlier run.
    assert not [step for step in steps if "cache" in step.get("uses", "") or step.get("with", {}).get("cache")]


def test_material_files_that_no_page_loads_are_not_published(site):
    javascripts = sorted(p.name for p in (site / "assets/javascripts").iterdir())
    assert javascripts == sorted(p.name for p in (ROOT / "docs/assets/javascripts").iterdir())  # the site's own only
