"""The PDFs of the conclusions pass two checkers written elsewhere, on every language of the
session build: outloud (PDF/UA-1 and WCAG 2.2: no error, no warning) and page-validation
(its PDF/UA-1 profile: compliant); and what jumbo_site/takeaways/pdf_tagging.py finishes
(artifacts, one list, /Lang, print flags, every element reachable) holds in the file."""

from __future__ import annotations

import outloud
import page
import pikepdf
import pytest
from support.languages import LANGUAGES
from support.takeaways import pdf_path


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_outloud_finds_no_error_and_no_warning(site, language):
    result = outloud.check(str(pdf_path(site, language)))
    assert result.error is None, result.error
    found = [f"{f.rule} p.{f.page}: {f.message} ({f.evidence})" for f in result.findings if f.severity in ("error", "warning")]
    assert found == []
    assert {run.status for run in result.runs} - {"ran", "skipped", "not-applicable", "not-implemented"} == set(), "a rule crashed"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_page_validation_finds_the_pdf_ua1_compliant(site, language):
    report = page.validate_pdf(str(pdf_path(site, language)), profile="ua1")
    assert report.is_compliant, report.to_json()
    assert list(report.failures) == []


def elements(element):
    """The structure elements under `element` (itself first), depth first."""
    yield element
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield from elements(kid)


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_one_list_of_eleven_points_every_element_reachable_and_annotations_print(site, language):
    with pikepdf.open(pdf_path(site, language)) as pdf:
        reachable = list(elements(pdf.Root.StructTreeRoot.K[0]))
        lists = [e for e in reachable if e.S == "/L"]
        assert len(lists) == 1 and len([kid for kid in lists[0].K if kid.S == "/LI"]) == 11
        claimed = {obj.objgen for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/StructElem"}
        assert claimed == {e.objgen for e in reachable}
        for p in pdf.pages:
            for annotation in p.get("/Annots", []):
                assert int(annotation.get("/F", 0)) & 4, "an annotation without the Print flag"
                assert not int(annotation.get("/F", 0)) & (1 | 2 | 32), "a hidden annotation"
        if not language.default:  # the translator's note of point 4 quotes two English words
            assert [str(e.Lang) for e in reachable if "/Lang" in e] == ["en", "en"]
