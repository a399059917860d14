"""Heading permalinks titled in the page's language.

The toc extension gives every heading a permalink whose title attribute defaults
to the English "Permanent link". Each page is rendered with its own language's
`heading.permalink` string (overrides/strings/<lang>.yml) instead, so no
translated page carries that English tooltip.
"""

from __future__ import annotations

from site_i18n import content_language, strings_for


# MkDocs builds a Markdown renderer per page from mdx_configs: set the title first.
def on_page_markdown(markdown, page, config, files):
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = strings_for(content_language(page, config))["heading.permalink"]
    return markdown
