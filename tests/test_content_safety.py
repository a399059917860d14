"""Content cannot carry code: each bad input below stops the build, naming the file and
line (or data entry and field), and no built file contains its payload; ordinary
content keeps building; every page's policy allows only the templates' scripts.

The bad inputs are the red-team list of issue 13 and more, one class per block. Each
is built in a copy of the project, in one language, two builds at a time.
"""

from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
import yaml
from bs4 import BeautifulSoup
from support.languages import EVERY_PATH, LANGUAGES, page_path
from support.live_preview import copy_project
from support.project import build, only_language, ROOT

# A 1x1 transparent PNG as Pillow writes it (the build walks its chunks to IEND).
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc````\x00\x00\x00\x05\x00\x01\xa5\xf6E@\x00\x00\x00\x00IEND\xaeB`\x82"


# --- Edits: each makes one change and returns what the error must name -----------------


def page(text: str, file: str = "en/about.md", offset: int = 0) -> Callable[[Path], list[str]]:
    """Append text to a page; the error names the page and the text's first line (or one below)."""

    def edit(project: Path) -> list[str]:
        path = project / "docs" / file
        before = path.read_text(encoding="utf-8")
        path.write_text(before + "\n" + text + "\n", encoding="utf-8")
        return [f"docs/{file}, line {before.count(chr(10)) + 2 + offset}"]

    return edit


def front(line: str, file: str = "en/about.md", replace: str | None = None) -> Callable[[Path], list[str]]:
    """Add (or replace) a front-matter line; the error names the page and line 2 or the replaced line."""

    def edit(project: Path) -> list[str]:
        path = project / "docs" / file
        lines = path.read_text(encoding="utf-8").split("\n")
        index = next(i for i, text in enumerate(lines) if text.startswith(replace)) if replace else 1
        lines[index : index + (1 if replace else 0)] = [line]
        path.write_text("\n".join(lines), encoding="utf-8")
        return [f"docs/{file}, line {index + 1}"]

    return edit


def replaced(file: str, old: str, new: str, *where: str) -> Callable[[Path], list[str]]:
    """Replace text in a project file (mkdocs.yml, an interface string file); the error names it and where."""

    def edit(project: Path) -> list[str]:
        path = project / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return [file, *where]

    return edit


def data(file: str, old: str, new: str, *where: str) -> Callable[[Path], list[str]]:
    """Replace text in a data file; the error names the file and the entry and field given."""
    return replaced(f"data/{file}", old, new, *where)


def duplicate_key(file: str, line: str) -> Callable[[Path], list[str]]:
    """Repeat a data file's line; the error names the repeated line's number, counted here."""

    def edit(project: Path) -> list[str]:
        path = project / "data" / file
        text = path.read_text(encoding="utf-8")
        assert line in text, f"{line!r} is not in data/{file}"
        number = text[: text.index(line)].count("\n") + 2  # the copy, right after the line
        path.write_text(text.replace(line, line + line.replace(": 1", ": 9"), 1), encoding="utf-8")
        return [f"data/{file}", f"line {number}", "'order' appears twice"]

    return edit


def site_text(locale: str, old: str, new: str, key: str) -> Callable[[Path], list[str]]:
    """Replace a language's text (its name, the site's name…) in its interface strings."""
    return replaced(f"strings/{locale}.yml", old, new, f"key '{key}'")


def interface_string(old: str, new: str, *where: str) -> Callable[[Path], list[str]]:
    return replaced("strings/en.yml", old, new, *where)


def docs_file(name: str, content: bytes) -> Callable[[Path], list[str]]:
    def edit(project: Path) -> list[str]:
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_bytes(content)
        return [f"docs/{name}"]

    return edit


def appended(file: str, text: str) -> Callable[[Path], list[str]]:
    """Append a line to a project file; the error names the file."""

    def edit(project: Path) -> list[str]:
        with (project / file).open("a", encoding="utf-8") as stream:
            stream.write(text + "\n")
        return [file]

    return edit


@dataclass
class Bad:
    name: str
    edit: Callable[[Path], list[str]]
    payload: str  # must not be in any built file
    language: str = "en"  # the one language built


RCC_TITLE = "    name:\n      en: Regional Cooperation Council\n"
OPENING_TITLE = "      en: Conference-wide exchanges\n"
OPENING_SR = "      sr: Размене мишљења на конференцији\n"
RCC_ROLE = "  - id: rcc\n    role: co-chair\n"
CUSTOMS_PRESENTER = "    presenters:\n      - partner: customs-france\n        point: 8\n        record: The French customs shared their experience through the presentation of their strategy\n"
# How errors name an entry: its place in the file (which editors may reorder) and its id.
ENTRY_RCC = f"partners[{[p['id'] for p in yaml.safe_load((ROOT / 'data/partners.yml').read_text(encoding='utf-8'))['partners']].index('rcc')}] (id: rcc), field"
ENTRY_CUSTOMS = f"partners[{[p['id'] for p in yaml.safe_load((ROOT / 'data/partners.yml').read_text(encoding='utf-8'))['partners']].index('customs-france')}] (id: customs-france), field"
ENTRY_OPENING = f"sessions[{[s['id'] for s in yaml.safe_load((ROOT / 'data/programme.yml').read_text(encoding='utf-8'))['sessions']].index('exchanges')}] (id: exchanges), field"

BAD_INPUTS = [
    # Scripts and handlers in pages, however written.
    Bad("script element", page("<script>alert(101)</script>"), "alert(101)"),
    Bad("svg onload", page("<svg/onload=alert(102)>"), "alert(102)"),
    Bad("img onerror", page('<img src="x.png" onerror="alert(103)">'), "alert(103)"),
    Bad("quoted > before a handler", page('<a href="about.md" title="a>b" onclick="alert(104)">x</a>'), "alert(104)"),
    Bad("uppercase handler", page("<IMG SRC=x.png ONERROR=alert(105)>"), "alert(105)"),
    Bad("details ontoggle", page('<details open ontoggle="alert(106)"><summary>x</summary></details>'), "alert(106)"),
    Bad("input autofocus onfocus", page("<input autofocus onfocus=alert(107)>"), "alert(107)"),
    Bad("button formaction", page('<button formaction="javascript:alert(108)">x</button>'), "alert(108)"),
    Bad("source onerror", page('<video><source onerror="alert(109)"></video>'), "alert(109)"),
    Bad("template script", page("<template><script>alert(110)</script></template>"), "alert(110)"),
    Bad("noscript breakout", page('<noscript><p title="</noscript><img src=x onerror=alert(111)>"></noscript>'), "alert(111)"),
    Bad("comment breakout", page("<!--><img src=x onerror=alert(112)>-->"), "alert(112)"),
    Bad("math mglyph style", page("<math><mtext><table><mglyph><style><img src=x onerror=alert(113)>"), "alert(113)"),
    Bad("body onload", page('<body onload="alert(114)">'), "alert(114)"),
    Bad("attribute list on a paragraph", page('Some text\n{: onclick="alert(115)" }', offset=1), "alert(115)"),
    # Syntax the site's Markdown would print as it is, and addresses in any URL attribute.
    Bad("misspelt marker", page("See the [[Programme]] (misspelt, 177)."), "(misspelt, 177)"),
    Bad("footnote syntax", page("A claim.[^n178]\n\n[^n178]: The note 178."), "The note 178"),
    Bad("abbreviation definition", page("The RCC met.\n\n*[RCC]: Regional Cooperation Council 179", offset=2), "Council 179"),
    Bad("javascript: quotation source", page('<blockquote cite="javascript:alert(180)"><p>q</p></blockquote>'), "alert(180)"),
    Bad("unknown marker in a description", front("description: About the [[programme]] 181", replace="description:"), "[[programme]] 181"),
    Bad("attribute list on a link", page('[x](conclusions.md){ onclick="alert(116)" }'), "alert(116)"),
    Bad("attribute list on a heading", page('## Heading { onmouseover="alert(117)" }'), "alert(117)"),
    # Addresses.
    Bad("javascript link", page("[x](javascript:alert(118))"), "alert(118)"),
    Bad("entity-hidden javascript", page('<a href="&#106;avascript:alert(119)">x</a>'), "alert(119)"),
    Bad("javascript&colon;", page('<a href="javascript&colon;alert(120)">x</a>'), "alert(120)"),
    Bad("tab inside javascript", page('<a href="java&#x09;script:alert(121)">x</a>'), "alert(121)"),
    Bad("newline inside javascript", page('<a href="java\nscript:alert(122)">x</a>'), "alert(122)"),
    Bad("leading space javascript", page('<a href=" javascript:alert(123)">x</a>'), "alert(123)"),
    Bad("vbscript", page('<a href="vbscript:msgbox(124)">x</a>'), "msgbox(124)"),
    Bad("data: html link", page('<a href="data:text/html;base64,PHNjcmlwdD4xMjU=">x</a>'), "PHNjcmlwdD4xMjU="),
    Bad("http link", page("[x](http://example.org/126)"), "example.org/126"),
    Bad("http&#58; link", page("[x](http&#58;//example.org/127)"), "example.org/127"),
    Bad("protocol-relative link", page('<a href="//evil.example/128">x</a>'), "evil.example/128"),
    Bad("backslash-relative link", page('<a href="\\\\evil.example/129">x</a>'), "evil.example/129"),
    Bad("remote image", page("![x](https://evil.example/130.png)"), "evil.example/130"),
    Bad("data: image", page('<img src="data:image/png;base64,MTMx" alt="x">'), "MTMx"),
    # Elements that embed, restyle, redirect or submit.
    Bad("iframe", page('<iframe src="https://evil.example/132"></iframe>'), "evil.example/132"),
    Bad("object", page('<object data="https://evil.example/133.swf"></object>'), "evil.example/133"),
    Bad("embed", page('<embed src="https://evil.example/134.swf">'), "evil.example/134"),
    Bad("form action", page('<form action="https://evil.example/135"><input name="q"></form>'), "evil.example/135"),
    Bad("base", page('<base href="https://evil.example/136/">'), "evil.example/136"),
    Bad("stylesheet link", page('<link rel="stylesheet" href="https://evil.example/137.css">'), "evil.example/137"),
    Bad("style element", page("<style>body{background:url(https://evil.example/138)}</style>"), "evil.example/138"),
    Bad("style attribute", page('<span style="position:fixed;top:0;content:\'139\'">x</span>'), "content:'139'"),
    Bad("body meta refresh", page('<meta http-equiv="refresh" content="0;url=https://evil.example/140">'), "evil.example/140"),
    Bad("template id clobbering", page('<div id="__evil141">x</div>'), "__evil141"),
    Bad("target other than _blank", page('<a href="https://www.rcc.int/" target="_top142">x</a>'), "_top142"),
    Bad("thousands of unclosed tags", page("<a " * 34000), "<a <a <a <a"),
    # Serbian Latin is checked as published, and errors name the Cyrillic file.
    Bad("script in a Serbian page, built in Latin", page("<script>alert(143)</script>", "sr/about.md"), "alert(143)", "sr-Latn"),
    Bad("look-alike script in Serbian data", data("programme.yml", OPENING_SR, "      sr: Размене <сцрипт>алерт(144)</сцрипт>\n", ENTRY_OPENING + " 'title'", "language 'sr' (in Latin script)"), "alert(144)", "sr-Latn"),
    # Front matter.
    Bad("title closing <title>", front("title: '</title><script>alert(145)</script>'", replace="title:"), "alert(145)"),
    Bad("description breaking out of <meta>", front("description: '\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/146\">'", replace="description:"), "evil.example/146"),
    Bad("description adding an attribute", front("description: '0;url=https://evil.example/147\" http-equiv=\"refresh'", replace="description:"), "evil.example/147"),
    Bad("entity in a title", front("title: About &lt;b148&gt;", replace="title:"), "b148"),
    Bad("direction override in a title", front("title: \"About \\u202E148b\"", replace="title:"), "148b"),
    Bad("unknown front-matter key", front("author: Mallory149"), "Mallory149"),
    Bad("template that is not a page template", front("template: 404.html"), "template: 404.html"),
    Bad("template that does not exist", front("template: missing150.html"), "missing150"),
    Bad("source_hash read by YAML as 0", front("source_hash: 000000000000", "fr/about.md", replace="source_hash:"), "000000000000", "fr"),
    Bad("numbered_points that is not true or false", front('numbered_points: "yes"'), "numbered_points"),
    # Data files.
    Bad("partner website breaking out of its link", data("partners.yml", RCC_ROLE, RCC_ROLE + '    website: "https://www.rcc.int> <script>alert(151)</script"\n', ENTRY_RCC + " 'website'"), "alert(151)"),
    Bad("partner name closing the programme's link", data("partners.yml", "      en: French customs\n", "      en: customs](javascript:alert(170)) [French\n", ENTRY_CUSTOMS + " 'name'", "language 'en'"), "alert(170)"),
    Bad("handler in a partner name", data("partners.yml", RCC_TITLE, '    name:\n      en: Regional Cooperation Council <img src=x onerror=alert(152)>\n', ENTRY_RCC + " 'name'", "language 'en'"), "alert(152)"),
    Bad("attribute list in a data text", data("programme.yml", OPENING_TITLE, '      en: Exchanges [x](conclusions.md){ onclick="alert(153)" }\n', ENTRY_OPENING + " 'title'"), "alert(153)"),
    Bad("javascript link in a data text", data("programme.yml", OPENING_TITLE, "      en: Exchanges [x](javascript:alert(154))\n", ENTRY_OPENING + " 'title'"), "alert(154)"),
    Bad("order: true", data("programme.yml", "    order: 1\n", "    order: true\n", ENTRY_OPENING + " 'order'"), "order: true"),
    Bad("presenters: [[rcc]]", data("programme.yml", CUSTOMS_PRESENTER, "    presenters: [[rcc]]\n", "sessions[3] (id: organised-crime), field 'presenters'"), "[[rcc]]"),
    Bad("a presenter's partner as a list", data("programme.yml", "      - partner: customs-france\n", "      - partner: [customs-france]\n", "sessions[3] (id: organised-crime), field 'presenters'"), "[customs-france]"),
    Bad("followed_by: [[iisg]]", data("programme.yml", "    followed_by: [iisg,", "    followed_by: [[iisg],", "sessions[3] (id: organised-crime), field 'followed_by'"), "[[iisg]"),
    Bad("points: [true]", data("programme.yml", "    points: [2, 3, 4, 5]\n", "    points: [true]\n", ENTRY_OPENING + " 'points'"), "points: [true]"),
    Bad("bad date", data("programme.yml", "  date: 2021-12-06\n", "  date: 2021-13-45\n", "event, field 'date'"), "2021-13-45"),
    Bad("unknown timezone", data("programme.yml", "  timezone: Europe/Paris\n", "  timezone: Europe/Nowhere\n", "event, field 'timezone'"), "Europe/Nowhere"),
    Bad("participants that are not a number", data("programme.yml", "  participants_online: 30\n", "  participants_online: lots164\n", "event, field 'participants_online'"), "lots164"),
    Bad("duplicate key", duplicate_key("programme.yml", "    order: 1\n"), "order: 9"),
    Bad("unknown top-level key", data("programme.yml", "sessions:\n", "venue: Elysee155\nsessions:\n", "unknown top-level key 'venue'"), "Elysee155"),
    # Kosovo without its asterisk, however written.
    Bad("Kosova in English", page("Delegates from Kosova attended."), "from Kosova attended"),
    Bad("Kosovë in English", page("Delegates from Kosovë attended."), "from Kosovë attended"),
    Bad("Косово in English", page("Delegates from Косово attended."), "from Косово attended"),
    Bad("KOSOVO in capitals", page("DELEGATES FROM KOSOVO ATTENDED."), "FROM KOSOVO ATTENDED"),
    Bad("Cyrillic look-alike o", page("Delegates from K\u043esovo attended."), "from K\u043esovo attended"),
    Bad("soft hyphen entity", page("Delegates from Kos&shy;ovo attended."), "Kos&shy;ovo attended"),
    Bad("soft hyphen character", page("Delegates from Kos\u00adovo attended."), "Kos\u00adovo attended"),
    Bad("zero-width space", page("Delegates from Kos\u200bovo attended."), "Kos\u200bovo attended"),
    Bad("fullwidth letters", page("Delegates from \uff2b\uff4f\uff53\uff4f\uff56\uff4f attended."), "\uff2b\uff4f\uff53\uff4f\uff56\uff4f attended"),
    Bad("bold letter inside the name", page("Delegates from Kos**o**vo attended."), "vo attended"),
    Bad("Latin Kosovo in a Macedonian page", page("Делегати од Kosovo.", "mk/about.md"), "од Kosovo.", "mk"),
    Bad("Kosovu in a Serbian page, built in Latin", page("Делегати на Косову.", "sr/about.md"), "na Kosovu.", "sr-Latn"),
    Bad("Kosovo in a data text", data("programme.yml", OPENING_TITLE, "      en: Exchanges with Kosovo\n", ENTRY_OPENING + " 'title'", "language 'en'"), "Exchanges with Kosovo"),
    Bad("Kosovo in a partner name", data("partners.yml", RCC_TITLE, "    name:\n      en: Kosovo Police\n", ENTRY_RCC + " 'name'"), "Kosovo Police"),
    Bad("Kosova in front matter", front("title: Kosova and the region", replace="title:"), "Kosova and the region"),
    # Each language's texts: its name, the site's name, description and copyright.
    Bad("markup in a language's site name", site_text("mk", 'site.name: "Шеста', 'site.name: "<b onmouseover=alert(170)>Шеста', "site.name"), "alert(170)", "mk"),
    Bad("markup in a language's name", site_text("mk", 'language.name: "Македонски"', 'language.name: "<img src=x onerror=alert(171)>"', "language.name"), "alert(171)", "mk"),
    Bad("entities in the site description", site_text("en", "site.description: >-\n", "site.description: >-\n  &lt;script&gt;alert(172)&lt;/script&gt;\n", "site.description"), "alert(172)"),
    Bad("a link in the copyright", site_text("en", 'site.copyright: "Regional Cooperation Council"', "site.copyright: \"<a href='javascript:alert(173)'>RCC</a>\"", "site.copyright"), "alert(173)"),
    Bad("a language's text in mkdocs.yml, which is code", replaced("mkdocs.yml", "        - locale: mk\n", "        - locale: mk\n          site_name: Шеста 177\n", "strings/mk.yml", "'site.name'"), "Шеста 177", "mk"),
    # Kosovo by Unicode's rules (issue 21, route 7): invisible characters, look-alikes, attributes, home-only data, site ids.
    Bad("right-to-left override in a page", page("Delegates from Kos\u202eovo* attended."), "Kos\u202eovo"),
    Bad("combining grapheme joiner as an entity", page("Delegates from Kos&#x34F;ovo* attended."), "Kos&#x34F;ovo"),
    Bad("variation selector in a page", page("Delegates from Kos\ufe0fovo* attended."), "Kos\ufe0fovo"),
    Bad("Hangul filler in a page", page("Delegates from Kos\u3164ovo* attended."), "Kos\u3164ovo"),
    Bad("small capitals", page("Delegates from \u1d0b\u1d0f\ua731\u1d0f\u1d20\u1d0f attended."), "\u1d0b\u1d0f\ua731\u1d0f\u1d20\u1d0f attended"),
    Bad("Armenian and Lisu look-alikes", page("Delegates from \ua4d7\u0585s\u0585v\u0585 attended."), "\ua4d7\u0585s\u0585v\u0585 attended"),
    Bad("Kosovo in an image's alt", page('<img src="../assets/map.png" alt="Map of Kosovo">'), 'alt="Map of Kosovo"'),
    Bad("Kosovo in a title attribute", page('<abbr title="Kosovo">XK</abbr> attended.'), 'title="Kosovo"'),
    Bad("Kosovo in an aria-label", page('<span aria-label="Delegation of Kosovo">XK</span> attended.'), 'aria-label="Delegation of Kosovo"'),
    Bad("hidden button splitting Kosovo", page('Delegates from Kos<button hidden type="button">x</button>ovo attended.'), "</button>ovo attended"),
    Bad("an aria-hidden element splitting Kosovo", page('Delegates from Kos<span aria-hidden="true">x</span>ovo attended.'), "</span>ovo attended"),
    Bad("an element a class hides splitting Kosovo", page('Delegates from Kos<span class="md-toggle">x</span>ovo attended.'), "</span>ovo attended"),
    Bad("entity inside Kosovo in a home-only data text", data("programme.yml", '    en: "Enhancing regional', '    en: "Kos&#111;vo: enhancing regional', "event, field 'theme'", "language 'en'"), "Kos&#111;vo: enhancing"),
    Bad("empty markup inside Kosovo in a home-only data text", data("programme.yml", "    en: Paris\n", "    en: Kos<b></b>ovo Paris\n", "event, field 'city'", "language 'en'"), "Kos<b></b>ovo Paris"),
    Bad("invisible character in a data text", data("programme.yml", OPENING_TITLE, "      en: Conference-wide\u3164exchanges\n", ENTRY_OPENING + " 'title'", "U+3164 HANGUL FILLER"), "Conference-wide\u3164exchanges"),
    Bad("invisible character in an interface string", interface_string("footer.privacy: Privacy\n", "footer.privacy: Pri\u034fvacy\n", "key 'footer.privacy'", "U+034F"), "Pri\u034fvacy"),
    Bad("the footnote's id placed before the footnote", page('<span id="kosovo-footnote">Fake note 177</span>\n\nKosovo* took part.'), "Fake note 177"),
    Bad("a point's id on another page", page('<span id="point-3">Fake point 178</span>'), "Fake point 178"),
    Bad("the search results' id", page('<div id="site-search-results">Fake results 179</div>'), "Fake results 179"),
    Bad("the id a script gives the navigation drawer", page("A paragraph 181.\n{ #site-drawer }", offset=1), "A paragraph 181."),
    Bad("a heading whose id is the language list's", page("## Site languages"), "Site languages"),
    # Interface strings (strings/), printed as they are by the templates.
    Bad("markup in an interface string", interface_string("footer.privacy: Privacy\n", 'footer.privacy: Privacy<svg><title><meta http-equiv="refresh" content="0;url=https://evil.example/174"></title></svg>\n', "key 'footer.privacy'"), "evil.example/174"),
    Bad("Kosovo in an interface string", interface_string("footer.privacy: Privacy\n", "footer.privacy: Privacy in Kosovo 182\n", "strings/en.yml, key 'footer.privacy'", "Kosovo*"), "Privacy in Kosovo 182"),
    Bad("Kosovo in Material's strings", replaced("strings/material/bs.yml", "search.placeholder: ", "search.placeholder: Kosovo 183 ", "key 'search.placeholder'", "Kosovo*"), "Kosovo 183", "bs"),
    Bad("markup in a string that is no text", interface_string("footer.privacy: Privacy\n", 'footer.privacy: {a: "<b>Privacy 176</b>"}\n', "key 'footer.privacy'"), "Privacy 176"),
    Bad("a quotation mark ending an attribute", interface_string("footer.report: Report a problem\n", 'footer.report: Report a problem" onmouseover="alert(175)\n', "key 'footer.report'"), "alert(175)"),
    # Files under docs/.
    Bad("HTML page in docs", docs_file("en/evil.html", b"<script>alert(156)</script>"), "alert(156)"),
    Bad("SVG with a script", docs_file("assets/images/evil.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(157)</script></svg>'), "alert(157)"),
    Bad("SVG with onload", docs_file("assets/images/evil.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(158)"/>'), "alert(158)"),
    Bad("SVG with an external reference", docs_file("assets/images/evil.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><use href="https://evil.example/159.svg#x"/></svg>'), "evil.example/159"),
    Bad("SVG with entities", docs_file("assets/images/evil.svg", b'<!DOCTYPE svg [<!ENTITY x "160">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'), "ENTITY x"),
    Bad("HTML named .png", docs_file("assets/images/fake.png", b"<script>alert(161)</script>"), "alert(161)"),
    Bad("script outside assets/javascripts", docs_file("en/evil.js", b"alert(162)"), "alert(162)"),
    Bad("JSON in docs", docs_file("en/data.json", b'{"x": 163}'), '{"x": 163}'),
    # Issue 21, routes 3 and 5: SVG that fetches or runs, files that are not what they say,
    # scripts and styles outside the reviewed list (jumbo_site/theme/site_assets.py).
    Bad("SVG with an XSLT stylesheet", docs_file("assets/images/x.svg", b'<?xml-stylesheet type="text/xsl" href="../javascripts/x180.js"?><svg xmlns="http://www.w3.org/2000/svg"/>'), "x180.js"),
    Bad("SVG fill from another host", docs_file("assets/images/x.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://evil.example/181)"/></svg>'), "evil.example/181"),
    Bad("PNG with HTML joined to it", docs_file("assets/images/x.png", PNG + b"<script>alert(182)</script>"), "alert(182)"),
    Bad("HTML named .woff2", docs_file("assets/fonts/x.woff2", b"wOF2<script>alert(183)</script>"), "alert(183)"),
    Bad("a new script beside the site's", docs_file("assets/javascripts/x.js", b"document.title = 'x184';"), "x184"),
    Bad("a style line hiding the Kosovo* footnote", appended("docs/assets/stylesheets/site.css", "#kosovo-footnote, .kosovo-ref { display: none } /* 185 */"), "/* 185 */"),
    Bad("a stylesheet from another host", replaced("mkdocs.yml", "extra_javascript:\n", "extra_css:\n  - https://evil.example/186.css\nextra_javascript:\n", "docs/en/"), "evil.example/186"),
]


def _run(bad: Bad, folder: Path) -> tuple[list[str], str, Path]:
    project = copy_project(folder / "project")
    only_language(project, bad.language)
    expected = bad.edit(project)
    out = folder / "out"
    result = build(project / "mkdocs.yml", out)
    return expected, result.stderr if result.returncode else "", out


@pytest.fixture(scope="module")
def bad_builds(request, tmp_path_factory) -> dict:
    """The selected bad inputs' builds, two at a time: {name: (what the error must name,
    the log of a failed build, site folder)}."""
    params = [getattr(getattr(item, "callspec", None), "params", {}) for item in request.session.items]
    selected = {param["bad"].name for param in params if "bad" in param}
    wanted = [bad for bad in BAD_INPUTS if bad.name in selected]
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = pool.map(lambda bad: _run(bad, tmp_path_factory.mktemp("bad")), wanted)
        results = dict(zip((bad.name for bad in wanted), runs))
    print(f"\n{len(wanted)} bad-input builds in {time.monotonic() - started:.0f} s")
    return results


def test_the_table_holds_the_distinct_bad_inputs_the_readme_counts():
    assert len({bad.name for bad in BAD_INPUTS}) == len(BAD_INPUTS) >= 60
    assert f"tries {len(BAD_INPUTS)} bad inputs" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", BAD_INPUTS, ids=lambda bad: bad.name)
def test_a_bad_input_stops_the_build_naming_where_and_publishes_nothing_of_it(bad_builds, bad):
    expected, log, out = bad_builds[bad.name]
    assert log, "the build did not stop"
    error = next((line for line in log.splitlines() if line.startswith("ERROR") and not re.search(r"Error (reading|building) page", line)), "")
    assert error and "Traceback" not in log, log[-2000:]
    assert all(where in error for where in expected), f"expected {expected} in: {error}"
    for built in out.rglob("*") if out.exists() else []:
        if built.is_file():
            assert bad.payload not in built.read_text(encoding="utf-8", errors="replace"), built


# --- What keeps building ------------------------------------------------------------

GOOD = """
An ordinary [link to the RCC](https://www.rcc.int/), a [mail link](mailto:info@rcc.int)
and a [link to point 3](conclusions.md#point-3).

![A test image](../assets/images/test.png)

A paragraph with a class and an id.
{: .lead #custom-paragraph }

[Read the conclusions](conclusions.md){ .md-button .md-button--primary }

The report is at <https://example.org/kosovo-report> and [Kosovo*](https://www.rcc.int/kosovo) links out.

<abbr title="Kosovo*">XK</abbr> keeps its title; Kosova* and Kosovë* are named too.

<a href="https://www.rcc.int/news" target=_blank>A new tab, unquoted</a> and
<a href='https://www.rcc.int/events' TARGET='_blank' rel=noreferrer>one in capitals</a>.

3. An ordered list that starts at three
4. keeps its numbers.

<table><caption>Points by theme</caption><thead><tr><th scope="col">Theme</th></tr></thead><tbody><tr><td>Migration</td></tr></tbody></table>

<blockquote cite="https://www.rcc.int/"><p>A quotation with its source.</p></blockquote>

```html
CODE_BLOCK
```
"""


def test_ordinary_links_images_attribute_lists_buttons_and_kosovo_keep_building(project_copy, tmp_path):
    only_language(project_copy, "en")
    about = project_copy / "docs/en/about.md"
    # A title with an ampersand, a description with a backtick (plain text, not references).
    about.write_text(about.read_text(encoding="utf-8").replace("title: About\n", "title: About R&D\n", 1)
                     .replace("description: About", "description: About `jumbo` and", 1), encoding="utf-8")
    (project_copy / "docs/assets/images").mkdir(parents=True, exist_ok=True)
    (project_copy / "docs/assets/images/test.png").write_bytes(_image("PNG", pnginfo=_png_text("<script>alert(191)</script>")))
    good = GOOD.replace("CODE_BLOCK", "<b>tag</b> " * 400)  # 800 tags, shown as code
    about.write_text(about.read_text(encoding="utf-8") + good, encoding="utf-8")
    result = build(project_copy / "mkdocs.yml", tmp_path / "out")
    assert result.returncode == 0, result.stderr[-2000:]
    html = BeautifulSoup((tmp_path / "out/about/index.html").read_text(encoding="utf-8"), "lxml")
    text = html.select_one("article")
    assert text.select_one('a[href="https://www.rcc.int/"]') and text.select_one('a[href="mailto:info@rcc.int"]')
    assert text.select_one('a[href="../conclusions/#point-3"]')
    assert text.select_one('img[src="../assets/images/test.png"][alt="A test image"]')
    assert text.select_one("p.lead#custom-paragraph")
    assert text.select_one('a.md-button.md-button--primary[href="../conclusions/"]')
    assert text.select_one('a[href="https://example.org/kosovo-report"]')
    assert text.select_one('a[href="https://www.rcc.int/kosovo"]').get_text() == "Kosovo*"
    assert text.select_one('abbr[title="Kosovo*"]')
    assert not text.select("a a"), "a link inside a link"
    assert len(text.select("a.kosovo-ref")) >= 3 and html.select_one("#kosovo-footnote")
    for address in ("https://www.rcc.int/news", "https://www.rcc.int/events"):  # however target=_blank was written
        assert "noopener" in text.select_one(f'a[href="{address}"]')["rel"], address
    assert text.select_one('ol[start="3"]') and text.select_one("table caption").get_text() == "Points by theme"
    assert text.select_one('blockquote[cite="https://www.rcc.int/"]')
    assert text.select_one("pre code").get_text().count("<b>tag</b>") == 400
    assert html.title.get_text().startswith("About R&D") and "`jumbo`" in html.select_one('meta[name="description"]')["content"]
    published = (tmp_path / "out/assets/images/test.png").read_bytes()
    assert b"alert(191)" not in published and _pixels(published) == _pixels(_image("PNG")), "the image is published without its text chunk"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_kosovo_carries_its_asterisk_linked_to_the_footnote_in_every_language(soup, language):
    html = soup(page_path(language, "about/"))
    references = html.select("article a.kosovo-ref")
    assert references and all(ref["href"] == "#kosovo-footnote" and ref.get_text() == "*" for ref in references)
    assert html.select_one("#kosovo-footnote[role=note]") and not html.select("a a")


# --- The policy ------------------------------------------------------------------------



@pytest.mark.parametrize(
    "injected, refused",
    [
        # Text to libxml2, elements to a browser inside <svg> or <math> (or the other way round).
        ('<svg><title><meta http-equiv="refresh" content="0;url=https://evil.example/"></title></svg>', "markup inside <title>"),
        ("<math><style><img src=x onerror=alert(1)></style></math>", "markup inside <style>"),
        ("<svg><textarea><img src=x onerror=alert(1)></textarea></svg>", "markup inside <textarea>"),
        ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "markup inside <noscript>"),
        # Nesting too deep for libxml2, which then stops reading without a word.
        ("<div>" * 3000 + "</div>" * 3000 + "<img src=x onerror=alert(1)>", "cannot be read to its end"),
        # A page that names the parser's end itself, then stops the parser.
        ("<content-security-end>" * 2100 + '<meta http-equiv="refresh" content="0;url=https://evil.example/">', "cannot be read to its end"),
        # The same checker still sees what is outside such places.
        ("<p/onclick=alert(1)>x</p>", "an event handler onclick="),
    ],
)
def test_the_policy_check_refuses_what_it_cannot_see_as_a_browser_would(site, injected, refused):
    from jumbo_site.safety.content_security import template_problem

    raw = (site / "about/index.html").read_text(encoding="utf-8")
    page = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", raw)
    assert template_problem(page) is None
    footer = page.index("</footer>")
    assert refused in (template_problem(page[:footer] + injected + page[footer:]) or "")


@pytest.mark.parametrize("path", EVERY_PATH, ids=lambda p: p or "/")
def test_the_policy_allows_only_the_site_s_script_files_and_the_page_has_no_inline_script(site, path):
    raw = (site / path / "index.html").read_text(encoding="utf-8")
    html = BeautifulSoup(raw, "lxml")
    policy = html.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'" and directives["object-src"] == "'none'"
    for script in html.select("script"):
        if script.get("src"):
            assert (site / path / script["src"]).resolve().is_file() and not script.string
        else:
            assert script.get("type") in ("application/json", "application/ld+json"), script
    assert [meta["http-equiv"] for meta in html.select("meta[http-equiv]")] == ["Content-Security-Policy"]
    assert not [attr for tag in html.find_all(True) for attr in tag.attrs if attr.startswith("on")]
    assert len(re.findall(r"<script\b", raw, re.I)) == len(html.select("script"))


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


def _image(kind: str, **options) -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (32, 24), (200, 10, 30)).save(out, kind, **options)
    return out.getvalue()


JOINED = b"<html><script>alert(1)</script></html>"


def _png_text(text: str):
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", text)
    info.add_text("XML:com.adobe.xmp", text, zip=True)
    info.add_itxt("Description", text, lang="en")
    return info


def _pixels(content: bytes) -> bytes:
    from io import BytesIO

    from PIL import Image

    with Image.open(BytesIO(content)) as image:
        return image.convert("RGBA").tobytes()


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
    from jumbo_site.safety.docs_file_types import IMAGE_FORMATS, file_problem, image_without_metadata

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
