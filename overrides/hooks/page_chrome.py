"""Documentation chrome that readers of a conference site do not need (issue 24).

A page without a table of contents (the conclusions, the home page, the privacy
notice) gets no contents sidebar: Material would print an empty column and an empty
"Table of contents" navigation landmark that screen readers list. Its sidebar is
hidden the way Material hides it for `hide: [toc]` in front matter, so the reading
column takes the room. (The pager and the edit pencil are features left out of
mkdocs.yml.)
"""

from __future__ import annotations


# True if the page's table of contents lists nothing but its h1.
def has_no_contents(toc) -> bool:
    items = list(toc)
    if len(items) == 1 and items[0].level == 1:
        items = list(items[0].children)
    return not items


# After Markdown: the page's toc is known; Material reads page.meta.hide when rendering.
def on_page_content(html, page, config, files):
    if has_no_contents(page.toc):
        hide = list(page.meta.get("hide") or [])
        if "toc" not in hide:
            page.meta["hide"] = [*hide, "toc"]
    return html
