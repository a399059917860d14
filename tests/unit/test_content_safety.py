"""Content cannot carry code: each bad input below stops the build, naming the file and
line (or data entry and field), and no built file contains its payload; ordinary
content keeps building; every page's policy allows only the templates' scripts.

The bad inputs are the red-team list of issue 13 and more, one class per block. Each
is built in a copy of the project, in one language, two builds at a time.
"""

from __future__ import annotations

import pytest
from support.content_safety import BAD_INPUTS, _image, _pixels, _png_text
from support.project import ROOT


def test_the_table_holds_the_distinct_bad_inputs_the_readme_counts():
    assert len({bad.name for bad in BAD_INPUTS}) == len(BAD_INPUTS) >= 60
    assert f"tries {len(BAD_INPUTS)} bad inputs" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("src, allowed", [("assets/javascripts/controls.js", True), ("../assets/javascripts/copy-link.js", True), ("assets/javascripts/x.js", False), ("assets/javascripts/controls-x.js", False)])
def test_the_policy_takes_only_the_site_s_named_scripts_for_its_own(src, allowed):
    from jumbo_site.safety.content_security import template_problem

    page = f'<!doctype html><html><head><title>t</title></head><body><p>x</p><script src="{src}"></script></body></html>'
    assert (template_problem(page) is None) == allowed, template_problem(page)


@pytest.mark.parametrize("kinds, src, allowed", [((), "controls.js", True), ((), "copy-link.js", False), (("numbered points",), "copy-link.js", True), ((), "not-found.js", False), (("404.html",), "not-found.js", True), (("404.html",), "copy-link.js", False)])
def test_a_script_meant_for_some_pages_only_is_refused_elsewhere(kinds, src, allowed):
    from jumbo_site.safety.content_security import template_problem
    from jumbo_site.theme.site_assets import scripts_for

    page = f'<!doctype html><html><head><title>t</title></head><body><p>x</p><script src="assets/javascripts/{src}"></script></body></html>'
    problem = template_problem(page, tuple(scripts_for(*kinds)))
    assert (problem is None) == allowed and (allowed or "not meant for this page" in problem), problem


# Material's own stylesheets are no longer linked: their used rules are in site-styles.css (used_styles.py).
@pytest.mark.parametrize("rel, href, allowed", [("stylesheet", "assets/stylesheets/site.css", True), ("stylesheet", "../assets/stylesheets/site-styles.css", True), ("stylesheet", "../assets/stylesheets/main.57a0d79d.min.css", False), ("stylesheet", "assets/stylesheets/x.css", False), ("stylesheet", "https://evil.example/assets/stylesheets/site.css", False), ("modulepreload", "assets/javascripts/controls.js", False), ("icon", "assets/images/favicon.png", True)])
def test_the_policy_takes_only_the_reviewed_stylesheets_and_the_one_made_from_them_for_the_site_s_own(rel, href, allowed):
    from jumbo_site.safety.content_security import template_problem

    page = f'<!doctype html><html><head><title>t</title><link rel="{rel}" href="{href}"></head><body><p>x</p></body></html>'
    assert (template_problem(page) is None) == allowed, template_problem(page)


@pytest.mark.parametrize("styled", ["<style>.kosovo-ref { display: none }</style>", '<p style="display: none">x</p>', '<svg><path style="fill: red"/></svg>'])
def test_the_policy_refuses_inline_styles_the_reviewed_stylesheets_do_not_hold(styled):
    from jumbo_site.safety.content_security import template_problem

    page = f"<!doctype html><html><head><title>t</title></head><body><p>x</p>{styled}</body></html>"
    assert "style" in (template_problem(page) or "")


# --- Files under docs/ (issue 21, routes 3 and 5), in-process --------------------------

SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'
GOOD_SVG = (
    f'<?xml version="1.0" encoding="UTF-8"?>\n<!-- exported --><svg {SVG_NS} xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" role="img" aria-label="Logo: RCC">'
    '<title>RCC</title><defs><linearGradient id="g"><stop offset="0%" stop-color="#fff"/></linearGradient></defs>'
    '<path d="M0 0L10 10z" fill="url(#g)" style="stroke: rgb(0,0,0); stroke-width: 2" transform="translate(1 2) scale(2)"/>'
    """<use xlink:href="#g"/><text x="1" font-family="'Open Sans', sans-serif">Kosovo*</text></svg>"""
)
BAD_SVGS = {
    "XSLT stylesheet": f'<?xml-stylesheet type="text/xsl" href="../javascripts/x.js"?><svg {SVG_NS}/>',
    "stylesheet from a host": f'<?xml-stylesheet href="https://evil.example/s.css"?><svg {SVG_NS}/>',
    "instruction inside": f"<svg {SVG_NS}><?php x?></svg>",
    "fill from a host": f'<svg {SVG_NS}><path fill="url(https://evil.example/f)"/></svg>',
    "fill from a file": f'<svg {SVG_NS}><path fill="url(x.svg#a)"/></svg>',
    "filter": f'<svg {SVG_NS}><path filter="url(#f)"/></svg>',
    "style url": f'<svg {SVG_NS}><path style="fill:url(https://evil.example/)"/></svg>',
    "style escape": f'<svg {SVG_NS}><path style="fill:u\\72l(x)"/></svg>',
    "style property": f'<svg {SVG_NS}><path style="background-image:image-set(x)"/></svg>',
    "function": f"<svg {SVG_NS}><path fill=\"image-set('x')\"/></svg>",
    "script": f"<svg {SVG_NS}><script>alert(1)</script></svg>",
    "event handler": f'<svg {SVG_NS} onload="alert(1)"/>',
    "use from a host": f'<svg {SVG_NS}><use href="https://evil.example/x.svg#a"/></svg>',
    "image": f'<svg {SVG_NS}><image href="x.png"/></svg>',
    "foreignObject": f"<svg {SVG_NS}><foreignObject/></svg>",
    "animate": f'<svg {SVG_NS}><animate attributeName="href" to="javascript:alert(1)"/></svg>',
    "set": f'<svg {SVG_NS}><set attributeName="href" to="x"/></svg>',
    "style element": f"<svg {SVG_NS}><style>@import url(x)</style></svg>",
    "external DTD": f'<!DOCTYPE svg SYSTEM "https://127.0.0.1:9/x.dtd"><svg {SVG_NS}/>',
    "entity": f'<!DOCTYPE svg [<!ENTITY x "1">]><svg {SVG_NS}>&x;</svg>',
    "no namespace": "<svg><script>alert(1)</script></svg>",
    "XHTML script": f'<svg {SVG_NS}><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>',
    "editor attribute": f'<svg {SVG_NS} xmlns:i="http://www.inkscape.org/namespaces/inkscape" i:label="x"/>',
    "link": f'<svg {SVG_NS}><a href="https://evil.example/"/></svg>',
    "Latin-1": f'<?xml version="1.0" encoding="ISO-8859-1"?><svg {SVG_NS}/>',
    "not XML": f"<svg {SVG_NS}><p>",
}


def test_a_plain_svg_with_gradients_text_and_same_file_references_is_accepted():
    from jumbo_site.safety.docs_file_types import svg_problem

    assert svg_problem(GOOD_SVG.encode()) is None


@pytest.mark.parametrize("svg", BAD_SVGS.values(), ids=BAD_SVGS.keys())
def test_an_svg_that_could_run_or_fetch_is_refused_saying_how_to_fix_it(svg):
    from jumbo_site.safety.docs_file_types import svg_problem

    problem = svg_problem(svg.encode())
    assert problem and "export it again as plain SVG" in problem


JOINED = b"<html><script>alert(1)</script></html>"


# Text an editor's tool (or an attacker) put in an image; a camera's GPS position in EXIF.
HIDDEN = "<script>alert(192)</script>"


def _exif() -> bytes:
    from PIL import Image

    exif = Image.Exif()
    exif[0x010E] = HIDDEN  # ImageDescription
    exif[0x8825] = {1: "N", 2: (45.0, 48.0, 0.0)}  # GPSInfo: latitude
    return exif.tobytes()


@pytest.mark.parametrize(
    "name, content",
    [
        ("a.png", lambda: _image("PNG", pnginfo=_png_text(HIDDEN), exif=_exif())),
        ("a.jpg", lambda: _image("JPEG", comment=HIDDEN.encode(), exif=_exif(), xmp=HIDDEN.encode())),
        ("a.jpeg", lambda: _image("JPEG", progressive=True, comment=HIDDEN.encode(), exif=_exif())),
        ("a.webp", lambda: _image("WEBP", exif=_exif(), xmp=HIDDEN.encode())),
    ],
)
def test_an_image_is_published_with_its_pixels_only_no_text_exif_or_xmp(tmp_path, name, content):
    from jumbo_site.safety.docs_file_types import (
        IMAGE_FORMATS,
        file_problem,
        image_without_metadata,
    )

    original = content()
    assert HIDDEN.encode() in original, "premise: Pillow wrote the text into the file"
    published = image_without_metadata(original, IMAGE_FORMATS[name[name.index("."):]])
    assert HIDDEN.encode() not in published and b"Exif" not in published and b"XMP" not in published
    assert _pixels(published) == _pixels(original), "lossless: the same pixels"
    (tmp_path / name).write_bytes(published)
    assert file_problem(tmp_path / name, f"assets/images/{name}") is None, "still a whole image of its kind"


@pytest.mark.parametrize(
    "name, content, refused",
    [
        ("a.png", lambda: _image("PNG"), None),
        ("a.jpg", lambda: _image("JPEG"), None),
        ("a.jpeg", lambda: _image("JPEG", progressive=True), None),
        ("a.webp", lambda: _image("WEBP"), None),
        ("html.png", lambda: b"\x89PNG\r\n\x1a\n" + JOINED, "not a PNG image that decodes in full"),
        ("jpeg.png", lambda: _image("JPEG"), "not a PNG image"),
        ("cut.png", lambda: _image("PNG")[:60], "not a PNG image that decodes in full"),
        ("joined.png", lambda: _image("PNG") + JOINED + b"IEND\xaeB`\x82", "bytes after the end of the PNG image"),
        ("joined.jpg", lambda: _image("JPEG") + JOINED + b"\xff\xd9", "bytes after the end of the JPEG image"),
        ("joined.webp", lambda: _image("WEBP") + JOINED, "bytes after the end of the WEBP image"),
        # Pillow decodes a PNG whose IEND chunk is missing; the message says that, not "bytes after".
        ("no-end.png", lambda: _image("PNG")[:-12], "without its end marker"),
    ],
)
def test_an_image_is_decoded_in_full_in_the_format_its_name_says_with_nothing_joined(tmp_path, name, content, refused):
    from jumbo_site.safety.docs_file_types import file_problem

    path = tmp_path / name
    path.write_bytes(content())
    problem = file_problem(path, f"assets/images/{name}")
    assert (problem is None) if refused is None else (refused in problem and str(tmp_path) not in problem), problem


@pytest.mark.parametrize(
    "name, content, refused",
    [
        ("a.woff2", b"wOF2" + b"\0\1\0\0" + (16).to_bytes(4, "big") + b"\0" * 4, False),
        ("a.woff", b"wOFF" + b"\0\1\0\0" + (16).to_bytes(4, "big") + b"\0" * 4, False),
        ("html.woff2", JOINED, True),
        ("joined.woff2", b"wOF2" + b"\0\1\0\0" + (16).to_bytes(4, "big") + b"\0" * 4 + JOINED, True),
    ],
)
def test_a_font_is_checked_by_its_signature_and_length(tmp_path, name, content, refused):
    from jumbo_site.safety.docs_file_types import file_problem

    (tmp_path / name).write_bytes(content)
    assert bool(file_problem(tmp_path / name, f"assets/fonts/{name}")) == refused


def test_every_script_and_stylesheet_in_docs_is_in_the_reviewed_list_with_its_hash():
    from jumbo_site.theme.site_assets import SITE_ASSETS, asset_problem

    files = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*") if p.suffix in (".js", ".css"))
    assert files == sorted(SITE_ASSETS)
    assert [uri for uri in files if asset_problem(uri, (ROOT / "docs" / uri).read_bytes())] == []
    windows = (ROOT / "docs/assets/javascripts/controls.js").read_bytes().replace(b"\n", b"\r\n")  # a CRLF checkout
    assert asset_problem("assets/javascripts/controls.js", windows) is None


def test_a_new_or_changed_script_is_refused_naming_the_list_to_change_and_the_new_hash():
    from hashlib import sha256

    from jumbo_site.theme.site_assets import asset_problem

    changed = (ROOT / "docs/assets/stylesheets/site.css").read_bytes() + b".kosovo-ref { display: none }\n"
    for uri, content in [("assets/stylesheets/site.css", changed), ("assets/javascripts/x.js", b"alert(1)")]:
        problem = asset_problem(uri, content)
        assert problem and "jumbo_site/theme/site_assets.py" in problem and sha256(content).hexdigest() in problem and "maintainers" in problem
