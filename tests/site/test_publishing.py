"""Publishing: every link works under a sub-path and at a domain root, one 404 page in the
reader's language, byte-identical rebuilds, and workflows that cannot leak or overreach."""

from __future__ import annotations

import pytest
from support.languages import LANGUAGES
from support.project import files_of, ROOT
from support.server import address, serve
from support.publishing import crawl


@pytest.fixture(scope="module")
def root_site(site, site_url):
    """The session's site, built for another address, served at a domain root as GitHub Pages would."""
    httpd = serve(site, "/")
    yield address(httpd), site_url
    httpd.shutdown()


def test_every_link_anchor_and_asset_works_at_a_domain_root(root_site):
    start, built_for = root_site
    assert built_for != start  # the absolute URLs point elsewhere; every link followed here is relative
    report = crawl(start, start)
    assert report["broken"] == [] and report["missing anchors"] == []
    assert report["pages"] >= len(LANGUAGES) * 7


def test_two_builds_of_the_same_sources_are_byte_identical(site, rebuilt_site):
    """The session's site, and the same sources copied elsewhere and built again (so the
    edit tests may compare their builds of a copy with the session's site)."""
    first, second = files_of(site), files_of(rebuilt_site)
    assert first.keys() == second.keys()
    assert [str(name) for name in first if first[name] != second[name]] == []


def test_material_files_that_no_page_loads_are_not_published(site):
    javascripts = sorted(p.name for p in (site / "assets/javascripts").iterdir())
    assert javascripts == sorted(p.name for p in (ROOT / "docs/assets/javascripts").iterdir())  # the site's own only
