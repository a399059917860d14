"""XLIFF and PO files for translators' tools: export, and import with its refusals.

    scripts/translations export fr [about …] --format xliff|po --out DIR
    scripts/translations import DIR/about.fr.xlf …

Export writes one file per page (`about.fr.xlf`), one per data file
(`data-programme.fr.xlf`) and one for the interface strings (`strings.fr.xlf`).
Source: the English; target: the current translation, "translated" where the page is
up to date, "needs review" (PO: fuzzy) where it is outdated, with the English it was
made from as a note (PO: the previous msgid), empty where the page is missing. Notes
give the page, the point and the glossary terms (terminology.py). Each file records
what it translates (XLIFF `original`, PO `X-Jumbo-Original`) and the English version
(XLIFF `build-num`, PO `X-Jumbo-Source-Version`).

Import reads every file first and writes nothing unless every file is good: right
version of the English, known language (never Serbian Latin, which is generated),
known segments, inline codes kept (text_segments.code_problems), the language's
script, no word of mixed scripts; then the Markdown's structure is compared with the
English (translation_status.drift) before anything is written. A page is marked with
the English version it was exported from (`source_hash`).

The file formats are Translate Toolkit's (translate.storage.xliff / .pofile); the
segments are text_segments.py's.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from translate.storage import pypo, xliff
from translate.storage.placeables import StringElem
from translate.storage.placeables import xliff as xliff_placeables

from jumbo_site.safety.mixed_scripts import WORD, _script, first_mixed_word
from jumbo_site.translations import text_segments as ts
from jumbo_site.translations.terminology import Glossary
from jumbo_site.translations.translation_status import (
    MARKER, OUTDATED, UP_TO_DATE, drift, page_status, source_hash, translated_pages,
)

FORMATS = {"xliff": ".xlf", "po": ".po"}
TRANSLATED, REVIEW, EMPTY = "translated", "needs review", "empty"
XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"


class ImportRefused(SystemExit):
    """A file that cannot be imported: the message names the file and the segment."""


class Xliff12Unit(xliff.xliffunit):
    namespace = XLIFF_12


class Xliff12(xliff.xlifffile):
    """Translate Toolkit's XLIFF store, writing version 1.2 (its default is 1.1)."""

    UnitClass = Xliff12Unit
    namespace = XLIFF_12
    XMLskeleton = f"""<?xml version="1.0" encoding="utf-8"?>
<xliff version="1.2" xmlns="{XLIFF_12}">
<file original="NoName" source-language="en" datatype="plaintext">
<body>
</body>
</file>
</xliff>"""


@dataclass
class Unit:
    segment: ts.Segment  # the English
    target: str
    state: str
    previous: str | None = None  # the English the outdated translation was made from
    notes: list[str] = field(default_factory=list)


@dataclass
class Document:
    """One file for translators: what it translates, into which language, from which English."""

    original: str  # what import writes: docs/fr/about.md, data/programme.yml, strings/fr.yml
    language: str
    version: str
    units: list[Unit]


@dataclass
class Project:
    root: Path
    source: str  # "en"
    languages: list[str]  # the translated ones
    generated: dict[str, str]  # {"sr-Latn": "sr"}
    scripts: dict[str, str]  # {"mk": "Cyrillic", "fr": "Latin", …}

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def pages(self) -> list[str]:
        return [name.removesuffix(".md") for name in translated_pages(self.docs, self.source)]

    def data_files(self) -> list[str]:
        return sorted(path.stem for path in (self.root / "data").glob("*.yml") if path.stem != "glossary")


def _segments_version(segments: list[ts.Segment]) -> str:
    return hashlib.sha256(json.dumps([[s.id, s.text] for s in segments], ensure_ascii=False).encode()).hexdigest()[:12]


# --- What is exported ------------------------------------------------------------------


def page_document(project: Project, language: str, page: str, old_english: str | None = None) -> Document:
    english_path = project.docs / project.source / f"{page}.md"
    translation = project.docs / language / f"{page}.md"
    english = ts.page_layout(ts.read(english_path), f"{page}.md")
    state, targets, previous = EMPTY, {}, {}
    if translation.is_file():
        status = page_status(english_path, translation)
        layout = ts.page_layout(ts.read(translation), f"{page}.md", numbered_points=None)
        if [s.id for s in layout.segments] != [s.id for s in english.segments]:
            raise SystemExit(f"docs/{language}/{page}.md: its blocks do not match docs/{project.source}/{page}.md ({'; '.join(status.problems) or 'structural drift'}); fix it before exporting.")
        targets = {s.id: s.text for s in layout.segments}
        state = TRANSLATED if status.state == UP_TO_DATE else REVIEW
        if status.state == OUTDATED and old_english:
            previous = ts.page_layout(old_english, f"{page}.md").by_id()
    units = []
    for segment in english.segments:
        target = targets.get(segment.id, "")
        before = previous.get(segment.id)
        unit_state = state if target else EMPTY
        if unit_state == REVIEW and before is not None and before.text == segment.text:
            unit_state = TRANSLATED  # this segment's English did not change
        units.append(Unit(segment, target, unit_state, before.text if unit_state == REVIEW and before else None))
    return Document(f"docs/{language}/{page}.md", language, source_hash(english_path), units)


def data_document(project: Project, language: str, name: str) -> Document:
    path = project.root / "data" / f"{name}.yml"
    english, translation = ts.data_layout(ts.read(path), f"{name}.yml", language, project.source)
    targets = {s.id: s.text for s in translation.segments}
    units = [Unit(s, targets[s.id], TRANSLATED if targets[s.id] else EMPTY) for s in english.segments]
    return Document(f"data/{name}.yml", language, _segments_version(english.segments), units)


def strings_document(project: Project, language: str) -> Document:
    english = ts.strings_layout(ts.read(project.root / "strings" / f"{project.source}.yml"), f"strings/{project.source}.yml")
    path = project.root / "strings" / f"{language}.yml"
    targets = {s.id: s.text for s in ts.strings_layout(ts.read(path), path.name).segments} if path.is_file() else {}
    units = [Unit(s, targets.get(s.id, ""), TRANSLATED if targets.get(s.id) else EMPTY) for s in english.segments]
    return Document(f"strings/{language}.yml", language, _segments_version(english.segments), units)


def documents(project: Project, language: str, pages: list[str] | None = None, old_english=None) -> list[Document]:
    """Everything a language's translator translates: pages (all, or those named), data texts, strings."""
    _check_language(project, language, "export")
    known = project.pages()
    for page in pages or []:
        if page.removesuffix(".md") not in known:
            raise SystemExit(f"unknown page '{page}'; the pages to translate are {', '.join(known)}")
    chosen = [p.removesuffix(".md") for p in pages] if pages else known
    old_english = old_english or (lambda language, page: None)
    made = [page_document(project, language, page, old_english(language, page)) for page in chosen]
    if not pages:
        made += [data_document(project, language, name) for name in project.data_files()]
        made.append(strings_document(project, language))
    glossary = Glossary.read(project.root / "data" / "glossary.yml")
    for document in made:
        for unit in document.units:
            unit.notes = [unit.segment.note, *glossary.notes(unit.segment.text, language)]
    return made


def file_name(document: Document, extension: str) -> str:
    kind, _, rest = document.original.partition("/")
    stem = Path(rest).stem
    base = {"docs": stem, "data": f"data-{stem}", "strings": "strings"}[kind]
    return f"{base}.{document.language}{extension}"


def english_original(document: Document, source: str) -> str:
    kind, _, rest = document.original.partition("/")
    return {"docs": f"docs/{source}/{Path(rest).name}", "data": document.original, "strings": f"strings/{source}.yml"}[kind]


# --- Writing ----------------------------------------------------------------------------


def _rich(text: str) -> list[StringElem]:
    """A text with its inline codes as XLIFF placeholders (<ph id="1">[[date]]</ph>)."""
    parts, last, number = [], 0, 0
    for match in ts.CODE.finditer(text):
        if match.start() > last:
            parts.append(text[last : match.start()])
        number += 1
        parts.append(xliff_placeables.Ph([match.group(0)], id=str(number)))
        last = match.end()
    if last < len(text) or not parts:
        parts.append(text[last:])
    return [StringElem(parts)]


def write_xliff(document: Document, source: str) -> bytes:
    store = Xliff12(sourcelanguage=source, targetlanguage=document.language)
    store.setfilename(store.getfilenode("NoName"), english_original(document, source))
    node = store.getfilenode(english_original(document, source))
    node.set("datatype", "x-markdown" if document.original.startswith("docs/") else "x-yaml")
    node.set("build-num", document.version)
    node.set("product-name", document.original)
    for unit in document.units:
        made = store.addsourceunit(unit.segment.text, filename=english_original(document, source))
        made.setid(unit.segment.id)
        made.rich_source = _rich(unit.segment.text)
        if unit.target:
            made.rich_target = _rich(unit.target)
            made.set_state_n(made.S_NEEDS_REVIEW if unit.state == REVIEW else made.S_TRANSLATED)
            made.markapproved(unit.state == TRANSLATED)
        for note in unit.notes:
            made.addnote(note, origin="developer")
        if unit.previous is not None:
            made.addnote(f"The translation was made from this English: {unit.previous}", origin="developer")
    return bytes(store)


def write_po(document: Document, source: str) -> bytes:
    store = pypo.pofile()
    store.updateheader(add=True, Language=document.language, Content_Type="text/plain; charset=UTF-8",
                       X_Jumbo_Original=document.original, X_Jumbo_Source_Version=document.version,
                       X_Jumbo_English=english_original(document, source))
    for unit in document.units:
        made = store.addsourceunit(unit.segment.text)
        made.setcontext(unit.segment.id)
        made.target = unit.target
        for note in unit.notes:
            made.addnote(note, origin="developer")
        codes = sorted(set(ts.codes(unit.segment.text)))
        if codes:
            made.addnote("Keep as they are: " + "  ".join(codes), origin="developer")
        if unit.state == REVIEW:
            made.markfuzzy(True)
            if unit.previous is not None:
                made.prev_source = unit.previous
    return bytes(store)


def export(project: Project, language: str, pages: list[str] | None, fmt: str, out: Path, old_english=None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    writer = write_xliff if fmt == "xliff" else write_po
    written = []
    for document in documents(project, language, pages, old_english):
        path = out / file_name(document, FORMATS[fmt])
        path.write_bytes(writer(document, project.source))
        written.append(path)
    return written


# --- Reading ----------------------------------------------------------------------------


@dataclass
class Returned:
    """A translated file as read back: what it translates, and the targets by segment id."""

    path: Path
    original: str
    language: str
    version: str
    sources: dict[str, str]
    targets: dict[str, str]
    unreviewed: set[str]  # ids still marked needs review (XLIFF) or fuzzy (PO)


def read_file(path: Path) -> Returned:
    data = path.read_bytes()
    if path.suffix == ".xlf":
        store = xliff.xlifffile.parsestring(data)
        nodes = list(store.document.getroot().iterchildren(f"{{{store.namespace}}}file"))
        if len(nodes) != 1:
            raise ImportRefused(f"{path}: expected one <file> element, found {len(nodes)}.")
        node = nodes[0]
        original, language, version = node.get("product-name", ""), node.get("target-language", ""), node.get("build-num", "")
        units = [(unit.xmlelement.get("id", ""), unit.source, unit.target or "", unit.isfuzzy()) for unit in store.units]
    elif path.suffix == ".po":
        store = pypo.pofile.parsestring(data)
        header = store.parseheader()
        original, language, version = header.get("X-Jumbo-Original", ""), header.get("Language", ""), header.get("X-Jumbo-Source-Version", "")
        units = [(unit.getcontext(), unit.source, unit.target or "", unit.isfuzzy()) for unit in store.units if not unit.isheader()]
    else:
        raise ImportRefused(f"{path}: not an exported file (.xlf or .po).")
    if not original:
        raise ImportRefused(f"{path}: it does not say what it translates (XLIFF product-name, PO X-Jumbo-Original); export again.")
    seen: dict[str, str] = {}
    for ident, *_ in units:
        if ident in seen:
            raise ImportRefused(f"{path}: segment '{ident}' appears twice.")
        seen[ident] = ident
    return Returned(path, original, language, version, {i: str(s) for i, s, _, _ in units}, {i: str(t) for i, _, t, _ in units},
                    {i for i, _, _, fuzzy in units if fuzzy})


def _check_language(project: Project, language: str, action: str) -> None:
    if language in project.generated:
        raise SystemExit(f"{language} is generated from {project.generated[language]} and never {action}ed; "
                         f"translate {project.generated[language]} instead.")
    if language not in project.languages:
        raise SystemExit(f"unknown language '{language}'; the translated languages are {', '.join(project.languages)}")


def script_problem(source: str, target: str, script: str) -> str | None:
    """Why a target is not in its language's script, or None."""
    if found := first_mixed_word(target):
        _, word, letter, other = found
        return f"the word '{word}' mixes Latin and Cyrillic letters ('{letter}' is {other})"
    other = "Latin" if script == "Cyrillic" else "Cyrillic"
    english_words = set(WORD.findall(source))
    for word in WORD.findall(ts.CODE.sub(" ", target)):
        letters = [_script(ch) for ch in word]
        if other in letters and not word.isupper() and word not in english_words:
            return f"the word '{word}' is in {other} script; this language is written in {script}"
    return None


SPAN = re.compile(r'<span lang="[\w-]+">|</span>')


def _allowed_code_difference(source: str, target: str) -> list[str]:
    """code_problems, less what a translation may do: write [[date]] out (grammar, as
    tests/unit/test_faithfulness.py allows), and mark English words with <span lang="en">…</span>."""
    target_codes = ts.codes(target)
    added = sum(1 for c in target_codes if c.startswith("<span")) - sum(1 for c in ts.codes(source) if c.startswith("<span"))
    if added != target_codes.count("</span>") - ts.codes(source).count("</span>"):
        return ["<span lang> opened and closed a different number of times"]
    source_codes = [c for c in ts.codes(source) if not SPAN.fullmatch(c)]
    target_codes = [c for c in target_codes if not SPAN.fullmatch(c)]
    if "[[date]]" in source_codes and "[[date]]" not in target_codes:
        source_codes = [c for c in source_codes if c != "[[date]]"]
    return ts.compare_codes(source_codes, target_codes)


@dataclass
class Planned:
    path: Path  # what will be written
    text: str


def plan_import(project: Project, returned: Returned) -> Planned:
    """What importing one file would write; ImportRefused, naming the file and the segment, if it cannot."""
    name = returned.path.name
    language = returned.language
    if language in project.generated:
        raise ImportRefused(f"{name}: {language} is generated from {project.generated[language]} and never imported; translate {project.generated[language]} instead.")
    if language not in project.languages:
        raise ImportRefused(f"{name}: unknown language '{language}'; the translated languages are {', '.join(project.languages)}.")
    kind, _, rest = returned.original.partition("/")
    if kind == "docs":
        page = Path(rest).stem
        if page not in project.pages() or Path(rest).parent.name != language:
            raise ImportRefused(f"{name}: unknown page '{returned.original}'; the pages are {', '.join(project.pages())}.")
        current = page_document(project, language, page)
    elif kind == "data" and Path(rest).stem in project.data_files():
        current = data_document(project, language, Path(rest).stem)
    elif kind == "strings" and rest == f"{language}.yml":
        current = strings_document(project, language)
    else:
        raise ImportRefused(f"{name}: unknown file '{returned.original}'.")
    english = {unit.segment.id: unit.segment.text for unit in current.units}
    for ident in returned.targets:
        if ident not in english:
            raise ImportRefused(f"{name}: unknown segment '{ident}' (not in {english_original(current, project.source)}).")
    if returned.version != current.version:
        changed = [i for i in english if returned.sources.get(i) != english[i]]
        raise ImportRefused(
            f"{name}: exported from another version of the English ({returned.version}, now {current.version}); "
            f"segments changed since: {', '.join(changed) or 'none, but the page did'}. Export again and carry the translation over."
        )
    script = project.scripts[language]
    for ident, target in returned.targets.items():
        if not target:
            continue
        if problems := _allowed_code_difference(english[ident], target):
            raise ImportRefused(f"{name}, segment {ident}: inline codes broken ({'; '.join(problems)}); keep them as in the English.")
        if problem := script_problem(english[ident], target, script):
            raise ImportRefused(f"{name}, segment {ident}: {problem}.")
    targets = {i: t for i, t in returned.targets.items() if t}
    if kind == "docs":
        return _plan_page(project, returned, page, targets)
    if kind == "data":
        path = project.root / returned.original
        _, layout = ts.data_layout(ts.read(path), path.name, language, project.source)
        if missing := [i for i in targets if i not in {s for s, _, _ in layout.spans}]:
            raise ImportRefused(f"{name}, segment {missing[0]}: data/{path.name} has no {language} text there to replace; add the key by hand.")
        return Planned(path, ts.rebuild(layout, targets))
    path = project.root / returned.original
    layout = ts.strings_layout(ts.read(path), path.name)
    text = ts.rebuild(layout, targets)
    known = {s for s, _, _ in layout.spans}
    for ident in (i for i in english if i in targets and i not in known):
        text = text.rstrip("\n") + f"\n{ident}: {ts.yaml_scalar(targets[ident])}\n"
    return Planned(path, text)


def _plan_page(project: Project, returned: Returned, page: str, targets: dict[str, str]) -> Planned:
    name, language = returned.path.name, returned.language
    english_path = project.docs / project.source / f"{page}.md"
    path = project.docs / language / f"{page}.md"
    english = ts.page_layout(ts.read(english_path), f"{page}.md")
    if path.is_file():
        layout = ts.page_layout(ts.read(path), f"{page}.md")
    else:  # a new translation: the English page, with the translated texts in its places
        layout = english
        if missing := [s.id for s in english.segments if s.id not in targets]:
            raise ImportRefused(f"{name}: docs/{language}/{page}.md does not exist yet, and segment {missing[0]} has no translation.")
    text = ts.rebuild(layout, targets)
    if not returned.unreviewed:  # every segment translated and reviewed: the page follows this English
        text = _with_source_hash(text, returned.version)
    scratch = ts.page_layout(text, f"{page}.md")
    if scratch.body_skeleton() != english.body_skeleton():
        raise ImportRefused(f"{name}: the translated segments change the page's Markdown structure; check the segments' line breaks and codes.")
    problems = _drift_of(english_path, text)
    if problems:
        raise ImportRefused(f"{name}: docs/{language}/{page}.md would differ in structure from the English: {'; '.join(problems)}.")
    return Planned(path, text)


def _drift_of(english_path: Path, text: str) -> list[str]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        candidate = Path(folder) / english_path.name
        candidate.write_text(text, encoding="utf-8")
        return drift(english_path, candidate)


def _with_source_hash(text: str, version: str) -> str:
    from mkdocs.utils.meta import YAML_RE

    match = YAML_RE.match(text)
    value = version if not version.isdigit() else f'"{version}"'
    if re.search(rf"^{MARKER}:[ \t]*(\S+)[ \t]*$", match.group(1), flags=re.M):
        front = re.sub(rf"^({MARKER}:[ \t]*)\S+", lambda m: m.group(1) + value, match.group(1), flags=re.M)
        return text[: match.start(1)] + front + text[match.end(1) :]
    line = f"{MARKER}: {value}\n" if match.group(1).endswith("\n") else f"\n{MARKER}: {value}"
    return text[: match.end(1)] + line + text[match.end(1) :]


def import_files(project: Project, paths: list[Path]) -> list[Path]:
    """Import translated files: all are checked before any is written; returns what changed."""
    plans = [plan_import(project, read_file(path)) for path in paths]
    targets = [plan.path for plan in plans]
    if len(set(targets)) != len(targets):
        raise ImportRefused("two of the files translate the same page or file; import one of them.")
    changed = []
    for plan in plans:
        if not plan.path.is_file() or plan.path.read_text(encoding="utf-8") != plan.text:
            plan.path.write_text(plan.text, encoding="utf-8")
            changed.append(plan.path)
    return changed


# --- scripts/translations export | import | glossary | memory ------------------------------


def _language_script(locale: str, root: Path) -> str:
    """Cyrillic or Latin: the script of the language's CLDR locale (mkdocs.yml's date_locale), by Babel."""
    from babel.core import get_global
    from mkdocs.config import load_config

    from jumbo_site.languages.site_i18n import site_languages

    languages = {lang.locale: lang for lang in site_languages(load_config(str(root / "mkdocs.yml")), built_only=False)}
    tag = languages[locale].date_locale
    full = tag if re.search(r"_(Latn|Cyrl)", tag) else get_global("likely_subtags").get(tag) or get_global("likely_subtags").get(tag.split("_")[0], "")
    return "Cyrillic" if "_Cyrl" in full else "Latin"


def project(root: Path, source: str, languages: list[str], generated: dict[str, str]) -> Project:
    return Project(root, source, languages, generated, {locale: _language_script(locale, root) for locale in languages})


def memory_pairs(project: Project) -> list[tuple[str, str, str, str]]:
    """(segment id, English, language, translation) for every current, translated segment."""
    pairs = []
    for language in project.languages:
        for document in documents(project, language):
            for unit in document.units:
                if unit.state == TRANSLATED and unit.target:
                    pairs.append((f"{english_original(document, project.source)}#{unit.segment.id}", unit.segment.text, language, unit.target))
    return pairs


def run(args, project: Project) -> int:
    from jumbo_site.translations.terminology import Glossary, memory
    from jumbo_site.translations.translation_diff import english_as_translated

    if args.command == "export":
        def old_english(language: str, page: str) -> str | None:
            return english_as_translated(project.docs, project.source, language, f"{page}.md")

        for path in export(project, args.language, args.pages, args.format, args.out, old_english):
            print(path)
        return 0
    if args.command == "import":
        changed = import_files(project, args.files)
        for path in changed:
            print(f"{path.relative_to(project.root)}: written")
        print(f"{len(args.files)} file(s) imported, {len(changed)} changed.")
        return 0
    if args.command == "glossary":
        args.out.write_bytes(Glossary.read(project.root / "data" / "glossary.yml").tbx(project.source))
    else:
        args.out.write_bytes(memory(memory_pairs(project), project.source))
    print(args.out)
    return 0
