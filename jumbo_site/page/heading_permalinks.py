"""Headings and their permalinks: in the page's language, announced by their words alone.

- **Titles.** The toc extension gives every heading a permalink whose title attribute
  defaults to the English "Permanent link". Each page is rendered with its own
  language's `heading.permalink` string (strings/<lang>.yml) instead, so no
  translated page carries that English tooltip.
- **Not "Programme¶".** A link inside a heading joins the heading's accessible name.
  The "¶" is left to pointer users (it appears on hover): it is hidden from
  assistive technology and taken out of the Tab order, which is allowed only
  together. Keyboard and screen reader users reach the same addresses through the
  table of contents, whose entries link to the same anchors.
- **No-break spaces.** The extension folds every space of a heading, no-break ones
  included, into a plain space for the table of contents, so French "Débat 1 : …"
  could break before its colon there. Entries whose heading holds a no-break space
  get the heading's own text back.
"""

from __future__ import annotations

import html as html_lib
import re

from jumbo_site.languages.site_i18n import content_language, strings_for

NO_BREAK_SPACES = "\u00a0\u202f"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
FOLDABLE_SPACE = re.compile(rf"[^\S{NO_BREAK_SPACES}]+")


# MkDocs builds a Markdown renderer per page from mdx_configs: set the title first.
def on_page_markdown(markdown, page, config, files):
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = strings_for(content_language(page, config))["heading.permalink"]
    return markdown


# A heading's visible text (its permalink's "¶" left out), with its no-break spaces and nothing else unfolded.
def _heading_text(heading) -> str:
    pieces = [heading.text or ""]
    for child in heading:
        if not (child.tag == "a" and child.get("class") == "headerlink"):
            pieces.append("".join(child.itertext()))
        pieces.append(child.tail or "")
    return FOLDABLE_SPACE.sub(" ", "".join(pieces)).strip()


def _entries(items):
    for item in items:
        yield item
        yield from _entries(item.children)


# After the other content hooks, so every heading and its permalink is there.
def on_page_content(tree, page, config, files):
    # The contents entry takes the heading's text where only spaces differ.
    texts = {}
    for heading in tree.root.iter(*HEADINGS):
        if heading.get("id") and any(c in text for text in heading.itertext() for c in NO_BREAK_SPACES):
            texts[heading.get("id")] = _heading_text(heading)
    for entry in _entries(page.toc) if texts else ():
        text = texts.get(entry.id)
        if text and re.sub(f"[{NO_BREAK_SPACES}]", " ", text) == html_lib.unescape(entry.title):
            entry.title = html_lib.escape(text, quote=False)
    # The "¶" leaves the Tab order and the accessibility tree (its attributes after its class, as they were written).
    for link in tree.root.iter("a"):
        if link.get("class") == "headerlink" and "aria-hidden" not in link.attrib:
            rest = [(name, value) for name, value in link.attrib.items() if name != "class"]
            for name, _ in rest:
                del link.attrib[name]
            for name, value in [("aria-hidden", "true"), ("tabindex", "-1"), *rest]:
                link.set(name, value)
    return tree
