"""The PDF's print template (overrides/print/conclusions.html), rendered in-process with the
context conclusions_pdf.py gives it: a translation's note that the English prevails, and
the Kosovo* footnote when a point names Kosovo*. The site's conclusions name no Kosovo*
today, so the built PDFs cannot show that the footnote would be printed; this does."""

from __future__ import annotations

import jinja2
from bs4 import BeautifulSoup
from markupsafe import Markup
from support.project import ROOT

from jumbo_site.takeaways.conclusions_pdf import css_string


def rendered(**context) -> BeautifulSoup:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=True)
    env.filters["css_string"] = lambda text: css_string(text)[1:-1]
    base = {
        "lang": "fr", "document_title": "Conclusions – Jumbo", "title": "Conclusions", "organiser": "CCR", "description": "d",
        "date": "1970-01-01T00:00:00Z", "family": "Noto Sans", "fonts": {}, "url": "https://example.org/fr/conclusions/",
        "page_counter": Markup('"1"'), "intro": Markup("<p>Paris</p>"), "authoritative_note": None, "kosovo_footnote": None,
        "points": [{"id": "point-1", "number": 1, "html": Markup("Délégués du Kosovo*."), "bookmark": "1. Délégués"}],
    }
    return BeautifulSoup(env.get_template("print/conclusions.html").render({**base, **context}), "lxml")


def test_a_translations_pdf_carries_its_note_and_the_english_none():
    assert rendered(authoritative_note="Le texte anglais prévaut.").select_one("p.note").get_text() == "Le texte anglais prévaut."
    assert rendered(lang="en").select("p.note") == []


def test_a_pdf_whose_points_name_kosovo_prints_the_footnote():
    footnote = rendered(kosovo_footnote="Cette désignation est sans préjudice des positions sur le statut.").select_one("footer #kosovo-footnote")
    assert footnote is not None and footnote.get_text() == "* Cette désignation est sans préjudice des positions sur le statut."
    assert rendered().select("#kosovo-footnote") == []
