"""Only files of the allowed types are published from docs/.

MkDocs copies every file it finds in docs/ into the site, so a page written as
HTML, or an SVG with a script, would be served from the site's own address. Here
each source file must be Markdown; an image (PNG, JPEG or WebP, checked by content,
or an SVG without scripts, event handlers, external references, entities or
embedded documents); or the site's own stylesheet, script or font under
docs/assets/. Anything else stops the build with its path. Files the build makes
(calendars, search indexes, data) are not sources and are not checked here.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from lxml import etree
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

SIGNATURES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",), ".webp": (b"RIFF",)}
ASSETS = {
    "assets/stylesheets/": (".css",),
    "assets/javascripts/": (".js",),
    "assets/fonts/": (".woff2", ".woff"),
}
SVG_ELEMENTS = set(
    "svg g path circle ellipse line polyline polygon rect title desc defs symbol use linearGradient radialGradient stop clipPath mask text tspan".split()
)
SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
STYLE_URL = re.compile(r"url\(\s*['\"]?(?!#)|@import", re.I)


# What is wrong with one source file, or None.
def file_problem(path: Path, uri: str) -> str | None:
    suffix = path.suffix.lower()
    if suffix == ".md":
        return None
    if suffix in SIGNATURES:
        head = path.read_bytes()[:12]
        if not head.startswith(SIGNATURES[suffix]) or (suffix == ".webp" and head[8:12] != b"WEBP"):
            return f"the file is not a {suffix[1:].upper()} image (its first bytes say otherwise)"
        return None
    if suffix == ".svg":
        return svg_problem(path.read_bytes())
    for folder, suffixes in ASSETS.items():
        if uri.startswith(folder) and suffix in suffixes and "/" not in uri[len(folder) :]:
            return None
    return (
        "this type of file may not be published: docs/ holds Markdown pages, images (PNG, JPEG, WebP, SVG), "
        "and the site's stylesheets, scripts and fonts in docs/assets/stylesheets/, javascripts/ and fonts/"
    )


def svg_problem(content: bytes) -> str | None:
    """What makes an SVG unsafe to serve from the site's address, or None."""
    if b"<!DOCTYPE" in content.upper() or b"<!ENTITY" in content.upper():
        return "an SVG with a DOCTYPE or entities"
    try:
        root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError as error:
        return f"an SVG that is not well-formed XML ({error})"
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = element.tag.removeprefix(SVG)
        if name not in SVG_ELEMENTS:
            return f"an SVG with a <{name}> element (allowed: {', '.join(sorted(SVG_ELEMENTS))})"
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                return f"an SVG with an event handler {local}="
            if (local == "href" or attribute == XLINK_HREF) and not value.startswith("#"):
                return f"an SVG referring to '{value}' (only #ids in the same file)"
            if local == "style" and STYLE_URL.search(value):
                return "an SVG whose style refers to another file"
    return None


# Before anything reads the files: the real docs/ folder, as an editor sees it.
@event_priority(200)
def on_files(files, config):
    docs = Path(config.docs_dir)
    for file in files:
        if getattr(file, "generated_by", None) or not file.abs_src_path or not Path(file.abs_src_path).is_relative_to(docs):
            continue
        uri = PurePosixPath(file.src_uri).as_posix()
        if problem := file_problem(Path(file.abs_src_path), uri):
            raise PluginError(f"docs/{uri}: {problem}.")
    return files
