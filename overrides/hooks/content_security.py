"""A Content Security Policy on every page, as a <meta> right after <meta charset>.

GitHub Pages sends no custom headers, so the policy travels in the page. Everything
comes from the site itself; the few inline scripts Material writes into each page
(storage helpers, the stored colour scheme) are allowed by their SHA-256 hashes,
computed here at build time, never by 'unsafe-inline'. JSON blocks (the page
configuration, the schema.org Event) are data, not scripts, and need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.plugins import event_priority

CHARSET = '<meta charset="utf-8">'
INLINE_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)
DATA_TYPES = ("application/json", "application/ld+json")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(html: str) -> str:
    """The policy for one page: its own inline scripts' hashes, nothing else inline."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attributes = match["attributes"] or ""
        if "src=" in attributes or any(kind in attributes for kind in DATA_TYPES):
            continue
        if (digest := _sha256(match["body"])) not in hashes:
            hashes.append(digest)
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(hashes) if hashes else "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(html: str) -> str:
    if CHARSET not in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace(CHARSET, f"{CHARSET}\n    {meta}", 1)


# Last, once nothing else will change the page.
@event_priority(-100)
def on_post_page(output, page, config):
    return with_policy(output)


@event_priority(-100)
def on_post_template(output_content, template_name, config):
    return with_policy(output_content) if template_name.endswith(".html") else output_content
