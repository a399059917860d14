"""The site's own scripts and stylesheets: a reviewed list, each file with its sha256.

A script or stylesheet under docs/assets/ runs on every page, or restyles it (one CSS
line can hide every Kosovo* footnote), yet docs/ is where pull requests add content.
So they are code, listed here by path and content: docs_file_types.py refuses any
.js or .css file under docs/ that is not listed or whose bytes differ, and
content_security.py refuses a page that loads a script or stylesheet other than
these (and Material's own theme stylesheets). This file is code-owned
(.github/CODEOWNERS): a new or changed script or style is a visible change to it,
reviewed by the maintainers. After changing one, put the sha256 the build prints here.
"""

from __future__ import annotations

import hashlib

SITE_ASSETS = {
    "assets/javascripts/controls.js": "1229b44ec9bb591caa2ed52ad35020301d657242a493f602317c23711bbfbd66",
    "assets/javascripts/copy-link.js": "cb51a932c1f4f22e94f46ca673e430b724809c62a418beb19593dd30a5c1d14c",
    "assets/javascripts/material-helpers.js": "1c107967b197ff38f7c5514fd15c1c64f3f2c0be7654f5845ab05d685448e2dd",
    "assets/javascripts/not-found.js": "c25b94551f1cd0779b870846af304525060267e4dd2a2b1d54343956b300161d",
    "assets/javascripts/search.js": "ee8b2fbeb26ab8c21b7d7eb8d515cf9cfa6d2f0f139df7b4c23077ff2cdc70db",
    "assets/stylesheets/site.css": "a7b0ee9595368192c0d09785adaa9243ad31596e9e0b95261eb90e4686539bb4",
}
# The scripts meant for some pages only (main.html, 404.html); the others run on every page.
SCRIPT_PAGES = {"assets/javascripts/copy-link.js": "numbered points", "assets/javascripts/not-found.js": "404.html"}
MANIFEST = "overrides/hooks/site_assets.py"
REVIEW = f"the site's scripts and styles are code: a new or changed one is a change to {MANIFEST} (its path and sha256), reviewed by the maintainers (.github/CODEOWNERS)"


# The names of the listed files of one kind ("javascripts", "stylesheets"), without their suffix.
def listed_names(folder: str) -> list[str]:
    return [uri.rsplit("/", 1)[1].rsplit(".", 1)[0] for uri in SITE_ASSETS if uri.startswith(f"assets/{folder}/")]


# The names of the listed scripts meant for a page of these kinds ("numbered points", "404.html").
def scripts_for(*kinds: str) -> list[str]:
    return [name for name in listed_names("javascripts") if SCRIPT_PAGES.get(f"assets/javascripts/{name}.js") in (None, *kinds)]


# Why a script or stylesheet under docs/ (uri relative to docs/) may not be published, or None.
# Hashed with LF line ends: a Windows checkout (CRLF) is the same file, and JavaScript and
# CSS read CRLF as LF, so the normalisation hides no change.
def asset_problem(uri: str, content: bytes) -> str | None:
    digest = hashlib.sha256(content.replace(b"\r\n", b"\n")).hexdigest()
    if uri not in SITE_ASSETS:
        return f"a script or stylesheet that is not in the reviewed list ({MANIFEST}, sha256 {digest}); {REVIEW}"
    if SITE_ASSETS[uri] != digest:
        return f"differs from its reviewed version (sha256 {digest}, the list in {MANIFEST} says {SITE_ASSETS[uri]}); {REVIEW}"
    return None
