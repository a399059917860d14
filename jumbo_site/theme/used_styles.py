"""One stylesheet per site: the rules of Material's CSS that the built pages can use, then site.css.

Material's main.css and palette.css hold the styles of every feature it has (22.8 KB
and 2.1 KB gzip); the site uses a few of them. Once every language is built, this step
takes what every page holds, as the policy check read it when the page was finished
(content_security.py: no page is read twice), and the site's scripts, keeps the rules
whose selectors can match what they hold (classes, ids, elements, attributes and, for [name=value], the values),
the custom properties those rules and site.css read, and the keyframes they name, and
writes them, followed by site.css, as assets/stylesheets/site-styles.css: the one
stylesheet that every page links (main.html, block styles).

Its inputs are reviewed: Material's two files must have the sha256 listed in
site_assets.py (MATERIAL_STYLESHEETS; an upgrade of Material is a reviewed change to
that list), site.css is checked by docs_file_types.py, and this module is the code
that joins them; content_security.py lets pages link this output and the listed
stylesheets only.
A class that only a script adds is kept when one of the script's strings names it
("md-search-result__item"; an attribute also as element.dataset.mdHighlight), so the
states the scripts set (search results, the palette's scheme, the active title and
section) need no hand-kept safelist; Material's ".focus-visible" rules go, since the
bundle that sets that class is not loaded (site.css styles :focus-visible).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import lxml.html
import tinycss2
from mkdocs.exceptions import PluginError

from jumbo_site.build.build_state import state
from jumbo_site.languages.site_i18n import I18N_PLUGIN
from jumbo_site.theme.site_assets import GENERATED_STYLESHEET, MANIFEST, MATERIAL_STYLESHEETS, SITE_ASSETS

SITE_STYLESHEET = "assets/stylesheets/site.css"
# Always there: the elements every page has.
SAFELIST = {"html", "body"}
# Functional pseudo-classes that match if any of their selectors can match.
ANY_OF = re.compile(r":(?:is|where|matches|-webkit-any|-moz-any)\(", re.I)
# Functional pseudo-classes whose argument narrows nothing the pages must hold.
IGNORED = re.compile(r":(?:not|has|nth-child|nth-last-child|nth-of-type|nth-last-of-type|lang|dir|host|host-context)\(", re.I)
ATTRIBUTE = re.compile(r"\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*(\"[^\"]*\"|'[^']*'|[^\]\s]+)\s*(?:[is]\s*)?)?\]")
CLASS_OR_ID = re.compile(r"([.#])((?:[\w-]|\\.)+)")
PSEUDO = re.compile(r"::?[\w-]+")
TYPE = re.compile(r"(?:^|[\s>+~])([a-zA-Z][\w-]*)")
WORD = re.compile(r"[A-Za-z_][\w-]*")
# The text of a script's string literals ("md-search-result__item", 'mark'), and the
# attributes it reads or writes as element.dataset.mdHighlight (data-md-highlight).
STRING_LITERAL = re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'")
DATASET = re.compile(r"\.dataset\.([A-Za-z]\w*)")
VARIABLE_USE = re.compile(r"var\(\s*(--[\w-]+)")
KEYFRAMES = re.compile(r"@(?:-webkit-)?keyframes\s*[\w-]+\s*\{(?:[^{}]|\{[^{}]*\})*\}")


class Usage:
    """The element names, classes, ids, attribute names and name=value pairs of pages,
    added element by element as content_security.py reads each finished page."""

    def __init__(self):
        self.names: set[str] = set(SAFELIST)
        self.pairs: set[tuple[str, str]] = set()

    def add(self, tag: str, attributes) -> None:
        self.names.add(tag.lower())
        for name, value in attributes.items():
            self.names.add(name)
            self.pairs.add((name, value))
            if name == "class":
                self.names.update("." + word for word in value.split())
            elif name == "id":
                self.names.add("#" + value)

    # What pages given as HTML hold (read with lxml, as content_security.py reads them).
    @classmethod
    def of(cls, pages: list[str]) -> "Usage":
        usage = cls()
        for html in pages:
            for element in lxml.html.document_fromstring(html).iter():
                if isinstance(element.tag, str):  # not a comment or processing instruction
                    usage.add(element.tag, element.attrib)
        return usage


# What the pages of this build hold, gathered as they are finished (content_security.py).
def usage(config) -> Usage:
    build = state(config)
    if build.page_usage is None:
        build.page_usage = Usage()
    return build.page_usage


# The matching end of the parenthesis that opens at text[start - 1].
def _closing(text: str, start: int) -> int:
    depth = 1
    for position in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[position], 0)
        if depth == 0:
            return position
    return len(text)


# Tokens as CSS text, each run of white space (a line break and indentation) as one space.
def _text(tokens) -> str:
    return "".join(" " if token.type == "whitespace" else token.serialize() for token in tokens)


# Split a selector list at its top-level commas.
def _selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for position, char in enumerate(prelude):
        depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(prelude[start:position])
            start = position + 1
    return [*parts, prelude[start:]]


class Nested(list):
    """The kept rules inside an at-rule (@media, @supports)."""


class Pruner:
    """Keeps what the pages (names, pairs) and the site's scripts (words) can use."""

    def __init__(self, names: set[str], pairs: set[tuple[str, str]], words: set[str]):
        self.names, self.pairs, self.words = names, pairs, words

    # Whether one selector can match an element of the pages, as far as its names tell.
    def may_match(self, selector: str) -> bool:
        while match := ANY_OF.search(selector):
            end = _closing(selector, match.end())
            if not any(self.may_match(part) for part in _selectors(selector[match.end() : end])):
                return False
            selector = selector[: match.start()] + " *" + selector[end + 1 :]
        while match := IGNORED.search(selector):
            selector = selector[: match.start()] + selector[_closing(selector, match.end()) + 1 :]
        for name, operator, value in ATTRIBUTE.findall(selector):
            value = value.strip("\"'")
            if name not in self.names and name not in self.words:
                return False
            if operator == "=" and (name, value) not in self.pairs and value not in self.words:
                return False
        selector = PSEUDO.sub("", ATTRIBUTE.sub("", selector))
        for kind, name in CLASS_OR_ID.findall(selector):
            if "\\" not in name and kind + name not in self.names and name not in self.words:
                return False
        selector = CLASS_OR_ID.sub("", selector)
        return all(tag.lower() in self.names or tag in self.words for tag in TYPE.findall(selector))

    # The rules (tinycss2 nodes) of a stylesheet that can apply, with at-rules pruned inside.
    def rules(self, nodes) -> list:
        kept = []
        for node in nodes:
            if node.type == "qualified-rule":
                selectors = [s for s in _selectors(_text(node.prelude)) if self.may_match(s.strip())]
                if selectors:
                    kept.append((",".join(s.strip() for s in selectors), node.content))
            elif node.type == "at-rule" and node.lower_at_keyword in ("media", "supports", "layer", "container") and node.content is not None:
                inner = self.rules(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True))
                if inner:
                    kept.append(("@" + node.at_keyword + _text(node.prelude).rstrip(), Nested(inner)))
            elif node.type == "at-rule":
                kept.append(("@" + node.at_keyword + _text(node.prelude).rstrip(), node.content))
        return kept


# The declarations of a block, without the custom properties nobody reads (read: None keeps all).
def _declarations(content, read: set[str] | None) -> str:
    kept = []
    for declaration in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if declaration.type != "declaration" or (read is not None and declaration.name.startswith("--") and declaration.name not in read):
            continue
        important = "!important" if declaration.important else ""
        kept.append(f"{declaration.name}:{_text(declaration.value).strip()}{important}")
    return ";".join(kept)


# The CSS text of pruned rules; keyframes only when the text `used` names them.
def _serialize(rules, read: set[str] | None, used: str) -> str:
    out = []
    for prelude, content in rules:
        at_rule = prelude.lower()
        if isinstance(content, Nested):
            out.append(prelude + "{" + _serialize(content, read, used) + "}")
        elif content is None:
            out.append(prelude + ";")
        elif "keyframes" in at_rule.split(" ", 1)[0]:
            if read is None or re.search(r"(?<![\w-])" + re.escape(prelude.split()[-1]) + r"(?![\w-])", used):
                out.append(prelude + "{" + tinycss2.serialize(content) + "}")
        elif at_rule.startswith("@"):
            out.append(prelude + "{" + tinycss2.serialize(content) + "}")
        elif declarations := _declarations(content, read):
            out.append(prelude + "{" + declarations + "}")
    return "".join(out)


# The custom properties that the rules, site.css and the scripts read, followed through
# properties that read others.
def _read_variables(rules_text: str, site_css: str, words: set[str]) -> set[str]:
    uses = re.sub(r"--[\w-]+:[^;}]*", "", rules_text)  # what ordinary properties read
    read = set(VARIABLE_USE.findall(uses + site_css)) | {"--" + w for w in words if w.startswith("md-")}
    definitions = dict(re.findall(r"(--[\w-]+):([^;}]*)", rules_text))
    pending = list(read)
    while pending:
        for name in VARIABLE_USE.findall(definitions.get(pending.pop(), "")):
            if name not in read:
                read.add(name)
                pending.append(name)
    return read


# Material's stylesheet, as its reviewed version (site_assets.py), from the theme folder.
def _material_stylesheet(config, uri: str) -> str:
    path = next((Path(folder) / uri for folder in config.theme.dirs if (Path(folder) / uri).is_file()), None)
    if path is None:
        raise PluginError(f"Material's {uri} is not in the theme: Material was upgraded; list its stylesheets and their sha256 in {MANIFEST} (MATERIAL_STYLESHEETS).")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != MATERIAL_STYLESHEETS[uri]:
        raise PluginError(f"Material's {uri} has sha256 {digest}, not the reviewed {MATERIAL_STYLESHEETS[uri]} ({MANIFEST}): review the new file and list its hash.")
    return path.read_text(encoding="utf-8")


class _Everything(Pruner):
    """Keeps every rule: site.css, written as whole, only loses comments and spacing."""

    def __init__(self):
        super().__init__(set(), set(), set())

    def may_match(self, selector: str) -> bool:
        return True


# The one stylesheet: Material's rules the pages (what they hold, or their HTML) and
# scripts can use, then site.css without its comments and spacing.
def site_styles(material_css: list[str], site_css: str, pages: Usage | list[str], scripts: list[str]) -> str:
    usage = pages if isinstance(pages, Usage) else Usage.of(pages)
    words = set(SAFELIST)
    for script in scripts:
        words.update(WORD.findall(" ".join(double + single for double, single in STRING_LITERAL.findall(script))))
        words.update("data-" + re.sub(r"[A-Z]", lambda c: "-" + c[0].lower(), name) for name in DATASET.findall(script))
    pruner = Pruner(usage.names, usage.pairs, words)
    rules = [rule for css in material_css for rule in pruner.rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))]
    everything = _serialize(rules, None, "")
    read = _read_variables(everything, site_css, words)
    site_rules = _Everything().rules(tinycss2.parse_stylesheet(site_css, skip_comments=True, skip_whitespace=True))
    # Keyframes are kept when a rule names them, not their own @keyframes.
    naming = KEYFRAMES.sub("", everything + site_css)
    return _serialize(rules, read, naming) + "\n" + _serialize(site_rules, None, "") + "\n"


# Last of all (after search_index.py, -150), in the first language's build only: the i18n
# plugin builds the others from within its post_build (-100, `building` while it does),
# so every page of every language is written by then.
def on_post_build(config):
    if config.plugins[I18N_PLUGIN].building:
        return
    site = Path(config.site_dir)
    scripts = [(site / uri).read_text(encoding="utf-8") for uri in SITE_ASSETS if uri.endswith(".js") and (site / uri).is_file()]
    material = [_material_stylesheet(config, uri) for uri in MATERIAL_STYLESHEETS]
    # site.css as published: docs_file_types.py has checked it against the list.
    styles = site_styles(material, (site / SITE_STYLESHEET).read_text(encoding="utf-8"), usage(config), scripts)
    (site / GENERATED_STYLESHEET).write_text(styles, encoding="utf-8")
    # Material's stylesheets are in it: nothing links them any more (the not-found page
    # links site.css alone).
    for uri in MATERIAL_STYLESHEETS:
        (site / uri).unlink(missing_ok=True)
        (site / (uri + ".map")).unlink(missing_ok=True)
