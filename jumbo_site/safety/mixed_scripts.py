"""No word mixes Latin and Cyrillic letters.

A Cyrillic word with one Latin look-alike ("сè" typed with a Latin è, "Косово" with
a Latin o) looks right but is misspelt for search, screen readers and the Serbian
transliteration. Before anything is built, each language build reads its own pages
(docs/<language>/, Serbian Latin's from docs/sr/), its interface strings (Material's
too, where the site has them) and the English ones (strings/), and the
data files (data/); a word with letters
of both scripts stops the build, naming the file, the line and the letter to retype.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from mkdocs.exceptions import PluginError

from jumbo_site.languages.site_i18n import Language, SOURCE_LOCALE, current_language

WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=1024)
def _script(letter: str) -> str | None:
    name = unicodedata.name(letter, "")
    return "Latin" if name.startswith("LATIN") else "Cyrillic" if name.startswith("CYRILLIC") else None


# The letter of the minority script in a word of both scripts, with that script; else None.
@functools.lru_cache(maxsize=65536)
def _mixed(word: str) -> tuple[str, str] | None:
    scripts = [_script(letter) for letter in word]
    if "Latin" in scripts and "Cyrillic" in scripts:
        minority = min(("Latin", "Cyrillic"), key=scripts.count)
        return next(ch for ch, script in zip(word, scripts) if script == minority), minority
    return None


# The first mixed word of a text: (line, word, the letter of the minority script, its script).
def first_mixed_word(text: str) -> tuple[int, str, str, str] | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.isascii():
            continue  # ASCII has no Cyrillic
        for word in WORD.findall(line):
            if found := _mixed(word):
                return number, word, *found
    return None


# A file's first mixed word, looked for again only when the file changes: this runs in
# every language build (and every rebuild under `mkdocs serve`).
@functools.lru_cache(maxsize=4096)
def _first_mixed_word_in(path: Path, mtime_ns: int, size: int) -> tuple[int, str, str, str] | None:
    return first_mixed_word(path.read_text(encoding="utf-8"))


# What this language's build reads: (folder, pattern), from the project's root.
def sources(language: Language) -> tuple[tuple[str, str], ...]:
    folder = language.transliterate_from or language.locale
    own = (("strings", f"{language.locale}.yml"),) if language.transliterate_from else ()  # Serbian Latin's own texts
    return (f"docs/{folder}", "**/*.md"), ("data", "*.yml"), ("strings", f"{folder}.yml"), ("strings/material", f"{folder}.yml"), ("strings", f"{SOURCE_LOCALE}.yml"), *own


def on_pre_build(config):
    root = Path(config.config_file_path).parent
    for folder, pattern in sources(current_language(config)):
        for path in sorted((root / folder).glob(pattern)):
            stat = path.stat()
            if found := _first_mixed_word_in(path, stat.st_mtime_ns, stat.st_size):
                line, word, letter, script = found
                raise PluginError(
                    f"{path.relative_to(root).as_posix()}, line {line}: the word '{word}' mixes Latin and Cyrillic letters "
                    f"('{letter}' is {script}, U+{ord(letter):04X}): retype it in one script."
                )
