"""What WeasyPrint's PDF/UA-1 tagging leaves undone, finished with pikepdf in one step.

Not a hook: conclusions_pdf.py calls `language_passages` on the print page before
WeasyPrint draws it, and `finish_tagging` on the PDF it draws. WeasyPrint 70 tags the
page's boxes but (pdf/tags.py):
- draws the running footer (the @page margin boxes: address, "Page N of M") as tagged
  content whose structure elements claim the document as parent while the document
  does not list them; here their marked content becomes /Artifact /Pagination
  (ISO 14289-1 7.8, Matterhorn 18) and the orphaned elements are dropped from the
  parent tree, so every structure element is reachable from the root;
- tags a list split by a page break as one list per page; here consecutive lists
  under the same parent become one /L (the 11 points are one list);
- gives link annotations no flags; here every annotation prints (/F 4, ISO 14289-1 7.18.1);
- writes no /Lang below the document; here a passage in another language
  (`<span lang="en">` in a translation) carries its /Lang. WeasyPrint keeps no
  attribute of an element in its structure element, so `language_passages` draws such a
  span as `<a>` without href: WeasyPrint tags it /Link without an annotation, which
  nothing else in the print page is; `finish_tagging` renames each back to /Span with the
  passages' languages in document order, and stops the build when the counts differ.
The same bytes in give the same bytes out (no random /ID: deterministic_id).
"""

from __future__ import annotations

import io

from mkdocs.exceptions import PluginError

PAGINATION = {"/Type": "/Pagination", "/Subtype": "/Footer"}
PRINT_FLAG = 4  # annotation flag bit 3: Print


# The print page's body fragment with every <span lang> drawn as <a lang> (see the
# module's docstring), and those languages in document order.
def language_passages(fragment: str) -> tuple[str, list[str]]:
    if "lang=" not in fragment:
        return fragment, []
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(fragment, "html.parser")
    languages = []
    for span in soup.find_all("span", lang=True):
        span.name = "a"
        languages.append(span["lang"])
    return str(soup), languages


# The PDF WeasyPrint drew, with its tagging finished (see the module's docstring).
def finish_tagging(pdf_bytes: bytes, languages: list[str], source: str) -> bytes:
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        root = pdf.Root.StructTreeRoot
        document = root.K[0]
        reachable = _reachable(document)
        _footer_as_artifact(pdf, root.ParentTree.Nums, reachable)
        _one_list_per_run(document)
        _languages(document, languages, source)
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                annotation.F = PRINT_FLAG
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


# The structure elements under `element`, by object number.
def _reachable(element) -> set:
    found, todo = set(), [element]
    while todo:
        current = todo.pop()
        found.add(current.objgen)
        todo.extend(kid for kid in _kids(current) if "/S" in kid)
    return found


def _kids(element) -> list:
    import pikepdf

    kids = element.get("/K")
    if kids is None:
        return []
    kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    return [kid for kid in kids if isinstance(kid, pikepdf.Dictionary)]


# Marked content whose structure element the root does not reach (the margin boxes')
# becomes a pagination artifact; the parent tree forgets it.
def _footer_as_artifact(pdf, nums, reachable) -> None:
    import pikepdf

    for index in range(0, len(nums), 2):
        page_number, mcids = int(nums[index]), nums[index + 1]
        if page_number >= len(pdf.pages) or not isinstance(mcids, pikepdf.Array):
            continue  # an annotation's entry
        orphans = {mcid for mcid, element in enumerate(mcids) if isinstance(element, pikepdf.Dictionary) and element.objgen not in reachable}
        if not orphans:
            continue
        page = pdf.pages[page_number]
        operations = []
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and int(operands[1].get("/MCID", -1)) in orphans:
                operands = [pikepdf.Name.Artifact, pikepdf.Dictionary({key: pikepdf.Name(value) for key, value in PAGINATION.items()})]
            operations.append((operands, operator))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(operations))
        for mcid in orphans:
            mcids[mcid] = None


# Consecutive lists under one parent (one list split by page breaks) become the first.
def _one_list_per_run(element) -> None:
    import pikepdf

    kids = element.get("/K")
    if not isinstance(kids, pikepdf.Array):
        return
    merged, previous = [], None
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/S") == "/L" and previous is not None and previous.get("/S") == "/L":
            items = _kids(kid)
            for item in items:
                item.P = previous
            previous.K = pikepdf.Array([*previous.K, *items])
            continue
        merged.append(kid)
        previous = kid if isinstance(kid, pikepdf.Dictionary) else None
    element.K = pikepdf.Array(merged)
    for kid in merged:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            _one_list_per_run(kid)


# Each /Link without an annotation is a passage of language_passages: a /Span with its /Lang.
def _languages(document, languages: list[str], source: str) -> None:
    import pikepdf

    passages, todo = [], [document]
    while todo:  # depth first, in document order
        element = todo.pop(0)
        if element.get("/S") == "/Link" and not any(kid.get("/Type") == "/OBJR" for kid in _kids(element)):
            passages.append(element)
        todo[0:0] = [kid for kid in _kids(element) if "/S" in kid]
    if len(passages) != len(languages):
        raise PluginError(
            f"{source}: the PDF has {len(passages)} passages in another language where the page has {len(languages)} "
            "(<span lang>): a passage split by a page break or an <a> without href in the print page (overrides/print/conclusions.html)."
        )
    for element, language in zip(passages, languages):
        element.S = pikepdf.Name.Span
        element.Lang = pikepdf.String(language)
