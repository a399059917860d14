"""How many times a full build parses HTML, per page on average (issue 23: at most 3).

Run as `python tests/support/parse_count.py OUT` from the project's folder: builds the site into
OUT (strictly, as scripts/build does) and prints one JSON line, {"pages": N, "parses":
{parser: count}}. Counted: every stdlib HTMLParser fed, every lxml parse (lxml.html's
*fromstring, etree.HTML/XML/fromstring, HTMLParser and HTMLPullParser feeds), nh3.clean
and BeautifulSoup; a parse made inside another (lxml.html.fromstring calling
document_fromstring, BeautifulSoup on lxml) counts once, as the outer one.
"""

from __future__ import annotations

import collections
import html.parser
import json
import sys
import threading

import lxml.etree
import lxml.html

COUNTS: collections.Counter = collections.Counter()
_DEPTH = threading.local()


def _outermost() -> bool:
    return getattr(_DEPTH, "n", 0) == 0


# A parsing function that counts its outermost calls.
def _counted(name: str, function):
    def counting(*args, **kwargs):
        if _outermost():
            COUNTS[name] += 1
        _DEPTH.n = getattr(_DEPTH, "n", 0) + 1
        try:
            return function(*args, **kwargs)
        finally:
            _DEPTH.n -= 1

    return counting


# A feed parser class that counts each document it is fed (its first feed until it is closed).
def _feeding(base, name: str):
    class Counting(base):
        def feed(self, data):
            if not getattr(self, "_counted", False):
                self._counted = True
                if _outermost():
                    COUNTS[name] += 1
            return super().feed(data)

        def close(self):
            self._counted = False
            return super().close()

    Counting.__name__ = base.__name__
    return Counting


_STDLIB_FEED = html.parser.HTMLParser.feed


# The stdlib parser is subclassed where it is used: its own feed counts each parser once.
def _stdlib_feed(self, data):
    if not getattr(self, "_counted", False):
        self._counted = True
        if _outermost():
            COUNTS["stdlib HTMLParser"] += 1
    return _STDLIB_FEED(self, data)


def install() -> None:
    html.parser.HTMLParser.feed = _stdlib_feed
    for name in ("fromstring", "document_fromstring", "fragment_fromstring", "fragments_fromstring"):
        setattr(lxml.html, name, _counted(f"lxml.html.{name}", getattr(lxml.html, name)))
    for name in ("HTML", "XML", "fromstring"):
        setattr(lxml.etree, name, _counted(f"lxml.etree.{name}", getattr(lxml.etree, name)))
    lxml.etree.HTMLParser = _feeding(lxml.etree.HTMLParser, "lxml.etree.HTMLParser")
    lxml.etree.HTMLPullParser = _feeding(lxml.etree.HTMLPullParser, "lxml.etree.HTMLPullParser")
    try:
        import nh3

        nh3.clean = _counted("nh3.clean", nh3.clean)
    except ImportError:
        pass
    import bs4

    bs4.BeautifulSoup.__init__ = _counted("BeautifulSoup", bs4.BeautifulSoup.__init__)


def main(out: str) -> None:
    install()
    from mkdocs.commands import build

    pages = collections.Counter()
    populate = build._populate_page

    def counting_pages(page, *args, **kwargs):
        pages["pages"] += 1
        return populate(page, *args, **kwargs)

    build._populate_page = counting_pages
    from mkdocs.__main__ import cli

    try:
        cli(["build", "--strict", "-q", "-d", out])
    except SystemExit as stop:
        if stop.code:
            raise
    print(json.dumps({"pages": pages["pages"], "parses": dict(COUNTS)}))


if __name__ == "__main__":
    main(sys.argv[1])
