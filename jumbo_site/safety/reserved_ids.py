"""The ids the site gives its own elements are refused in a page's text.

The Kosovo* asterisk links to #kosovo-footnote and the footnote back to
#kosovo-ref-1 (kosovo_footnote.py); citations link to #point-N (numbered_points.py);
the templates name the search results, the language list and the home page's
sections (id="…" in any template of the theme, the site's overrides included), and
the site's scripts the navigation drawer (getElementById("…"), .id = "…"). A
browser follows a link to the first element with its id: an element of the page's
text with one of these ids, placed before the site's own, would take the link (the
asterisk would land on it). So the page's text, as Markdown renders it with the data
in it and before the site's hooks add their elements, may not give these ids, heading
ids included; on a page with numbered points, point-N is the points' own list item,
once. Ids starting with __ are the templates' too (refused by content_allowlist.py).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from jumbo_site.build.editor_errors import page_error, page_line_containing

# The ids the site's hooks give, whatever the number.
HOOK_IDS = re.compile(r"kosovo-footnote|kosovo-ref-\d+|point-\d+")
TEMPLATE_ID = re.compile(r"""\sid="([A-Za-z][^"{}<>\s]*)\"""")
SCRIPT_ID = re.compile(r"""(?:getElementById\(|\.id\s*=[^;\n]*?)["']([A-Za-z][\w-]*)["']""")


# The ids written in the theme's templates (the site's overrides and Material's) and those the site's scripts give or look up.
@functools.cache
def _site_ids(theme_dirs: tuple[str, ...], scripts: str) -> frozenset[str]:
    templates = {i for folder in theme_dirs for path in Path(folder).rglob("*.html") for i in TEMPLATE_ID.findall(path.read_text(encoding="utf-8"))}
    return frozenset(templates | {i for path in Path(scripts).glob("*.js") for i in SCRIPT_ID.findall(path.read_text(encoding="utf-8"))})


# On the page's tree, before any step adds the site's elements: no element may take an id the site gives.
def on_page_content(tree, page, config, files):
    ids = [(element.tag, element.get("id")) for element in tree.root.iterdescendants() if isinstance(element.tag, str) and element.get("id")]
    reserved, seen = _site_ids(tuple(config.theme.dirs), str(Path(config.docs_dir) / "assets/javascripts")), set()
    for tag, value in ids:
        points_own = page.meta.get("numbered_points") is True and tag == "li" and value.startswith("point-") and value not in seen
        seen.add(value)
        if points_own or not (value in reserved or HOOK_IDS.fullmatch(value)):
            continue
        line = page_line_containing(page, value) or page_line_containing(page, value.replace("-", " "))  # a heading's words
        raise page_error(page, f"the id '{value}' on <{tag}> is the site's own (its links lead there): give the element another id, or rename the heading it comes from.", line)
    return tree
