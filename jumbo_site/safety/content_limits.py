"""Limits on what editors write, checked before any parser reads it.

Pages, data files and interface strings come from pull requests, and the parsers
that read them are not built for hostile input: Python-Markdown slows down
quadratically on thousands of unclosed brackets or of inline markup in one
paragraph (escapes, code, links), and recurses until a RecursionError (or a crash)
on deeply nested lists, quotes and emphasis; MkDocs takes a millisecond to resolve
each link; libyaml slows down quadratically on deep flow nesting, and YAML anchors
and aliases expand a few lines into billions of values ("billion laughs"). So,
before MkDocs, YAML or Markdown see a file, every content file must be
- no bigger than MAX_FILE_BYTES,
- UTF-8 (a wrong byte is named by line and column),
- nested no deeper than MAX_NESTING: brackets, parentheses, lists, quotes and runs
  of emphasis characters in Markdown; mappings and lists in YAML,
- in Markdown, without paragraphs longer than MAX_PARAGRAPH_CHARACTERS, and with
  at most MAX_LINKS links,
- YAML without anchors (&name), aliases (*name) and tags (!!set, !!timestamp …):
  the files hold plain values, written out in full.
A fenced code block (markdown_fences.py) is shown, not read: the Markdown limits skip
it. Otherwise the build stops naming the file, the line and what to change. Every check
reads its input once (linear time; scripts/benchmark-content-limits shows it).
data_entry.py applies the Markdown limits and MAX_TEXT_CHARACTERS to each data text;
the links of a page and of the data texts it shows are counted together.
"""

from __future__ import annotations

import functools
import itertools
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import YAML_RE

from jumbo_site.build.editor_errors import page_error
from jumbo_site.safety.markdown_fences import prose_lines

MAX_FILE_BYTES = 256_000  # a page, data or strings file; the largest today: 32 KB (programme.yml)
MAX_TEXT_CHARACTERS = 5_000  # one data text in one language; the longest today: 800
MAX_NESTING = 20
# Python-Markdown's inline pass is quadratic in the markup of one paragraph (100,000
# backslash escapes: 7 s); the longest paragraph today: 2,400 characters.
MAX_PARAGRAPH_CHARACTERS = 20_000
# MkDocs and the i18n plugin resolve each relative link in about a millisecond
# (35,000 links: 12 s); the most links in a page today: 4.
MAX_LINKS = 2_000
CONTENT_FILES = (("docs", "*.md"), ("data", "*.yml"), ("strings", "*.yml"))

SCANNER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # libyaml's scanner where PyYAML has it
OPENING = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
CLOSING = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
REFUSED_TOKENS = {yaml.AnchorToken: "an anchor (&…)", yaml.AliasToken: "an alias (*…)", yaml.TagToken: "a tag (!…)"}
# The list markers and quote signs that open a container at the start of a line.
CONTAINER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))")
RULE = re.compile(r" {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*")  # a horizontal rule, not a list
BRACKETS = {"[": ("[", 1), "]": ("[", -1), "(": ("(", 1), ")": ("(", -1)}


def utf8_problem(data: bytes) -> str | None:
    """Where a file's bytes are not UTF-8: 'line 3, column 7: the byte 0xe9 …', or None."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        line = data.count(b"\n", 0, error.start) + 1
        return f"line {line}, column {column}: the byte 0x{data[error.start]:02x} is not UTF-8; save the file as UTF-8 (Unicode)"
    return None


def yaml_problem(text: str) -> tuple[int, str] | None:
    """Anchors, aliases, tags or nesting deeper than MAX_NESTING in YAML text: (line, problem), or None.

    Reads libyaml's tokens one by one and stops at the first problem, before any
    value is built: an alias never expands, deep nesting is never scanned further.
    """
    depth = 0
    try:
        for token in yaml.scan(text, Loader=SCANNER):
            if refused := REFUSED_TOKENS.get(type(token)):
                return token.start_mark.line + 1, f"{refused}, which these files do not use: write every value out in full (no &, * or ! before a value)"
            depth += isinstance(token, OPENING) - isinstance(token, CLOSING)
            if depth > MAX_NESTING:
                return token.start_mark.line + 1, f"lists and mappings nested more than {MAX_NESTING} deep"
    except yaml.YAMLError:
        return None  # not valid YAML: its reader names the line and YAML's explanation
    return None


def markdown_problem(text: str) -> str | None:
    """Markdown that would stall or crash the build: nesting deeper than MAX_NESTING, a paragraph
    longer than MAX_PARAGRAPH_CHARACTERS, more than MAX_LINKS links; 'line 9: …', or None."""
    depth, paragraph = {"[": 0, "(": 0, "emphasis": 0}, (1, 0)  # (its first line, its length)
    # Code blocks are shown as they are: any markup, any length (markdown_fences.py).
    number, counted = 1, 0
    for offset, line in prose_lines(text):
        number, counted, line = number + text.count("\n", counted, offset), offset, line.rstrip("\r\n")
        if not line.strip():
            depth, paragraph = dict.fromkeys(depth, 0), (number + 1, 0)  # a blank line ends the paragraph
            continue
        if problem := _containers(line) or _inline(line, depth):
            return f"line {number}: {problem}"
        paragraph = (paragraph[0], paragraph[1] + len(line) + 1)
        if paragraph[1] > MAX_PARAGRAPH_CHARACTERS:
            return f"line {paragraph[0]}: a paragraph or list of more than {MAX_PARAGRAPH_CHARACTERS} characters; put blank lines between paragraphs"
    return _links_problem(text)


# More than MAX_LINKS links, counted by the ] that ends each link text (and any other ]).
def _links_problem(text: str) -> str | None:
    ends = [match.start() for match in itertools.islice(re.finditer(r"\]", text), MAX_LINKS + 1)]
    if len(ends) <= MAX_LINKS:
        return None
    line = text.count("\n", 0, ends[-1]) + 1
    return f"line {line}: more than {MAX_LINKS} links (or ] brackets) in one file; MkDocs resolves each link slowly: split the page"


# Lists and quotes opened at the start of a line, and indentation (four spaces a level).
def _containers(line: str) -> str | None:
    if RULE.fullmatch(line):
        return None
    levels, position = 0, 0
    while levels <= MAX_NESTING and (match := CONTAINER.match(line, position)) and match.end() > position:
        levels, position = levels + 1, match.end()
    spaced = line.expandtabs(4)
    indent = len(spaced) - len(spaced.lstrip(" "))
    if levels + indent // 4 > MAX_NESTING:
        return f"lists, quotes and indentation nested more than {MAX_NESTING} deep"
    return None


# Brackets, parentheses and emphasis still open in the paragraph, and runs of * and _.
def _inline(line: str, depth: dict) -> str | None:
    run, escaped = 0, False
    for index, ch in enumerate(line):
        if escaped:
            escaped, run = False, 0
            continue
        escaped = ch == "\\"
        run = run + 1 if ch in "*_" else 0
        if ch in BRACKETS:
            kind, step = BRACKETS[ch]
        elif ch in "*_":
            if run > MAX_NESTING:
                return f"more than {MAX_NESTING} * or _ in a row; escape them (\\* or \\_) or write fewer"
            before = line[index - 1] if index else " "
            after = line[index + 1] if index + 1 < len(line) else " "
            opens, closes = not after.isspace(), not before.isspace()
            kind, step = "emphasis", (opens and not closes) - (closes and not opens)
        else:
            continue
        depth[kind] = max(0, depth[kind] + step)
        if depth[kind] > MAX_NESTING:
            what = {"[": "[ brackets", "(": "( parentheses", "emphasis": "emphasis (* or _)"}[kind]
            return f"more than {MAX_NESTING} {what} open at once; close them, or escape them with \\"
    return None


def text_problem(text: str) -> str | None:
    """What is wrong with one data text (Markdown, one language): too long or nested too deep, or None."""
    if len(text) > MAX_TEXT_CHARACTERS:
        return f"{len(text)} characters; a text has at most {MAX_TEXT_CHARACTERS}: put long texts in a page"
    return markdown_problem(text)


@functools.cache  # keyed on size and time of change: each language build asks again
def file_problem(path: Path, name: str, size: int, changed: int) -> str | None:
    """What is wrong with one content file (name: its repository path), or None."""
    if size > MAX_FILE_BYTES:
        return f"{name}: {-(-size // 1000)} KB; a file here holds at most {MAX_FILE_BYTES // 1000} KB: split it"
    data = path.read_bytes()
    if problem := utf8_problem(data):
        return f"{name}, {problem}"
    text = data.decode("utf-8")
    if path.suffix == ".yml":
        found = yaml_problem(text)
    else:
        front_matter = YAML_RE.match(text)
        found = front_matter and yaml_problem(front_matter[1])
        found = (found[0] + 1, found[1]) if found else None  # the front matter starts on line 2
    if found:
        return f"{name}, line {found[0]}: {found[1]}"
    problem = path.suffix == ".md" and markdown_problem(text)
    return f"{name}, {problem}" if problem else None


# After the data is rendered into the page (site_plugin.py orders the steps): the links of the page and of
# the data texts it shows, counted together (each text alone is within its limits).
def on_page_markdown(markdown, page, config, files):
    if markdown.count("]") > MAX_LINKS:
        raise page_error(page, f"more than {MAX_LINKS} links (or ] brackets) with the data texts it shows (data/); MkDocs resolves each link slowly: write fewer links")
    return markdown


# After content_folders.py (110) has made sure these are plain files; before Serbian Latin (100) copies docs/.
def on_config(config):
    root = Path(config.config_file_path).parent
    for folder, pattern in CONTENT_FILES:
        for path in sorted((root / folder).rglob(pattern)):
            status = path.stat()
            if problem := file_problem(path, path.relative_to(root).as_posix(), status.st_size, status.st_mtime_ns):
                raise PluginError(problem + ".")
    return config
