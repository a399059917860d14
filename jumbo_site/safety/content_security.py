"""A Content Security Policy that trusts the site's own script files, and nothing else.

GitHub Pages sends no custom headers, so the policy travels in the page, as a <meta>
right after <meta charset>: scripts only from the site's own files (script-src
'self'), no inline script, no hashes. Material's few inline scripts are loaded from
assets/javascripts/material-helpers.js instead (overrides/partials/javascripts/).

Before the policy is added, the finished page is checked: a script other than the
templates' own (the site's script files in the reviewed list, site_assets.py, each on the
pages it is meant for; the
schema.org Event in <head>), a stylesheet other than the
listed ones and the one made from them (used_styles.py), a <style> element or style= attribute (the policy would
block them in the browser; the build says so first), an inline event handler, an address with a scheme other than https:,
http: or mailto: (javascript: …), a <meta http-equiv>, a <base>, an embedded frame
or object anywhere, markup inside an element whose content the parser takes as text
(<title>, <style>, <textarea>, <noscript> …: inside <svg> or <math> a browser takes it
as elements), or a page the parser cannot read to its end stops the build. The
page's own text is checked in detail by content_check.py.
"""

from __future__ import annotations

import functools
import re
import secrets

from lxml import etree
from mkdocs.exceptions import PluginError

from jumbo_site.build.editor_errors import page_error
from jumbo_site.safety.content_allowlist import url_scheme
from jumbo_site.theme.site_assets import GENERATED_STYLESHEET, listed_names, scripts_for
from jumbo_site.theme.used_styles import usage

CHARSET = '<meta charset="utf-8">'
POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
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
SCRIPT = re.compile(r"<script\b(?P<attributes>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
# The site's own scripts and stylesheets, by name: the reviewed list (site_assets.py),
# not any file a pull request adds beside them; the pages' stylesheet is made by
# used_styles.py from Material's reviewed files and site.css (docs_file_types.py
# refuses a .css of its name in docs/, which is not in the list).
SITE_SCRIPTS = listed_names("javascripts")
SITE_STYLESHEETS = [*map(re.escape, listed_names("stylesheets")), re.escape(GENERATED_STYLESHEET.rsplit("/", 1)[1][: -len(".css")])]
OWN_FOLDER = r"(?:/(?:[\w.~-]+/)*|(?:\.\./)*(?:\./)?)assets/"
STYLESHEET_FILE = re.compile(OWN_FOLDER + r"stylesheets/(?:" + "|".join(SITE_STYLESHEETS) + r")\.css")
# <link> relations that load code or styles, or fetch ahead: only a listed stylesheet.
LOADING_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "prerender", "import"}
# The schema.org Event; Material's configuration JSON is not written (main.html, block config).
DATA_SCRIPTS = {' type="application/ld+json"': "head"}
EMBEDDING = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "base"}
TEMPLATE_SCHEMES = (None, "https", "http", "mailto")  # http: the site's own address while testing (SITE_URL)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "srcset", "background"}


# Elements whose content libxml2 reads as text, though inside <svg> or <math> a browser
# reads it as elements (and <noscript>'s the other way round): the templates never put
# markup there, so a tag in their source is refused.
RAW_TEXT = re.compile(r"<(title|textarea|style|xmp|noembed|noframes|noscript|plaintext)\b[^>]*>(.*?)(?:</\1\s*>|\Z)", re.S | re.I)
TAG_IN_TEXT = re.compile(r"<[A-Za-z/!?]")
# Fed after the page: the parser reached the page's end only if it reports this element
# (libxml2 stops without a word past some 2 000 levels of nesting, even with huge_tree).
# Named at random, so that no page can name it itself.
END = f"content-security-end-{secrets.token_hex(8)}"
if etree.LIBXML_VERSION < (2, 14):
    raise PluginError(
        f"lxml uses libxml2 {'.'.join(map(str, etree.LIBXML_VERSION))}; the policy check needs 2.14 or later "
        "(its HTML5 tokeniser). Run scripts/_setup.sh, which installs the pinned lxml."
    )


# The first thing in a finished page's elements that only content could have put there.
# libxml2 (2.14 and later) reads the page as a browser's HTML5 tokeniser does:
# <a/onclick=…>, upper case, entities in addresses; comments and script text hold no
# elements. A page it cannot read to the end is refused: what it did not read is unchecked.
# Each element read is added to seen (used_styles.py: what the pages hold), if given.
def _element_problem(html: str, seen=None) -> str | None:
    for match in RAW_TEXT.finditer(html):
        if TAG_IN_TEXT.search(match[2]):
            return f"markup inside <{match[1].lower()}>: {match[2][:80]!r}"
    parser = etree.HTMLPullParser(events=("start",), huge_tree=True)
    parser.feed(html)
    parser.feed(f"<{END}></{END}>")
    parser.close()
    elements = [element for _, element in parser.read_events()]
    for element in elements:
        tag, attributes = element.tag, element.attrib
        if seen is not None and tag != END:
            seen.add(tag, attributes)
        if handler := next((name for name in attributes if name.startswith("on")), None):
            return f"an event handler {handler}= on <{tag}>"
        if tag in EMBEDDING:
            return f"a <{tag}> element"
        if tag == "link" and (rels := LOADING_RELS & set(attributes.get("rel", "").lower().split())):
            if rels != {"stylesheet"} or not STYLESHEET_FILE.fullmatch(attributes.get("href", "")):
                return f"a <link rel=\"{attributes.get('rel')}\" href=\"{attributes.get('href', '')[:80]}\">, not one of the site's reviewed stylesheets (site_assets.py)"
        if tag == "style" or "style" in attributes:
            return f"a <style> element or style= attribute (<{tag}>): the site's styles are its reviewed stylesheets (site_assets.py)"
        if tag == "meta" and "http-equiv" in attributes:
            return "a <meta http-equiv> (pages may not redirect or set policies)"
        for name, value in attributes.items():
            if name in URL_ATTRIBUTES and value and url_scheme(value) not in TEMPLATE_SCHEMES:
                return f"the address '{value}' ({name} of <{tag}>)"
    if not elements or elements[-1].tag != END:
        return "markup that cannot be read to its end (elements nested too deeply, or a text too long)"
    return None


# The <script src> attributes of the named scripts of the site's, as a pattern.
@functools.cache
def script_file(names: tuple[str, ...]) -> re.Pattern:
    return re.compile(r'^ src="' + OWN_FOLDER + r"javascripts/(?:" + "|".join(map(re.escape, names)) + r')\.js"(?: data-md-scope="[./]*")?$')


# What in a finished page the templates did not put there, or None; scripts: the site's
# scripts meant for this page (by default any of them); seen: as _element_problem's.
def template_problem(html: str, scripts: tuple[str, ...] = tuple(SITE_SCRIPTS), seen=None) -> str | None:
    head_end = html.find("</head>")
    for match in SCRIPT.finditer(html):
        attributes, body = match["attributes"], match["body"]
        place = "head" if match.start() < head_end else "body"
        if script_file(scripts).match(attributes) and not body.strip():
            continue
        if script_file(tuple(SITE_SCRIPTS)).match(attributes):
            return f"the site's script {attributes.strip()[:80]}, which is not meant for this page (SCRIPT_PAGES in site_assets.py)"
        if DATA_SCRIPTS.get(attributes) == place and "</" not in body:
            continue
        return f"a script the templates did not write: {match[0][:80]!r}"
    if len(SCRIPT.findall(html)) != len(re.findall(r"<script\b", html, re.I)):
        return "a <script> element that is not closed"
    for tag in ("html", "head", "body"):
        if len(re.findall(rf"<{tag}\b", html, re.I)) > 1:
            return f"a second <{tag}> element"
    return _element_problem(html, seen)


# The page with its policy, which seen (as _element_problem's) is told of.
def with_policy(html: str, seen=None) -> str:
    if CHARSET not in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
    if seen is not None:
        seen.add("meta", {"http-equiv": "Content-Security-Policy", "content": POLICY})
    return html.replace(CHARSET, f"{CHARSET}\n{meta}", 1)


# Last, once nothing else will change the page.
def on_post_page(output, page, config):
    meant = tuple(scripts_for("numbered points") if page.meta.get("numbered_points") else scripts_for())
    if problem := template_problem(output, meant, usage(config)):
        raise page_error(
            page,
            f"{problem}. Pages carry only the site's own scripts and stylesheets; this came from around the page's text "
            "(its front matter, mkdocs.yml, an interface string in strings/, a template or a hook).",
        )
    return with_policy(output, usage(config))


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    if problem := template_problem(output_content, tuple(scripts_for(template_name)), usage(config)):
        raise PluginError(f"overrides/{template_name}: {problem}. Pages carry only the site's own scripts and stylesheets.")
    return with_policy(output_content, usage(config))
