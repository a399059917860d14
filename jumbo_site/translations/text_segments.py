"""Texts cut into segments for translators' tools, and put back together.

A segment is one block a translator translates at a time: a page's front-matter title
and description, each heading, paragraph, list item (each numbered point) and table
cell; one per-language text in data/*.yml; one interface string in strings/<lang>.yml.
Each segment knows where it stands in its file (`Layout.spans`), so that a file is
rebuilt by putting new texts in those places and nothing else: a segment given back
unchanged leaves its file byte for byte as it was (the round trip has no diff).

Translate Toolkit's md2po does not keep this site's Markdown: it exports the whole
front matter as one segment and rewraps paragraphs and `<br>` lines on the way back
(`<br>` becomes `<br>\\`), so the Markdown is segmented here and the toolkit is used
for the file formats only (translator_files.py).

Inline codes (`codes`) are what a translator must not break: `[[…]]` markers, a link's
`[` and `](target)`, attribute lists `{#id}`, HTML tags such as `<br>`, and the
asterisk of "Kosovo*". XLIFF shows them as placeholders; PO keeps them as text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from jumbo_site.data.markers import PATTERN as MARKER_PATTERN

FRONT_MATTER_TEXTS = ("title", "description")

CODE = re.compile(
    rf"(?P<marker>{MARKER_PATTERN})"
    r"|(?P<open>\[(?=[^\[\]\n]*\]\([^)\s]+\)))"  # a link's opening bracket
    r"|(?P<target>\]\([^)\s]+\))"  # a link's target
    r"|(?P<attr>\{\s*[:#.][^}\n]*\})"  # an attribute list
    r"|(?P<html></?[A-Za-z][^>\n]*>)"  # <br>, <span class="…">, </span>
    r"|(?P<star>(?<=\w)\*(?![*\w]))"  # the asterisk of Kosovo*
)

HEADING = re.compile(r"(?P<hashes>#{1,6}[ \t]+)(?P<text>.*?)(?P<attr>[ \t]*\{[^}\n]*\})?[ \t]*$")
ITEM = re.compile(r"(?P<bullet>(?:[-*+]|(?P<number>\d+)\.)[ \t]+)")
ONLY_MARKERS = re.compile(rf"^(?:\s*{MARKER_PATTERN}\.?)+\s*$")


@dataclass
class Segment:
    id: str
    text: str
    note: str = ""


@dataclass
class Layout:
    """A file's text and where each segment's text stands in it (id, start, end)."""

    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    yaml_values: set[str] = field(default_factory=set)  # ids whose span is a YAML scalar

    def by_id(self) -> dict[str, Segment]:
        return {segment.id: segment for segment in self.segments}

    def skeleton(self) -> tuple:
        """What is not translated: the text with each segment's place left empty."""
        parts, last = [], 0
        for _, start, end in self.spans:
            parts.append(self.text[last:start])
            last = end
        parts.append(self.text[last:])
        return tuple(parts)

    def body_skeleton(self) -> tuple:
        """The skeleton after the front matter (which a translation's own keys change)."""
        parts = list(self.skeleton()[len(self.yaml_values) :])
        parts[0] = parts[0].split("\n---\n", 1)[-1]
        return tuple(parts)


def codes(text: str) -> list[str]:
    """The inline codes of a text, in order."""
    return [match.group(0) for match in CODE.finditer(text)]


def code_problems(source: str, target: str) -> list[str]:
    """How a target's inline codes differ from its source's, in words; [] when they agree."""
    return compare_codes(codes(source), codes(target))


def compare_codes(source: list[str], target: list[str]) -> list[str]:
    """Codes missing, doubled or added. A link's `[` counts as a code only where its
    `](target)` follows, so a link taken apart or reordered shows as a missing `[`."""
    theirs, ours = Counter(source), Counter(target)
    problems = []
    if missing := list((theirs - ours).elements()):
        problems.append(f"missing {', '.join(missing)}")
    if extra := list((ours - theirs).elements()):
        problems.append("doubled or added " + ", ".join(extra))
    return problems


def _value_span(text: str, node: yaml.ScalarNode, offset: int = 0) -> tuple[int, int]:
    """Where a YAML scalar is written: a block scalar's (`>-`, `|`) ends before the line
    break and indentation that follow it, which belong to the next key."""
    start, end = offset + node.start_mark.index, offset + node.end_mark.index
    return start, start + len(text[start:end].rstrip())


# --- Markdown pages ------------------------------------------------------------------


def page_layout(text: str, page: str, numbered_points: bool | None = None) -> Layout:
    """A Markdown page's segments: front-matter title and description, then the body's blocks."""
    layout = Layout(text)
    body_start = 0
    match = YAML_RE.match(text)
    meta: dict = {}
    if match:
        body_start = match.end()
        front_start = match.start(1)
        root = yaml.compose(match.group(1), Loader=yaml.SafeLoader)
        if isinstance(root, yaml.MappingNode):
            for key, value in root.value:
                meta[key.value] = value.value if isinstance(value, yaml.ScalarNode) else None
                if key.value in FRONT_MATTER_TEXTS and isinstance(value, yaml.ScalarNode):
                    start, end = _value_span(text, value, front_start)
                    layout.spans.append((key.value, start, end))
                    layout.segments.append(Segment(key.value, value.value, f"{page}: front matter, {key.value}"))
                    layout.yaml_values.add(key.value)
    points = meta.get("numbered_points") == "true" if numbered_points is None else numbered_points
    _body(layout, text, body_start, page, points)
    return layout


def _blocks(text: str, start: int):
    """(offset, block text) for each run of non-blank lines from `start` on."""
    for match in re.finditer(r"(?:^[^\n]*\S[^\n]*(?:\n|$))+", text[start:], flags=re.M):
        block = match.group(0).rstrip("\n")
        yield start + match.start(), block


def _body(layout: Layout, text: str, body_start: int, page: str, points: bool) -> None:
    for number, (offset, block) in enumerate(_blocks(text, body_start), start=1):
        ident = f"b{number}"

        def add(sub: str, start: int, end: int, note: str) -> None:
            if text[start:end].strip() and not ONLY_MARKERS.match(text[start:end]):
                layout.spans.append((sub, start, end))
                layout.segments.append(Segment(sub, text[start:end], f"{page}: {note}"))

        if ONLY_MARKERS.match(block):
            continue
        if heading := HEADING.fullmatch(block):
            level = len(heading["hashes"].strip())
            add(ident, offset + heading.start("text"), offset + heading.end("text"), f"heading, level {level}")
        elif block.startswith("|"):
            _table(block, offset, ident, add)
        elif ITEM.match(block):
            _items(block, offset, ident, add, points)
        else:
            add(ident, offset, offset + len(block), "paragraph")


def _items(block: str, offset: int, ident: str, add, points: bool) -> None:
    starts = [m for m in re.finditer(r"^(?:[-*+]|\d+\.)[ \t]+", block, flags=re.M)]
    for index, item in enumerate(starts, start=1):
        end = starts[index].start() - 1 if index < len(starts) else len(block)
        bullet = ITEM.match(block, item.start())
        if bullet["number"]:
            note = f"point {bullet['number']}" if points else f"numbered item {bullet['number']}"
        else:
            note = f"list item {index}"
        add(f"{ident}.{index}", offset + item.end(), offset + end, note)


def _table(block: str, offset: int, ident: str, add) -> None:
    line_start = 0
    for row, line in enumerate(block.split("\n"), start=1):
        if not re.fullmatch(r"\|?[\s:|-]+\|?", line):  # not the separator row
            for column, cell in enumerate(re.finditer(r"(?<=\|)([^|]*?\S[^|]*?)(?=\s*\|)", line), start=1):
                text_start = cell.start() + len(cell.group(0)) - len(cell.group(0).lstrip())
                add(f"{ident}.r{row}c{column}", offset + line_start + text_start, offset + line_start + cell.end(), f"table row {row}, column {column}")
        line_start += len(line) + 1


# --- YAML texts: data/*.yml and strings/<lang>.yml ------------------------------------


def data_layout(text: str, name: str, language: str, source_language: str) -> tuple[Layout, Layout]:
    """A data file's per-language texts: (English segments, this language's segments).

    A per-language text is a mapping with the source language's key and only scalars;
    its id is its path (`sessions.exchanges.title`: list items by their `id`).
    """
    source, target = Layout(text), Layout(text)
    root = yaml.compose(text, Loader=yaml.SafeLoader)

    def walk(node: yaml.Node, path: list[str]) -> None:
        if isinstance(node, yaml.MappingNode):
            keys = {key.value: value for key, value in node.value}
            if source_language in keys and all(isinstance(v, yaml.ScalarNode) for v in keys.values()):
                ident = ".".join(path)
                for layout, code in ((source, source_language), (target, language)):
                    value = keys.get(code)
                    if value is not None:
                        layout.spans.append((ident, *_value_span(text, value)))
                        layout.yaml_values.add(ident)
                    layout.segments.append(Segment(ident, value.value if value is not None else "", f"data/{name}: {ident}"))
                return
            for key, value in node.value:
                walk(value, [*path, key.value])
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                label = str(index + 1)
                if isinstance(item, yaml.MappingNode):
                    label = next((v.value for k, v in item.value if k.value == "id" and isinstance(v, yaml.ScalarNode)), label)
                walk(item, [*path, label])

    if root is not None:
        walk(root, [])
    return source, target


def strings_layout(text: str, name: str) -> Layout:
    """An interface-strings file's texts: one segment per key whose value is a string."""
    layout = Layout(text)
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(value, yaml.ScalarNode) and value.tag.endswith(":str"):
                layout.spans.append((key.value, *_value_span(text, value)))
                layout.yaml_values.add(key.value)
                layout.segments.append(Segment(key.value, value.value, f"{name}: {key.value}"))
    return layout


def yaml_scalar(value: str) -> str:
    """A YAML scalar that reads back as `value`: plain where YAML allows, else double-quoted."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=math.inf, default_flow_style=True)
    dumped = dumped.removesuffix("\n...\n").removesuffix("\n")
    if "\n" in dumped or dumped.startswith("'"):
        dumped = '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    return dumped


def rebuild(layout: Layout, targets: dict[str, str]) -> str:
    """The file's text with each segment's place holding its target (unchanged ones kept as written)."""
    current = layout.by_id()
    parts, last = [], 0
    for ident, start, end in sorted(layout.spans, key=lambda span: span[1]):
        parts.append(layout.text[last:start])
        new = targets.get(ident)
        if new is None or new == current[ident].text:
            parts.append(layout.text[start:end])
        else:
            parts.append(yaml_scalar(new) if ident in layout.yaml_values else new)
        last = end
    parts.append(layout.text[last:])
    return "".join(parts)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")
