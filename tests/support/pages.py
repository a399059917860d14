"""What the pages tests share (tests/{unit,site}/test_pages.py)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit


def is_elsewhere(url: str, site_url: str = "https://example.org/") -> bool:
    """True when the URL points to a host other than the site's own."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) and parts.netloc != urlsplit(site_url).netloc


def css_urls(css: str) -> list[str]:
    """Every url(...) and @import target in a stylesheet."""
    found = re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
    found += re.findall(r"@import\s+['\"]([^'\"]+)", css)
    return found
