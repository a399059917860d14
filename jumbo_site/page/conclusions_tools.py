"""Above the conclusions' points: a panel to share and download, and an index of the points.

Guarantees, on the conclusions page of every language:
- the panel (a region named in the page's language) has a button that copies the page's
  address (hidden until docs/assets/javascripts/copy-link.js can copy), the PDF when the
  build made it (conclusions_pdf.py puts its address and size in context["pdf"]), and
  the open data (open_data.py's conclusions.json);
- the index (a navigation landmark named in the page's language) links every point by
  its number and first words, read from the page as built (takeaways.py), so it never
  says other than the point; it adds no heading, since the record has none but its title.
Both carry data-search-exclude: search finds the points themselves.
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from jumbo_site.languages.site_i18n import content_language, strings_for
from jumbo_site.takeaways.open_data import DATA_FILE
from jumbo_site.takeaways.takeaways import first_words, insert_block, is_conclusions_page, read_conclusions
from jumbo_site.theme.shared_theme import escaping_environment

INDEX_WORDS = 6  # enough to recognise a point; one line at 390 px in most languages


# After conclusions_pdf.on_page_context, which gives the PDF's address and size.
def on_page_context(context, page, config, nav):
    if not is_conclusions_page(page):
        return context
    points = [
        {"id": point.id, "number": point.number, "words": first_words(point.text, INDEX_WORDS)}
        for point in read_conclusions(page.content).points
    ]
    macros = escaping_environment(config.theme).get_template("partials/takeaways.html").module
    block = macros.conclusions_tools(points, context.get("pdf"), get_relative_url(DATA_FILE, page.url), strings_for(content_language(page, config)))
    page.content = insert_block(page.content, str(block), '<ol class="numbered-points"')
    return context
