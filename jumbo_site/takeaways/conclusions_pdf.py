"""The conclusions as an accessible PDF in every language, made by WeasyPrint.

Guarantees:
- one PDF per language at a stable address under its prefix, named in its language
  (takeaways.pdf_name: /jumbo-2021-conclusions-en.pdf, /fr/jumbo-2021-conclusions-fr.pdf, …), drawn from
  the print template overrides/print/conclusions.html, never from the screen page,
  with the page's own title block and numbered points (takeaways.py);
- PDF/UA-1, tagged, its tagging finished by pdf_tagging.py (running footer as artifact,
  the points one list, annotations that print, /Lang on passages in another language);
  /Lang is the page's <html lang>; its title is the window title;
  one bookmark per point; only the bundled fonts (jumbo_site/takeaways/fonts/), embedded; a
  character they lack stops the build;
- WeasyPrint loads the bundled fonts and nothing else (draw_pdf): no file, attachment,
  image or address of the build machine or of any host reaches the PDF; the text
  passes the allowlist (content_allowlist.py) before it is drawn;
- the same sources give the same bytes: the dates are SOURCE_DATE_EPOCH (set by
  reproducible_build.py), and WeasyPrint writes no random id for PDF/UA-1;
- at most 250 KB, or the build stops;
- "Download PDF" with its size, in the reader's language, on the conclusions page
  and the home page;
- SITE_PDF=off leaves the PDFs (and their links) out, for live previews and
  benchmarks; otherwise a WeasyPrint that cannot load stops the build with how to
  install it. A PDF is never silently left out.
"""

from __future__ import annotations

import datetime
import os
import re
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from jumbo_site.build.build_state import state
from jumbo_site.build.editor_errors import source_file
from jumbo_site.data.conference_data import conference_for
from jumbo_site.languages.site_i18n import content_language, current_language, strings_for
from jumbo_site.takeaways.bundled_fonts import FAMILY, FILES, font_path, missing_characters
from jumbo_site.takeaways.pdf_tagging import finish_tagging, language_passages
from jumbo_site.takeaways.takeaways import Conclusions, PDF_SWITCH, convener, file_size, first_words, is_conclusions_page, pdfs_enabled, pdf_name, read_conclusions
from jumbo_site.theme.shared_theme import escaping_environment

TEMPLATE = "print/conclusions.html"
MAX_BYTES = 250_000
INSTALL_HINT = (
    "The PDFs of the conclusions need WeasyPrint, which could not be loaded ({error}). "
    "Install the pinned Python packages with scripts/build (or: .venv/bin/pip install -r requirements.txt) "
    "and Pango, which WeasyPrint draws text with (Debian/Ubuntu: apt-get install libpango-1.0-0 "
    "libpangoft2-1.0-0 libharfbuzz-subset0; macOS: brew install pango); scripts/build installs Pango "
    f"itself when run as root. To build without the PDFs (live preview only): {PDF_SWITCH}=off."
)



# CSS string literal of a text.
def css_string(text: str) -> Markup:
    return Markup('"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"')


# "Page {page} of {pages}" as CSS content: the literal parts, with the page counters.
def page_counter(template: str) -> Markup:
    parts = []
    for piece in re.split(r"(\{page\}|\{pages\})", template):
        if piece in ("{page}", "{pages}"):
            parts.append(f"counter({piece[1:-1]})")
        elif piece:
            parts.append(css_string(piece))
    return Markup(" ".join(parts))


# The print template's environment: the theme's templates, HTML-escaped by default.
def _environment(config) -> jinja2.Environment:
    env = escaping_environment(config.theme)
    env.filters["css_string"] = lambda text: css_string(text)[1:-1]
    return env


# Check the fonts and load WeasyPrint once per language build (unless SITE_PDF=off).
def on_config(config):
    state(config).pdf.clear()  # this language's build: the PDF file, the page, its conclusions, the size
    if not pdfs_enabled():
        return config
    for weight in FILES:
        font_path(weight)
    try:
        import weasyprint  # noqa: F401  (draw_pdf uses it)
    except (ImportError, OSError) as error:  # OSError: WeasyPrint is there, Pango is not
        raise PluginError(INSTALL_HINT.format(error=str(error).strip().splitlines()[0])) from None
    state(config).pdf["env"] = _environment(config)
    return config


# After the i18n plugin has made this language's file list. The
# print template is the build's input, not the site's.
def on_files(files, config):
    for file in [f for f in files if f.src_uri.startswith("print/")]:
        files.remove(file)
    if pdfs_enabled():
        made = state(config).pdf["file"] = File.generated(config, current_language(config).prefix + pdf_name(current_language(config)), content=b"")
        files.append(made)
    return files


# The conclusions as this language's page has them, once the page's tree is written
# (page_tree.write_page: the Kosovo* references and point tools are in it).
def on_page_content(html, page, config, files):
    if is_conclusions_page(page):
        state(config).pdf.update(page=page, conclusions=read_conclusions(html))
    return html


# Every page's content is rendered: draw the PDF before any page links to it.
def on_env(env, config, files):
    if not pdfs_enabled():
        return env
    made = state(config).pdf
    if "conclusions" not in made:
        raise PluginError(f"no page has 'numbered_points: true' in '{current_language(config).locale}': the PDF of the conclusions is made from that page.")
    page = made["page"]
    pdf = render_pdf(made["conclusions"], page, config)
    if len(pdf) > MAX_BYTES:
        raise PluginError(f"{current_language(config).prefix}{pdf_name(current_language(config))}: {len(pdf)} bytes, more than {MAX_BYTES}: keep the PDF small (fonts are subset, no images).")
    made["file"].content_bytes = pdf
    made["size"] = len(pdf)
    return env


# The PDF of one language's conclusions, as bytes.
def render_pdf(conclusions: Conclusions, page, config) -> bytes:
    # What WeasyPrint draws is the page's text, which passed the allowlist first of the
    # page's steps (content_check.py), before any page's PDF is drawn (on_env), with the
    # site's Kosovo* references.
    language = content_language(page, config)
    strings = strings_for(language)
    organiser = convener(conference_for(config), language)
    url = urljoin(config.site_url, page.url)
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    # Passages in another language, in document order: the title block's, then the points'.
    intro, languages = language_passages(conclusions.intro_html)
    points = []
    for point in conclusions.points:
        html, more = language_passages(point.html)
        points.append(html)
        languages += more
    context = {
        "lang": language.html_lang,
        "document_title": f"{conclusions.title} – {config.site_name}",
        "title": conclusions.title,
        "organiser": organiser,
        "description": page.meta.get("description", ""),
        "date": datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "family": FAMILY,
        "fonts": {weight: font_path(weight).as_uri() for weight in FILES},
        "url": url,
        "page_counter": page_counter(strings["takeaways.pdf.pages"]),
        "intro": Markup(intro),
        "authoritative_note": None if language.default else strings["notice.authoritative"],
        "kosovo_footnote": strings["kosovo.footnote"] if conclusions.names_kosovo else None,
        "points": [
            {"id": p.id, "number": p.number, "html": Markup(html), "bookmark": _bookmark(p.number, p.text)}
            for p, html in zip(conclusions.points, points)
        ],
    }
    html = state(config).pdf["env"].get_template(TEMPLATE).render(context)
    from bs4 import BeautifulSoup  # only when PDFs are made

    text = BeautifulSoup(html, "html.parser").get_text() + strings["takeaways.pdf.pages"]
    if missing := missing_characters(text, 400) or missing_characters(text, 700):
        raise PluginError(
            f"docs/{page.file.src_uri}: the PDF's font (jumbo_site/takeaways/fonts/) has no {', '.join(repr(c) for c in missing)}: "
            "add the characters to the font subset (jumbo_site/takeaways/fonts/README.md) or write them otherwise."
        )
    # Relative links in the PDF lead to the site, never to the build machine's folders.
    return finish_tagging(draw_pdf(html, url, source_file(page)), languages, source_file(page))


# A print page as PDF bytes. WeasyPrint would fetch, on the build machine, whatever
# the page names (an attachment, an image, a stylesheet: a local file, /proc, the
# loopback, another host) and embed it in the published PDF; so it gets the bundled
# fonts, which the print template names, and nothing else. A refused address stops
# the drawing before any request is made.
def draw_pdf(html: str, base_url: str, source: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    fonts = {font_path(weight).as_uri(): font_path(weight) for weight in FILES}

    class BundledFontsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url not in fonts:
                raise FatalURLFetchingError(url)  # not caught by WeasyPrint, unlike other errors
            return URLFetcherResponse(url, fonts[url].read_bytes(), {"Content-Type": "font/ttf"})

    try:
        return HTML(string=html, base_url=base_url, url_fetcher=BundledFontsOnly()).write_pdf(pdf_variant="pdf/ua-1")
    except FatalURLFetchingError as refused:
        raise PluginError(
            f"{source}: the PDF of the conclusions would load '{refused}': it is drawn with the bundled fonts only "
            "(jumbo_site/takeaways/fonts/); no file, image, attachment or other address is fetched. Remove it from the text."
        ) from None


# A bookmark: the point's number and its first words.
def _bookmark(number: int, text: str, words: int = 8) -> str:
    return f"{number}. " + first_words(text, words)


# "Download PDF (PDF, 48 kB)": the PDF's address and size for the conclusions page's
# share panel (conclusions_tools.py) and the home page's actions (overrides/home.html's
# `downloads` block), both read context["pdf"].
def on_page_context(context, page, config, nav):
    language, made = current_language(config), state(config).pdf
    if "size" not in made or not (is_conclusions_page(page) or page.url == language.prefix):
        return context
    context["pdf"] = {
        "href": get_relative_url(language.prefix + pdf_name(language), page.url),
        "name": pdf_name(language),  # the download attribute: the file's name when saved
        "hreflang": language.html_lang,
        "size": file_size(made["size"], language.date_locale),
    }
    return context
