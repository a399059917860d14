"""The allowlist itself refuses what would run code, embed another host or restyle the
page, in-process on small fragments (content_allowlist.refusals): each is refused by the
list, naming why, and not only later by the policy check of the built page
(tests/builds/test_content_safety.py builds the same inputs)."""

from __future__ import annotations

import pytest

from jumbo_site.safety.content_allowlist import refusals

CODE = {
    "script": ("<script>alert(1)</script>", "<script", "pages carry no scripts"),
    "noscript": ("<noscript><p>x</p></noscript>", "<noscript", "pages carry no scripts"),
    "template": ("<template><p>x</p></template>", "<template", "pages carry no scripts"),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', "<iframe", "nothing is embedded"),
    "object": ('<object data="https://evil.example/x"></object>', "<object", "nothing is embedded"),
    "embed": ('<embed src="https://evil.example/x">', "<embed", "nothing is embedded"),
    "style": ("<style>p{display:none}</style>", "<style", "come from the site's templates"),
    "link": ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link", "come from the site's templates"),
    "form": ('<form action="https://evil.example/"><input name="q"></form>', "<form", "pages carry no forms"),
    "onclick": ('<p><a href="#x" onclick="alert(1)">x</a></p>', "onclick=", "inline event handler onclick="),
    "onerror": ('<p><img src="x.png" alt="" onerror="alert(1)"></p>', "onerror=", "inline event handler onerror="),
    "onmouseover": ('<p onmouseover="alert(1)">x</p>', "onmouseover=", "inline event handler onmouseover="),
    "style attribute": ('<p style="display:none">x</p>', "style=", "the style attribute on <p>"),
}


@pytest.mark.parametrize("fragment, needle, why", CODE.values(), ids=CODE)
def test_code_is_refused_by_the_allowlist_itself_saying_why(fragment, needle, why):
    found = refusals(fragment)
    assert [refusal.needle for refusal in found][:1] == [needle], found
    assert why in found[0].problem, found[0].problem


def test_plain_text_markup_passes():
    assert refusals('<p>See <a href="https://www.rcc.int/" hreflang="en">the RCC</a>, <em>Paris</em>.</p>') == []
