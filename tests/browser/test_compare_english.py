"""A translated point compared with the English, fetched on first opening (issue 24).

The translated conclusions do not carry the English points (they doubled the page):
each "Compare with the English text" disclosure links English point N, and
compare-english.js, loaded by controls.js when the reader first opens one, puts the
English point in its place, by mouse as by keyboard, with one fetch of the English page.
"""

from __future__ import annotations

import pytest
from support.languages import BY_LOCALE, page_path

# English point N's text as the English page shows it, without its number and tools.
ENGLISH_POINT = """n => {
  const point = document.getElementById('point-' + n).cloneNode(true);
  point.querySelectorAll('.point-number, .point-tools').forEach(e => e.remove());
  return point.textContent.replace(/\\s+/g, ' ').trim();
}"""


@pytest.mark.parametrize("locale", ["mk", "sr-Latn", "fr"])
def test_opening_a_comparison_by_keyboard_shows_the_english_point_fetched_once(page, server, locale):
    page.goto(server + "conclusions/")
    english = {n: page.evaluate(ENGLISH_POINT, n) for n in (7, 8)}
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + page_path(BY_LOCALE[locale], "conclusions/"), wait_until="networkidle")
    assert not [url for url in requests if "compare-english" in url or url == server + "conclusions/"]
    for n in (7, 8):
        summary = page.locator(f"#point-{n} details.compare-english summary")
        summary.focus()
        page.keyboard.press("Enter")
        box = page.locator(f"#point-{n} details.compare-english > div[lang=en]")
        box.locator("p").first.wait_for()
        page.wait_for_function("box => !box.hasAttribute('aria-busy') && !box.querySelector('a[hreflang=en]:only-child')", arg=box.element_handle())
        assert " ".join(box.inner_text().split()) == english[n]
        assert box.locator("[id], .point-number, .point-tools").count() == 0
    assert [url for url in requests if url.split("#")[0] == server + "conclusions/"] == [server + "conclusions/"]
    assert len([url for url in requests if url.endswith("compare-english.js")]) == 1


def test_if_the_english_cannot_be_fetched_the_link_to_the_english_point_stays(page, server):
    page.route(server + "conclusions/", lambda route: route.abort())
    page.goto(server + "mk/conclusions/", wait_until="networkidle")
    page.locator("#point-3 details.compare-english summary").click()
    page.wait_for_timeout(500)
    link = page.locator("#point-3 details.compare-english a[hreflang=en]")
    assert link.is_visible() and link.get_attribute("href") == "../../conclusions/#point-3"
    assert page.locator("#point-3 details.compare-english > div").get_attribute("aria-busy") is None
