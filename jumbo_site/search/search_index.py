"""A search index for each language, loaded only by that language's readers.

Material's search keeps one index for every language and loses Cyrillic queries.
Here each language gets <prefix>search/index.json: the sections of its own pages
(title, heading, text, link), plus the folding table that the browser
(docs/assets/javascripts/search.js) applies to both the text and the query:
Cyrillic to Latin (so either Serbian script finds the other), then without
diacritics ("vijece" finds "Vijeće", "sigurise" finds "sigurisë").

A section that names a term of the glossary (data/glossary.yml) in its language's
form also carries, in "also", the term's forms in every language and its other
English names (`also`): "SALW", "ALPC", "МЛО" or "small arms" finds the French page
that says "ALPC", and "RCC" the Albanian page that says "KBR". Readers never see it.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from jumbo_site.build.build_state import state
from jumbo_site.build.file_versions import version
from jumbo_site.data.conference_data import DATA_DIR
from jumbo_site.data.strict_yaml import read_data_file
from jumbo_site.languages.site_i18n import Language, current_language, site_languages
from jumbo_site.languages.transliteration import LOWER, MACEDONIAN, to_latin

INDEX_FILE = "search/index.json"
MATERIAL_INDEX = "search/search_index.json"  # Material's merged index, which nothing loads here
SECTION_HEADINGS = {"h1", "h2", "h3"}
# Elements whose edges separate words ("…EU.</p><p>Security…").
BLOCKS = {"p", "li", "ul", "ol", "div", "br", "h1", "h2", "h3", "h4", "td", "th", "tr", "table", "blockquote", "section", "article"}
# Elements with this attribute are not the page's text (point_tools.py: the English
# point on a translation, the copy-link button), nor are permalink marks.
SKIP_ATTRIBUTE = "data-search-exclude"
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Letters folded beyond Cyrillic: đ has no decomposition, and readers type it "dj".
EXTRA_FOLDING = {"đ": "dj"}



GLOSSARY_FILE = "glossary.yml"


def _form_pattern(form: str) -> re.Pattern:
    """A glossary form as a whole-word pattern; `*` stands for any letters (case endings)."""
    return re.compile(r"(?<!\w)" + r"\w*".join(map(re.escape, form.split("*"))) + r"(?!\w)")


# The glossary's terms, checked: data/glossary.yml is content, so a bad shape is a message
# naming the term, never a traceback; and one `*` per word at most ("a*a*b" against one
# long word would make the pattern backtrack for minutes).
@functools.lru_cache(maxsize=8)  # keyed on the file's version (file_versions.py)
def _glossary(file_version: tuple | None) -> dict:
    terms = read_data_file(DATA_DIR / GLOSSARY_FILE, GLOSSARY_FILE, ("terms",)).get("terms")
    if not isinstance(terms, dict) or not terms:
        raise PluginError(f"data/{GLOSSARY_FILE}: expected 'terms:' with one entry per term.")
    for name, term in terms.items():
        where = f"data/{GLOSSARY_FILE}, term '{name}'"
        if not isinstance(term, dict) or not _forms(term.get("en")):
            raise PluginError(f"{where}: expected 'en: [its English form(s)]'.")
        if "also" in term and not _forms(term["also"]):
            raise PluginError(f"{where}, 'also': expected a list of English names.")
        for key, value in term.items():
            if key in ("en", "also"):
                continue
            if not isinstance(value, dict) or set(value) - {"use", "avoid"} or not all(_forms(v) for v in value.values()):
                raise PluginError(f"{where}, '{key}': expected {{use: [form, …], avoid: [form, …]}}.")
        for form in _all_forms(term):
            if re.search(r"\*\w*\*", form):
                raise PluginError(f"{where}: '{form}': one '*' per word at most ('*' stands for letters, such as a case ending).")
    return terms


def _forms(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(form, str) and form.strip() for form in value)


def _all_forms(term: dict) -> list[str]:
    return [*term["en"], *term.get("also", []), *(form for value in term.values() if isinstance(value, dict) for forms in value.values() for form in forms)]


# For one language: each glossary term as (the pattern of its forms in this language,
# every form it has in any language and its other English names, as search words).
def equivalents(language: Language) -> list[tuple[re.Pattern, str]]:
    path = DATA_DIR / GLOSSARY_FILE
    if not path.is_file():
        return []
    source = language.transliterate_from or language.locale
    found = []
    for term in _glossary(version(path)).values():
        if language.default:
            forms = term["en"]
        else:
            forms = [to_latin(f) if language.transliterate_from else f for f in (term.get(source) or {}).get("use", [])]
        if not forms:
            continue
        every = [*term["en"], *term.get("also", [])]
        every += [form for key, value in term.items() if isinstance(value, dict) for form in value.get("use", [])]
        words = " ".join(dict.fromkeys(form.replace("*", "") for form in every))
        found.append((re.compile("|".join(_form_pattern(f).pattern for f in forms)), words))
    return found


# Every lower-case letter the browser replaces before it strips diacritics.
def folding_table() -> dict[str, str]:
    table = {**LOWER, **MACEDONIAN}
    table = {letter: "".join(EXTRA_FOLDING.get(ch, ch) for ch in latin) for letter, latin in table.items()}
    return {**table, **EXTRA_FOLDING}


class _Sections:
    """Split a page's tree into sections: at headings with an id, and at list items
    with an id (numbered points, partners), whose first words (the point's number,
    the partner's name) complete the page title. Permalink marks and elements marked
    data-search-exclude are skipped. Read in document order, as a stream of start tags,
    end tags and text (an element Markdown writes as <br />, void, both starts and ends)."""

    def __init__(self, page_title: str, url: str):
        self.page_title, self.url = page_title, url
        self.sections = [{"title": [page_title], "anchor": "", "text": []}]
        self.reading_title = None  # "h2" while inside a heading; "li" until an item's first words
        self.skip_depth = 0

    def read(self, root) -> "_Sections":
        if root.text:
            self.data(root.text)
        for child in root:
            self._element(child)
        return self

    def _element(self, element):
        if isinstance(element.tag, str):  # not a comment
            self.start(element.tag, element.attrib)
            if element.text:
                self.data(element.text)
            for child in element:
                self._element(child)
            self.end(element.tag)
        if element.tail:
            self.data(element.tail)

    def start(self, tag, attributes):
        if tag in BLOCKS:
            self.sections[-1]["text"].append(" ")
        if tag in VOID:
            return
        if self.skip_depth or "headerlink" in (attributes.get("class") or "").split() or SKIP_ATTRIBUTE in attributes:
            self.skip_depth += 1
        elif attributes.get("id") and (tag in SECTION_HEADINGS or tag == "li"):
            title = [] if tag in SECTION_HEADINGS else [self.page_title, "·"]
            self.sections.append({"title": title, "anchor": attributes["id"], "text": []})
            self.reading_title = tag

    def end(self, tag):
        if tag in BLOCKS:
            self.sections[-1]["text"].append(" ")
        if self.skip_depth:
            self.skip_depth -= 1
        elif tag == self.reading_title and tag in SECTION_HEADINGS:
            self.reading_title = None

    def data(self, data):
        if self.skip_depth:
            return
        section = self.sections[-1]
        if not data.strip():
            section["text"].append(data)
        elif self.reading_title == "li":
            section["title"].append(data)
            self.reading_title = None
        elif self.reading_title:
            section["title"].append(data)
        else:
            section["text"].append(data)

    def entries(self) -> list[dict]:
        return [
            {
                "url": self.url + (f"#{section['anchor']}" if section["anchor"] else ""),
                "title": " ".join(" ".join(section["title"]).split()),
                "page": self.page_title,
                "text": " ".join("".join(section["text"]).split()),
            }
            for section in self.sections
            if section["anchor"] or "".join(section["text"]).strip()
        ]


# Each language's sections are filled as it builds; its index is written once.
def on_pre_build(config):
    state(config).search_sections[current_language(config).locale] = []
    state(config).search_written.discard(current_language(config).locale)


def on_page_content(tree, page, config, files):
    sections = _Sections(page.title, page.url).read(tree.root)
    language = current_language(config)
    terms = equivalents(language)
    for entry in sections.entries():
        also = " ".join(words for pattern, words in terms if pattern.search(entry["title"] + " " + entry["text"]))
        state(config).search_sections[language.locale].append({**entry, "also": also} if also else entry)
    return tree


# After the i18n plugin, which builds the other languages from within
# the first build's post_build and then writes Material's merged index once more.
# Each language's index is written when its build ends (the first language's last).
def on_post_build(config):
    sections, written = state(config).search_sections, state(config).search_written
    for language in site_languages(config):
        if language.locale in sections and language.locale not in written:
            written.add(language.locale)
            index = {"lang": language.html_lang, "fold": folding_table(), "sections": sections[language.locale]}
            path = Path(config.site_dir) / language.prefix / INDEX_FILE
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (Path(config.site_dir) / MATERIAL_INDEX).unlink(missing_ok=True)
