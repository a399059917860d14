"""What one build keeps for the next: compiled templates, drawn cards, read conclusions,
data files found valid against their schemas, calendar files.

Not a hook: shared_theme.py, link_previews.py, takeaways.py, data_schema.py and
calendar_file.py use it. Every entry is found by a hash of what made it (the card's words,
fonts and drawing code; the conclusions page's HTML and the code that reads it; the data as
read, its schema and the code that checks it; the values a calendar prints, its code and its
zone's rules), in a folder of its own for each
Python and each version of the packages that make entries (TOOLS), so an entry is not
read again once an input changes: a changed input is a new key. Compiled templates are
Jinja's own file cache (TemplateCache): named by template, file and escaping, each holds
its source's checksum, and one whose source changed is compiled again. Deleting the
folder is always safe.

Where: SITE_CACHE names the folder; SITE_CACHE=off keeps nothing between builds
(`scripts/benchmark-build` uses it for its cold figures). Otherwise
$XDG_CACHE_HOME/jumbo-2021-site, or ~/.cache/jumbo-2021-site, shared by every copy of
the project on the machine, so the tests' many builds share it too. Compiled
templates are code, so the folder must be the builder's own and writable by nobody
else (it is made so): otherwise the build stops and says so.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError

CACHE_SWITCH = "SITE_CACHE"
TOOLS = ("jinja2", "markupsafe", "mkdocs", "mkdocs-material", "pillow", "beautifulsoup4", "jsonschema", "referencing", "jsonschema-specifications", "icalendar")  # their output is kept


# This build's folder of the cache, or None when SITE_CACHE=off.
def cache_dir() -> Path | None:
    chosen = os.environ.get(CACHE_SWITCH, "").strip()
    if chosen.lower() == "off":
        return None
    folder = Path(chosen) if chosen else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jumbo-2021-site"
    return _checked(folder) / _toolchain()


# The folder, made if need be, once it is known to be the builder's own.
@functools.cache
def _checked(folder: Path) -> Path:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except OSError as error:
        raise PluginError(f"The build cache {folder} cannot be made ({error.strerror}): set SITE_CACHE to another folder, or SITE_CACHE=off.") from None
    owner = os.getuid() if hasattr(os, "getuid") else info.st_uid
    others_can_swap = any(_writable_by_others(parent.stat().st_mode) and not parent.stat().st_mode & stat.S_ISVTX for parent in folder.resolve().parents)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != owner or _writable_by_others(info.st_mode) or others_can_swap:
        raise PluginError(
            f"The build cache {folder} is not a folder of yours that only you can write, in folders others cannot "
            "change, and it holds code the build runs (compiled templates): set SITE_CACHE to such a folder, or SITE_CACHE=off."
        )
    return folder


def _writable_by_others(mode: int) -> bool:
    return bool(mode & (stat.S_IWGRP | stat.S_IWOTH))


# Python's version and the versions of the packages whose output is kept, as a folder name.
@functools.cache
def _toolchain() -> str:
    return key(sys.version, *(f"{name}=={importlib.metadata.version(name)}" for name in TOOLS))[:16]


# A key for the inputs: strings and bytes, in order.
def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


# The bytes kept under kind/key, made (and kept) by make() when there are none.
def cached(kind: str, entry: str, make: Callable[[], bytes]) -> bytes:
    folder = cache_dir()
    if folder is None:
        return make()
    path = folder / kind / entry
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    _write(path, data)
    return data


# Written whole or not at all, so builds running side by side never read half a file.
def _write(path: Path, data: bytes) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:  # a read-only or full disk only costs the next build the work again
        if temporary:
            Path(temporary).unlink(missing_ok=True)


# Compiled templates for this build's folder, one cache a folder and process (the language
# builds share it): Jinja's own file cache, or with SITE_CACHE=off, memory for this process only.
def template_cache() -> jinja2.BytecodeCache:
    return _template_cache(cache_dir())


@functools.cache
def _template_cache(folder: Path | None) -> jinja2.BytecodeCache:
    return TemplateCache(folder / "templates") if folder is not None else TemplateMemory()


class EscapingInKey:
    """Whether Jinja compiles a template with escaping (shared_theme.py's AUTOESCAPED) is in
    its code, not its source, so it is in the entry's key too: a change of that list is a new key."""

    def get_bucket(self, environment, name, filename, source):
        escaped = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
        bucket = jinja2.bccache.Bucket(environment, self.get_cache_key(name, filename) + ("-escaped" if escaped else ""), self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


class TemplateCache(EscapingInKey, jinja2.FileSystemBytecodeCache):
    """Compiled templates kept for the next build: Jinja's FileSystemBytecodeCache.

    Jinja names an entry by the template's name and file (and escaping, above), and an
    entry starts with Jinja's bytecode format and Python's major.minor and then the
    source's checksum: an entry whose header or checksum differs is compiled again and
    replaced, so a changed template is never run from its old code. The folder is one
    per Python (its full version) and per version of Jinja, MarkupSafe, MkDocs and
    Material (cache_dir()), so no other toolchain's code is read either.
    No memory layer in front: each language build reads its entries from disk again, and
    a full build takes as long as with the hand-written memory-and-disk cache this replaced
    (medians of 7, interleaved, 2 cores: 2.66 s against 2.64 s, 2.23 s of CPU against 2.31).
    """

    def __init__(self, folder: Path):
        super().__init__(str(folder))

    # A write that fails (a full or read-only disk) only costs the next build the compiling.
    def dump_bytecode(self, bucket):
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


class TemplateMemory(EscapingInKey, jinja2.BytecodeCache):
    """With SITE_CACHE=off, compiled templates for this process only (Jinja has no memory
    cache): without it each language build compiles every template again, and a full build
    takes 4.27 s of CPU instead of 3.03 (medians of 7). Entries hold the source's checksum,
    as on disk: a changed template is compiled again."""

    def __init__(self):
        self.entries: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.entries:
            bucket.bytecode_from_string(self.entries[bucket.key])

    def dump_bytecode(self, bucket):
        self.entries[bucket.key] = bucket.bytecode_to_string()
