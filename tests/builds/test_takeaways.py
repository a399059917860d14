"""Take-aways: an accessible PDF of the conclusions per language, the conclusions as open
data, and a link-preview card per language, all made at build time from the pages' sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.project import build

# --- Cannot be published wrong -------------------------------------------------------


@pytest.fixture
def without_weasyprint(tmp_path, monkeypatch) -> Path:
    """A Python that cannot import WeasyPrint, as on a machine without it: a
    sitecustomize on PYTHONPATH marks the module as absent before any hook loads."""
    folder = tmp_path / "no-weasyprint"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text('import sys\nsys.modules["weasyprint"] = None\n', encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(folder))
    return folder


def test_a_build_without_weasyprint_stops_with_the_install_hint(project_copy, tmp_path, without_weasyprint):
    result = build(project_copy / "mkdocs.yml", tmp_path / "site", language="en")
    assert result.returncode != 0
    assert "The PDFs of the conclusions need WeasyPrint, which could not be loaded" in result.stderr
    assert "pip install -r requirements.txt" in result.stderr and "apt-get install libpango-1.0-0" in result.stderr
    assert not list((tmp_path / "site").glob("*.pdf"))


def test_site_pdf_off_builds_without_pdfs_or_links_to_them(project_copy, tmp_path, without_weasyprint, monkeypatch):
    monkeypatch.setenv("SITE_PDF", "off")
    result = build(project_copy / "mkdocs.yml", tmp_path / "site", language="en")
    assert result.returncode == 0, result.stderr[-2000:]
    assert not list((tmp_path / "site").rglob("*.pdf"))
    for page in ("conclusions/", ""):
        html = BeautifulSoup((tmp_path / "site" / page / "index.html").read_text(encoding="utf-8"), "lxml")
        assert not [a for a in html.select("a[href]") if a["href"].endswith(".pdf")]
    assert json.loads((tmp_path / "site" / "conclusions.json").read_text(encoding="utf-8"))["languages"][0]["pdf"] is None


def test_a_build_without_the_bundled_font_stops_and_names_it(project_copy, tmp_path):
    (project_copy / "jumbo_site" / "takeaways" / "fonts" / "NotoSans-Bold.ttf").unlink()
    result = build(project_copy / "mkdocs.yml", tmp_path / "site", language="en")
    assert result.returncode != 0
    assert "jumbo_site/takeaways/fonts/NotoSans-Bold.ttf is missing" in result.stderr
