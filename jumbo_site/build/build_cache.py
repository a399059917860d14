"""What one build keeps for the next: compiled templates, drawn cards, read conclusions.

Not a hook: shared_theme.py, link_previews.py and takeaways.py use it. Every entry is
found by a hash of what made it (the template's source; the card's words, fonts and
drawing code; the conclusions page's HTML and the code that reads it), in a folder
of its own for each Python and each version of the packages that make entries
(TOOLS), so an entry is not read again once an input changes: a changed input is a
new key. Deleting the folder is always safe.

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
TOOLS = ("jinja2", "markupsafe", "mkdocs", "mkdocs-material", "pillow", "beautifulsoup4")  # their output is kept


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


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates: in memory for this process, on disk for the next one.

    Jinja names an entry by template and file, and stores the source's checksum in it;
    an entry whose checksum differs from the source's is compiled again.
    """

    def __init__(self):
        self.memory: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key not in self.memory and (folder := cache_dir()) is not None:
            try:
                self.memory[bucket.key] = (folder / "templates" / bucket.key).read_bytes()
            except OSError:
                return
        if bucket.key in self.memory:
            bucket.bytecode_from_string(self.memory[bucket.key])

    # Whether a template is compiled with escaping (shared_theme.py) is in its code,
    # not in its source: so it is in the entry's name too.
    def get_bucket(self, environment, name, filename, source):
        escaped = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
        bucket = jinja2.bccache.Bucket(environment, self.get_cache_key(name, filename) + ("-escaped" if escaped else ""), self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def dump_bytecode(self, bucket):
        self.memory[bucket.key] = data = bucket.bytecode_to_string()
        if (folder := cache_dir()) is not None:
            _write(folder / "templates" / bucket.key, data)
