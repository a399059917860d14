"""The site's own scripts and stylesheets: a reviewed list, each file with its sha256.

A script or stylesheet under docs/assets/ runs on every page, or restyles it (one CSS
line can hide every Kosovo* footnote), yet docs/ is where pull requests add content.
So they are code, listed here by path and content: docs_file_types.py refuses any
.js or .css file under docs/ that is not listed or whose bytes differ, and
content_security.py refuses a page that loads a script or stylesheet other than
these (and the one stylesheet used_styles.py makes from site.css and Material's listed
stylesheets, GENERATED_STYLESHEET). This file is code-owned
(.github/CODEOWNERS): a new or changed script or style is a visible change to it,
reviewed by the maintainers. After changing one, put the sha256 the build prints here.
"""

from __future__ import annotations

import hashlib

SITE_ASSETS = {
    "assets/javascripts/compare-english.js": "ad3e5453dadeb22e92763a4ca0f7c792928f395ab2cdecfd5d89af153a1d0387",
    "assets/javascripts/controls.js": "3c5f156b18dfaa80da39a7e16656ac5ea5829084fc1a5e347952fda7d7523a6f",
    "assets/javascripts/copy-link.js": "498350faa73c6c84a54230dc95cdc36bc28f630a5211f373bd1ba3fdefd00cc5",
    "assets/javascripts/material-helpers.js": "76cabe116567871138915e9412ea79851370dd18c9cde2c68b55ddcad2b73535",
    "assets/javascripts/not-found.js": "c25b94551f1cd0779b870846af304525060267e4dd2a2b1d54343956b300161d",
    "assets/javascripts/search.js": "ce366770db604fff92f174e46104991a478a5b87e953dd73987292ec570a638e",
    "assets/stylesheets/site.css": "8f96be9a8b7280a57860d422eccc34b275d0ebf52df270e3ac53bf44ab0795e6",
}
# Material's stylesheets, as reviewed: used_styles.py reads them from the theme and writes
# the rules the pages use, then site.css, into GENERATED_STYLESHEET, the one stylesheet
# pages link. A new Material release changes them: review, then list the new names and hashes.
MATERIAL_STYLESHEETS = {
    "assets/stylesheets/main.57a0d79d.min.css": "57a0d79d880c51fe0fa86e34640429eefc664e85f1906c885beed544fd00a9ed",
    "assets/stylesheets/palette.fb2fffe2.min.css": "fb2fffe2c525a359e29ee030c77ffdead459d9d73888c34213d4773262a832ab",
}
GENERATED_STYLESHEET = "assets/stylesheets/site-styles.css"
# The scripts meant for some pages only (controls.js loads copy-link.js and compare-english.js
# on first use, 404.html not-found.js); the others run on every page.
SCRIPT_PAGES = {"assets/javascripts/compare-english.js": "numbered points", "assets/javascripts/copy-link.js": "numbered points", "assets/javascripts/not-found.js": "404.html"}
MANIFEST = "jumbo_site/theme/site_assets.py"
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
