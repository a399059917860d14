"""What one build keeps for the next: compiled templates, drawn cards, read conclusions.

Not a hook: shared_theme.py, link_previews.py and takeaways.py use it. Every entry is
found by a hash of everything that made it (the template's source; the card's words,
fonts and drawing code; the conclusions page's HTML and the code that reads it), so
an entry is never stale: a changed input is a new key, and an old
entry is simply not read again. Deleting the folder is always safe.

Where: SITE_CACHE names the folder; SITE_CACHE=off keeps nothing between builds
(`scripts/benchmark-build` uses it for its cold figures). Otherwise
$XDG_CACHE_HOME/jumbo-2021-site, or ~/.cache/jumbo-2021-site, shared by every copy of
the project on the machine, so the tests' many builds share it too.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import jinja2

CACHE_SWITCH = "SITE_CACHE"


# The cache folder, or None when SITE_CACHE=off.
def cache_dir() -> Path | None:
    chosen = os.environ.get(CACHE_SWITCH, "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jumbo-2021-site"


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
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only or full disk only costs the next build the work again


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

    def dump_bytecode(self, bucket):
        self.memory[bucket.key] = data = bucket.bytecode_to_string()
        if (folder := cache_dir()) is not None:
            _write(folder / "templates" / bucket.key, data)
