"""Which translations are up to date, outdated, missing, or drifted from the English.

Each translated page says in its front matter which version of its English source it
translates: `source_hash`, the first 12 hex digits of the SHA-256 of the English file.
Editors never compute it: `scripts/translations mark` writes it (translations_cli.py).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from jumbo_site.data.markers import markers_in
from jumbo_site.data.strict_yaml import SafeLoader

ROOT = Path(__file__).resolve().parent.parent.parent
DOCS = ROOT / "docs"
MARKER = "source_hash"

UP_TO_DATE, OUTDATED, MISSING = "up to date", "outdated", "missing"
NO_MARKER, UNKNOWN_SOURCE, DRIFT = "no source_hash", "unknown source", "structural drift"
MALFORMED = (NO_MARKER, UNKNOWN_SOURCE, DRIFT)  # what --check fails on

HEADING = re.compile(r"^(#{1,6})\s", re.M)
POINT = re.compile(r"^\d+\.\s", re.M)
TARGET = re.compile(r"\]\(([^)\s]+)")  # Markdown link targets


@dataclass
class Status:
    state: str
    problems: list[str] = field(default_factory=list)


def source_hash(path: Path) -> str:
    """The version of an English page: it changes whenever its text changes."""
    return text_hash(path.read_text(encoding="utf-8"))


def text_hash(text: str) -> str:
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:12]


# A page's front matter and body, read again only when the file changes (every
# language build asks for the English pages; `mkdocs serve` runs for hours).
def _split(path: Path) -> tuple[dict, str]:
    stat = path.stat()
    return _split_version(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4096)
def _split_version(path: Path, mtime_ns: int, size: int) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    match = YAML_RE.match(text)
    if not match:
        return {}, text
    meta = yaml.load(match.group(1), Loader=SafeLoader) or {}
    return (meta if isinstance(meta, dict) else {}), text[match.end() :]


def structure(body: str) -> dict:
    """What a faithful translation keeps: heading levels, numbered points, link targets, markers."""
    return {
        "headings": [len(h) for h in HEADING.findall(body)],
        "numbered points": len(POINT.findall(body)),
        "link targets": sorted(t for t in TARGET.findall(body) if "://" not in t),
        # [[date]] may be written out where a language's grammar needs another case
        # than CLDR's (Serbian "6. децембра 2021."); tests/unit/test_faithfulness.py checks it.
        "markers": sorted(m for m in markers_in(body) if m != "[[date]]"),
    }


def drift(source: Path, translation: Path) -> list[str]:
    """How the translation's structure differs from its English source's."""
    theirs, ours = structure(_split(source)[1]), structure(_split(translation)[1])
    problems = []
    for part, english in theirs.items():
        if ours[part] != english:
            if isinstance(english, list) and part != "headings":
                missing = list((Counter(english) - Counter(ours[part])).elements())
                extra = list((Counter(ours[part]) - Counter(english)).elements())
                detail = "; ".join(filter(None, [missing and f"missing {', '.join(missing)}", extra and f"extra {', '.join(extra)}"]))
            else:
                detail = f"English {english}, here {ours[part]}"
            problems.append(f"{part} differ ({detail})")
    return problems


def page_status(source: Path, translation: Path) -> Status:
    if not source.is_file():
        return Status(UNKNOWN_SOURCE, [f"no English page docs/{source.parent.name}/{source.name}"])
    if not translation.is_file():
        return Status(MISSING)
    if problems := drift(source, translation):
        return Status(DRIFT, problems)
    recorded = _split(translation)[0].get(MARKER)
    if not recorded:
        return Status(NO_MARKER, [f"run: scripts/translations mark {translation.parent.name} {translation.stem}"])
    return Status(UP_TO_DATE if recorded == source_hash(source) else OUTDATED)


def translated_pages(docs: Path, source_locale: str) -> list[str]:
    """Pages to translate: every English page but those marked `translate: false`."""
    return sorted(p.name for p in (docs / source_locale).glob("*.md") if _split(p)[0].get("translate", True) is not False)


def report(docs: Path, source_locale: str, locales: list[str]) -> dict[tuple[str, str], Status]:
    """The status of every (language, page), including translations of no English page."""
    pages = translated_pages(docs, source_locale)
    table = {}
    for locale in locales:
        names = set(pages) | {p.name for p in (docs / locale).glob("*.md")}
        for name in sorted(names):
            table[locale, name] = page_status(docs / source_locale / name, docs / locale / name)
    return table


def mark(docs: Path, source_locale: str, locale: str, name: str) -> None:
    """Record that docs/<locale>/<name> translates the current English text."""
    translation, source = docs / locale / name, docs / source_locale / name
    text = translation.read_text(encoding="utf-8")
    match = YAML_RE.match(text)
    if not match:
        raise SystemExit(f"docs/{locale}/{name}: no front matter to record {MARKER} in.")
    front = re.sub(rf"^{MARKER}:.*\n", "", match.group(1), flags=re.M)
    value = source_hash(source)
    if not isinstance(yaml.safe_load(value), str):  # all digits: YAML would read a number
        value = f'"{value}"'
    translation.write_text(f"---\n{front}{MARKER}: {value}\n---\n" + text[match.end() :], encoding="utf-8")

