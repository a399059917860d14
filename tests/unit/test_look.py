"""The conference's own look (issue 24): a site that reads as the event, not a manual.
No documentation chrome, the Serbian entries named by script, the header's wordmark,
contrast in every state, target sizes and a reading measure, seen in Chromium."""

from __future__ import annotations

from support.languages import DEFAULT, strings_for
from support.project import ROOT


def test_a_partner_card_links_the_website_the_data_gives_and_no_other():
    """No partner has a website in data/partners.yml yet (none could be verified): the macro
    is fed one, as an editor would add it with its source."""
    import jinja2

    macros = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides"))).get_template("partials/conference.html").module
    strings = strings_for(DEFAULT)
    group = {"role": "partner", "partners": [
        {"id": "a", "label": "A", "website": "https://a.example/", "sessions": []},
        {"id": "b", "label": "B", "website": None, "sessions": []},
    ]}
    markdown = str(macros.partners([group], strings))
    assert f"[{strings['partners.website']}](https://a.example/)" in markdown
    assert markdown.count("https://") == 1
