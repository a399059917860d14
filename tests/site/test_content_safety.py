"""Content cannot carry code: each bad input below stops the build, naming the file and
line (or data entry and field), and no built file contains its payload; ordinary
content keeps building; every page's policy allows only the templates' scripts.

The bad inputs are the red-team list of issue 13 and more, one class per block. Each
is built in a copy of the project, in one language, two builds at a time.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from support.languages import EVERY_PATH, LANGUAGES, page_path
from support.content_safety import page


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_kosovo_carries_its_asterisk_linked_to_the_footnote_in_every_language(soup, language):
    html = soup(page_path(language, "about/"))
    references = html.select("article a.kosovo-ref")
    assert references and all(ref["href"] == "#kosovo-footnote" and ref.get_text() == "*" for ref in references)
    assert html.select_one("#kosovo-footnote[role=note]") and not html.select("a a")


# --- The policy ------------------------------------------------------------------------



@pytest.mark.parametrize(
    "injected, refused",
    [
        # Text to libxml2, elements to a browser inside <svg> or <math> (or the other way round).
        ('<svg><title><meta http-equiv="refresh" content="0;url=https://evil.example/"></title></svg>', "markup inside <title>"),
        ("<math><style><img src=x onerror=alert(1)></style></math>", "markup inside <style>"),
        ("<svg><textarea><img src=x onerror=alert(1)></textarea></svg>", "markup inside <textarea>"),
        ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "markup inside <noscript>"),
        # Nesting too deep for libxml2, which then stops reading without a word.
        ("<div>" * 3000 + "</div>" * 3000 + "<img src=x onerror=alert(1)>", "cannot be read to its end"),
        # A page that names the parser's end itself, then stops the parser.
        ("<content-security-end>" * 2100 + '<meta http-equiv="refresh" content="0;url=https://evil.example/">', "cannot be read to its end"),
        # The same checker still sees what is outside such places.
        ("<p/onclick=alert(1)>x</p>", "an event handler onclick="),
    ],
)
def test_the_policy_check_refuses_what_it_cannot_see_as_a_browser_would(site, injected, refused):
    from jumbo_site.safety.content_security import template_problem

    raw = (site / "about/index.html").read_text(encoding="utf-8")
    page = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", raw)
    assert template_problem(page) is None
    footer = page.index("</footer>")
    assert refused in (template_problem(page[:footer] + injected + page[footer:]) or "")


@pytest.mark.parametrize("path", EVERY_PATH, ids=lambda p: p or "/")
def test_the_policy_allows_only_the_site_s_script_files_and_the_page_has_no_inline_script(site, path):
    raw = (site / path / "index.html").read_text(encoding="utf-8")
    html = BeautifulSoup(raw, "lxml")
    policy = html.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'" and directives["object-src"] == "'none'"
    for script in html.select("script"):
        if script.get("src"):
            assert (site / path / script["src"]).resolve().is_file() and not script.string
        else:
            assert script.get("type") in ("application/json", "application/ld+json"), script
    assert [meta["http-equiv"] for meta in html.select("meta[http-equiv]")] == ["Content-Security-Policy"]
    assert not [attr for tag in html.find_all(True) for attr in tag.attrs if attr.startswith("on")]
    assert len(re.findall(r"<script\b", raw, re.I)) == len(html.select("script"))
