"""Numbered points that readers can cite.

On a page whose front matter says `numbered_points: true`, the first ordered list
becomes the numbered points: item N gets id="point-N" and its number becomes a
visible permalink, named "Point N" in the page's language (`point.name`), not "N.".
Ids are set while Markdown is rendered, so MkDocs validates links to them
(conclusions.md#point-7) like any other anchor.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from jumbo_site.build.editor_errors import page_error
from jumbo_site.languages.site_i18n import content_language, strings_for


class NumberedPointsExtension(Extension):
    # The permalink title of the page being rendered; None on pages without points.
    link_title: str | None = None
    # The permalink's accessible name, "Point {n}" in the page's language.
    link_name: str = "{n}"

    def extendMarkdown(self, md):
        # Before MkDocs collects anchors (priority 5).
        md.treeprocessors.register(NumberedPointsTreeprocessor(md, self), "numbered_points", 10)


class NumberedPointsTreeprocessor(Treeprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    # Give each item of the first ordered list its id and permalink.
    def run(self, root):
        title = self.extension.link_title
        points = root.find("ol")
        if title is None or points is None:
            return
        points.set("class", "numbered-points")
        for number, item in enumerate(points.findall("li"), start=1):
            item.set("id", f"point-{number}")
            link = etree.Element("a", {"class": "point-number", "href": f"#point-{number}"})
            link.set("title", title.format(n=number))
            link.set("aria-label", self.extension.link_name.format(n=number))
            link.text = f"{number}."
            # A loose list wraps each item's text in <p>: the number goes inside it.
            holder = item[0] if len(item) and item[0].tag == "p" else item
            link.tail = holder.text
            holder.text = None
            holder.insert(0, link)


EXTENSION = NumberedPointsExtension()


def on_config(config):
    config.markdown_extensions.append(EXTENSION)


# Arm the extension for pages that ask for numbered points.
def on_page_markdown(markdown, page, config, files):
    wanted = page.meta.get("numbered_points", False)
    strings = strings_for(content_language(page, config))
    EXTENSION.link_title = strings["point.permalink"] if wanted else None
    EXTENSION.link_name = strings["point.name"]
    return markdown


# A page that asks for numbered points must have them.
def on_page_content(tree, page, config, files):
    if EXTENSION.link_title is not None and not tree.root.xpath('boolean(.//*[@id="point-1"])'):
        raise page_error(
            page,
            "the front matter says numbered_points: true, but the page has no numbered list "
            "(1. …). Add the points or remove the setting.",
        )
    EXTENSION.link_title = None
    return tree
