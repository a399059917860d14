"""Publishing: every link works under a sub-path and at a domain root, one 404 page in the
reader's language, byte-identical rebuilds, and workflows that cannot leak or overreach."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect
from support.languages import LANGUAGES
from support.project import ROOT, build
from support.publishing import URLOPEN_TIMEOUT, crawl
from support.server import address, serve

SUB_PATH = "/jumbo-2021/"


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


def test_every_link_anchor_and_asset_works_under_a_sub_path(sub_path_site):
    report = crawl(sub_path_site, sub_path_site)
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
