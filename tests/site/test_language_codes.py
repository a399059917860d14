"""Montenegrin's three-letter code: accepted by the site's i18n plugin, served as lang="cnr"."""

from __future__ import annotations
from support.language_codes import _EnvLoader


_EnvLoader.add_constructor("!ENV", lambda loader, node: None)


def test_montenegrin_pages_are_served_at_cnr_with_lang_cnr(soup):
    for page in ("", "conclusions/"):
        assert soup(f"cnr/{page}").html["lang"] == "cnr"
