"""What the publishing tests share (tests/{unit,site,builds}/test_publishing.py)."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urljoin

from bs4 import BeautifulSoup

URLOPEN_TIMEOUT = 30  # seconds, for one request to the local test server


RESOURCES = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src")]


def crawl(start: str, origin: str) -> dict:
    """Follow every link and resource on the origin from `start`. Returns the figures and
    every broken link, missing anchor and missing asset found."""
    queue, seen, ids, anchors, broken = [start], set(), {}, [], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url, timeout=URLOPEN_TIMEOUT) as response:
                body, kind = response.read(), response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            broken.append(f"{url}: {error.code}")
            continue
        if kind == "text/html":
            html = BeautifulSoup(body, "lxml")
            ids[url] = {e["id"] for e in html.select("[id]")} | {a["name"] for a in html.select("a[name]")}
            for tag, attribute in RESOURCES:
                for element in html.find_all(tag):
                    if not element.get(attribute) or element.get(attribute).startswith(("mailto:", "data:")):
                        continue
                    target, fragment = urldefrag(urljoin(url, element[attribute]))
                    if not target.startswith(origin):
                        continue
                    if fragment:
                        anchors.append((url, target, fragment))
                    queue.append(target)
            index = html.select_one("form[data-index]")
            if index and index["data-index"]:
                queue.append(urljoin(url, index["data-index"]))
        elif kind == "text/css":
            for reference in re.findall(r"url\(\s*['\"]?([^'\")]+)", body.decode("utf-8")):
                if not reference.startswith("data:"):
                    queue.append(urldefrag(urljoin(url, reference))[0])
    missing_anchors = [f"{page} → {target}#{fragment}" for page, target, fragment in anchors if target in ids and fragment not in ids[target]]
    return {"urls": len(seen), "pages": len(ids), "broken": broken, "missing anchors": missing_anchors, "anchors checked": len(anchors)}
