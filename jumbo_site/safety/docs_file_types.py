"""Only files of the allowed types, whose bytes are what their names say, are published from docs/.

MkDocs copies every file it finds in docs/ into the site, so a page written as
HTML, a "font" or "image" that is HTML, or an SVG with a script, would be served from
the site's own address. Here each source file must be Markdown; a PNG, JPEG or WebP
image that Pillow decodes in full, in the format its name says, with nothing after
its end; a safe SVG (svg_problem: an allowlist of elements, attributes and values,
read by a real XML parser); a WOFF or WOFF2 font by its signature and length; or one
of the site's own scripts and stylesheets, listed with their sha256 in site_assets.py.
Anything else stops the build with its path. An image is published without its
metadata (text, comments, EXIF, XMP): only what shows it. Files the build makes (calendars,
search indexes, data) are not sources and are not checked here.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path, PurePosixPath

from lxml import etree
from mkdocs.exceptions import PluginError
from PIL import Image

from jumbo_site.theme.site_assets import SITE_ASSETS, asset_problem

IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
FONT_SIGNATURES = {".woff2": b"wOF2", ".woff": b"wOFF"}
CODE_FOLDERS = {".css": "assets/stylesheets/", ".js": "assets/javascripts/"}
SVG_ELEMENTS = set(
    "svg g path circle ellipse line polyline polygon rect title desc defs symbol use linearGradient radialGradient stop clipPath mask text tspan".split()
)
# Presentation and geometry: what a drawing needs. No filter, marker, cursor or
# event attribute, nor an editor's own (inkscape:, sodipodi:).
SVG_ATTRIBUTES = set(
    """version baseProfile width height x y viewBox preserveAspectRatio d cx cy r rx ry x1 y1 x2 y2 points
    pathLength transform dx dy rotate textLength lengthAdjust fill fill-opacity fill-rule stroke stroke-width
    stroke-opacity stroke-linecap stroke-linejoin stroke-miterlimit stroke-dasharray stroke-dashoffset opacity
    color display visibility clip-path clip-rule mask font-family font-size font-weight font-style font-variant
    font-stretch text-anchor text-decoration dominant-baseline alignment-baseline baseline-shift letter-spacing
    word-spacing writing-mode direction unicode-bidi stop-color stop-opacity shape-rendering text-rendering
    color-interpolation vector-effect paint-order overflow white-space gradientUnits gradientTransform
    spreadMethod fx fy fr offset clipPathUnits maskUnits maskContentUnits href style""".split()
)
# Names and labels: text, never fetched (only url( is refused in them).
SVG_TEXT_ATTRIBUTES = {"id", "class", "role", "aria-label", "aria-hidden", "aria-labelledby", "aria-describedby", "focusable", "lang"}
SVG = "{http://www.w3.org/2000/svg}"
XML = "{http://www.w3.org/XML/1998/namespace}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# A presentation value: numbers, names, colours, quoted font names, functions; no ':',
# '/', '\\', '@' or ';' that an address, a CSS escape or another rule would need.
SVG_VALUE = re.compile(r"""[\w\s#.,%()+'"-]*""")
SVG_FUNCTIONS = {"url", "rgb", "rgba", "hsl", "hsla", "matrix", "translate", "scale", "rotate", "skewx", "skewy"}
FUNCTION = re.compile(r"([\w-]+)\s*\(")
SAME_FILE_URL = re.compile(r"url\(\s*(['\"]?)#[A-Za-z_][\w.-]*\1\s*\)", re.I)
SAME_FILE_ID = re.compile(r"#[A-Za-z_][\w.-]*")


# What is wrong with one source file, or None.
def file_problem(path: Path, uri: str) -> str | None:
    suffix = path.suffix.lower()
    if suffix == ".md":
        return None
    if suffix in IMAGE_FORMATS:
        return image_problem(path, IMAGE_FORMATS[suffix])
    if suffix == ".svg":
        return svg_problem(path.read_bytes())
    if suffix in CODE_FOLDERS and uri.startswith(CODE_FOLDERS[suffix]):
        return asset_problem(uri, path.read_bytes())
    if uri.startswith("assets/fonts/") and suffix in FONT_SIGNATURES and uri.count("/") == 2:
        return font_problem(path.read_bytes(), suffix)
    return (
        "this type of file may not be published: docs/ holds Markdown pages, images (PNG, JPEG, WebP, SVG), "
        "and the site's stylesheets, scripts and fonts in docs/assets/stylesheets/, javascripts/ and fonts/"
    )


# Decoded in full, in the format the name says: a file that is something else (HTML,
# a script) with an image's first bytes, or cut short, is no image. Any error of the
# decoder on a crafted file means the same, so every one is caught.
def image_problem(path: Path, expected: str) -> str | None:
    fix = f"save it again as a {expected} image from an image editor"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=[expected]) as image:
                image.load()
    except Exception as error:  # noqa: BLE001 (see above)
        said = str(error).replace(f"'{path}'", "").strip()  # the build's copy of docs/, not the editor's
        return f"not a {expected} image that decodes in full ({type(error).__name__}: {said}); {fix}"
    content = path.read_bytes()
    if (trailing := _bytes_after_image(content, expected)) is None:
        return f"a {expected} image without its end marker (IEND, EOI): it was cut or written by a broken tool; {fix}"
    if trailing:
        return f"{trailing} bytes after the end of the {expected} image (another file joined to it); {fix}"
    return None


# How many bytes follow the image's own end, walking its structure (a search for the
# end marker would stop at one inside a file joined after it).
def _bytes_after_image(content: bytes, expected: str) -> int | None:
    if expected in ("PNG", "JPEG"):
        end = (_png_end if expected == "PNG" else _jpeg_end)(content)
        return None if end is None else len(content) - end  # None: no end marker
    return len(content) - (int.from_bytes(content[4:8], "little") + 8)  # WebP: a RIFF file says its size


# Past the IEND chunk: chunk by chunk (length, type, data, CRC).
def _png_end(content: bytes) -> int | None:
    at = 8
    while at + 8 <= len(content):
        length, kind = int.from_bytes(content[at : at + 4], "big"), content[at + 4 : at + 8]
        at += 12 + length
        if kind == b"IEND":
            return at
    return None


# Past the end-of-image marker: segment by segment, and through each scan's coded data
# (where 0xFF is followed by 0x00 or a restart marker).
def _jpeg_end(content: bytes) -> int | None:
    at = 2
    while at + 2 <= len(content) and content[at] == 0xFF:
        marker = content[at + 1]
        if marker == 0xFF:  # a fill byte before a marker
            at += 1
            continue
        if marker == 0xD9:
            return at + 2
        at += 2 + int.from_bytes(content[at + 2 : at + 4], "big")
        if marker == 0xDA:
            at = _after_scan(content, at)
    return None


# Where a scan's coded data ends: the first 0xFF not followed by 0x00 or a restart marker.
def _after_scan(content: bytes, at: int) -> int:
    at = content.find(b"\xff", at)
    while at != -1 and at + 1 < len(content) and (content[at + 1] == 0 or 0xD0 <= content[at + 1] <= 0xD7):
        at = content.find(b"\xff", at + 2)
    return len(content) if at == -1 else at


# What an image publishes: its pixels and how to show them, nothing else. Text chunks,
# comments, EXIF (a camera's GPS position), XMP and any chunk or segment not in the
# lists below are left out, so no text an editor's tool (or an attacker) hid in the file
# is served from the site's address. Lossless: the coded image data is copied as it is.
PNG_KEPT = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"pHYs"}
JPEG_DROPPED = {0xFE, *range(0xE1, 0xF0)}  # COM, APP1 to APP15 (EXIF, XMP, ICC, Photoshop…); APP0 (JFIF) stays
WEBP_KEPT = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"}
WEBP_METADATA_FLAGS = 0x20 | 0x08 | 0x04  # VP8X: ICC profile, EXIF, XMP


def image_without_metadata(content: bytes, kind: str) -> bytes:
    if kind == "PNG":
        kept, at = [content[:8]], 8
        while at + 8 <= len(content):
            length, chunk = int.from_bytes(content[at : at + 4], "big"), content[at + 4 : at + 8]
            if chunk in PNG_KEPT:
                kept.append(content[at : at + 12 + length])
            at += 12 + length
        return b"".join(kept)
    if kind == "JPEG":
        kept, at = [content[:2]], 2
        while at + 2 <= len(content) and content[at] == 0xFF:
            marker = content[at + 1]
            if marker == 0xFF:
                at += 1
                continue
            if marker == 0xD9:
                kept.append(content[at : at + 2])
                break
            end = at + 2 + int.from_bytes(content[at + 2 : at + 4], "big")
            if marker == 0xDA:  # a scan: its header and coded data, up to the next marker
                end = _after_scan(content, end)
            if marker not in JPEG_DROPPED:
                kept.append(content[at:end])
            at = end
        return b"".join(kept)
    kept, at = [], 12  # WebP: RIFF chunks (type, little-endian size, data padded to even)
    while at + 8 <= len(content):
        chunk, size = content[at : at + 4], int.from_bytes(content[at + 4 : at + 8], "little")
        whole = content[at : at + 8 + size + (size & 1)]
        if chunk == b"VP8X":
            whole = whole[:8] + bytes([whole[8] & ~WEBP_METADATA_FLAGS & 0xFF]) + whole[9:]
        if chunk in WEBP_KEPT:
            kept.append(whole)
        at += 8 + size + (size & 1)
    body = b"WEBP" + b"".join(kept)
    return b"RIFF" + len(body).to_bytes(4, "little") + body


# A font by its signature, and the length its header gives.
def font_problem(content: bytes, suffix: str) -> str | None:
    name = FONT_SIGNATURES[suffix].decode()
    if not content.startswith(FONT_SIGNATURES[suffix]) or int.from_bytes(content[8:12], "big") != len(content):
        return f"not a {name} font (its signature or length says otherwise); add the font file itself, as the foundry ships it"
    return None


# What makes an SVG unsafe to serve from the site's address, or None. Read by libxml2
# with no entity, DTD or network, then checked by allowlist: a document type, any
# processing instruction (<?xml-stylesheet?> ran an XSLT), an element or attribute
# not listed, an address other than #id in the same file.
def svg_problem(content: bytes) -> str | None:
    fix = "export it again as plain SVG (shapes, gradients, text; no scripts, style sheets, links or editor data)"
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as error:
        return f"an SVG that is not well-formed XML ({error}); {fix}"
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        return f"an SVG with a DOCTYPE (entities, a DTD); {fix}"
    if (tree.docinfo.encoding or "UTF-8").upper() != "UTF-8":
        return f"an SVG in {tree.docinfo.encoding}, not UTF-8; {fix}"
    if root.tag != f"{SVG}svg":
        return f"not an SVG: its root is <{root.tag}>, not <svg xmlns=\"http://www.w3.org/2000/svg\">; {fix}"
    for node in [*root.itersiblings(preceding=True), *root.itersiblings(), *root.iter()]:
        if problem := _svg_node_problem(node):
            return f"an SVG with {problem}; {fix}"
    return None


# What in one node of an SVG (element, comment, instruction, entity) is not allowed, or None.
def _svg_node_problem(node) -> str | None:
    if isinstance(node, etree._ProcessingInstruction):
        return f"a processing instruction <?{node.target} {(node.text or '')[:80]}?> (only the XML declaration)"
    if isinstance(node, etree._Entity):
        return f"an entity &{node.name};"
    if not isinstance(node.tag, str):
        return None  # a comment
    name = node.tag.removeprefix(SVG)
    if name not in SVG_ELEMENTS:
        return f"a <{name}> element (allowed: {', '.join(sorted(SVG_ELEMENTS))})"
    for attribute, value in node.attrib.items():
        if problem := _svg_attribute_problem(name, attribute, value):
            return problem
    return None


# What in one attribute of an SVG element is not allowed, or None: addresses only #id,
# names as text, everything else a listed presentation or geometry attribute.
def _svg_attribute_problem(element: str, attribute: str, value: str) -> str | None:
    local = attribute.removeprefix(XML)
    where = f"{local}=\"{value[:80]}\" on <{element}>"
    if attribute == XLINK_HREF or local == "href":
        return None if SAME_FILE_ID.fullmatch(value) else f"{where}: an address other than #id in the same file"
    if local in SVG_TEXT_ATTRIBUTES or attribute in (f"{XML}lang", f"{XML}space"):
        return f"{where}: url( in a name" if "url(" in value.lower() else None
    if local not in SVG_ATTRIBUTES:
        return f"the attribute {where} (not in the allowed presentation and geometry attributes)"
    if local == "style":
        for declaration in filter(str.strip, value.split(";")):
            prop, colon, style_value = declaration.partition(":")
            if not colon or prop.strip() not in SVG_ATTRIBUTES - {"style", "href"}:
                return f"{where}: '{declaration.strip()[:80]}' is not an allowed presentation property"
            if problem := _svg_value_problem(style_value):
                return f"{where}: {problem}"
        return None
    return f"{where}: {problem}" if (problem := _svg_value_problem(value)) else None


# Refused in a presentation value: characters beyond the allowlist, a function not
# listed, url() other than url(#id).
def _svg_value_problem(value: str) -> str | None:
    if not SVG_VALUE.fullmatch(value):
        return "characters an address, escape or rule would need (: / \\ @ ; …)"
    if unknown := [name for name in FUNCTION.findall(value) if name.lower() not in SVG_FUNCTIONS]:
        return f"the function {unknown[0]}()"
    if len(SAME_FILE_URL.findall(value)) != value.lower().count("url("):
        return "url() other than url(#id) in the same file"
    return None


# Before anything reads the files: the real docs/ folder, as an editor sees it.
def on_files(files, config):
    docs = Path(config.docs_dir)
    for file in files:
        if getattr(file, "generated_by", None) or not file.abs_src_path or not Path(file.abs_src_path).is_relative_to(docs):
            continue
        uri = PurePosixPath(file.src_uri).as_posix()
        if problem := file_problem(Path(file.abs_src_path), uri):
            raise PluginError(f"docs/{uri}: {problem}.")
    if missing := [uri for uri in SITE_ASSETS if not (docs / uri).is_file()]:
        raise PluginError(f"docs/{missing[0]}: listed in jumbo_site/theme/site_assets.py but missing; restore it, or remove it from the list.")
    return files


# Every image in the site, as MkDocs copied it (and the previews the build drew), without metadata.
def on_post_build(config):
    for path in Path(config.site_dir).rglob("*"):
        if (kind := IMAGE_FORMATS.get(path.suffix.lower())) and path.is_file() and not path.is_symlink():
            content = path.read_bytes()
            if (bare := image_without_metadata(content, kind)) != content:
                path.write_bytes(bare)
