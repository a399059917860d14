"""Every page, in every language, as built: language, structure, links, RCC usage."""

from __future__ import annotations

from support.languages import PAGES
from support.pages import css_urls, is_elsewhere


def test_the_site_has_its_seven_pages_in_every_language():
    """The pages the site is built around (a page an editor adds comes on top of them)."""
    assert {"", "about/", "accessibility/", "conclusions/", "partners/", "privacy/", "programme/"} <= set(PAGES)


def test_css_url_finder_sees_imports_and_urls():
    css = "@import 'https://fonts.example/a.css'; b { background: url(\"//cdn.example/x.png\") }"
    assert [is_elsewhere(u) for u in css_urls(css)] == [True, True]
