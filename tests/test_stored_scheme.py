"""A colour scheme the reader chose applies on the next page before its text is there
(material-helpers.js, render-blocking: what it keeps of Material's inline helpers)."""

from __future__ import annotations

import pytest
from test_microsite import SCHEME_CHANGES


@pytest.mark.parametrize("system, chosen", [("light", "slate"), ("dark", "default")])
def test_a_stored_choice_applies_on_the_next_page_before_its_text_is_there(browser, server, system, chosen):
    context = browser.new_context(color_scheme=system, locale="en-US")
    context.add_init_script(script=SCHEME_CHANGES)
    page = context.new_page()
    page.goto(server + "programme/")
    page.locator("[data-md-component=palette] button").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == chosen
    page.goto(server + "mk/conclusions/")
    changes, final = page.evaluate("schemeChanges"), page.evaluate("document.body.dataset.mdColorScheme")
    assert final == chosen
    assert not any(text_there for _, text_there in changes), f"the scheme changed after the text was parsed: {changes}"
    assert page.evaluate("[document.body.dataset.mdColorPrimary, document.body.dataset.mdColorAccent]") == ["indigo", "indigo"]
    assert page.evaluate("window.__md_scope.pathname") == "/"
    context.close()
