"""What the content safety tests share (tests/{unit,site,builds}/test_content_safety.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

from support.project import ROOT

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


def _image(kind: str, **options) -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (32, 24), (200, 10, 30)).save(out, kind, **options)
    return out.getvalue()


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
