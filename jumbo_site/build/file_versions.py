"""A file's version, as the key of a cache of what was read from it.

Every cache of what editors and translators write (the interface strings, the data,
the glossary) takes the versions of the files it read as part of its key, so that
`scripts/serve`, one process for many builds, never shows a value read before a save.

A version is (inode, modification time in nanoseconds, size): an editor that saves in
place changes the time (and mostly the size), one that saves by renaming a new file
over the old changes the inode. Asking costs one stat, a few microseconds, so a cache
asks on every call instead of being cleared at some moment of the build. (Two saves in
place within one tick of the file system's clock, a few milliseconds, that keep the
size would look alike: no editor saves that fast.)
"""

from __future__ import annotations

import os
from pathlib import Path


# The file's version, or None when there is no such file (its reader says what is wrong).
# A path as text will do: the strings' readers ask thousands of times a build.
def version(path: Path | str) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


# The versions of the files of a folder that match pattern, by name: a file added or
# removed changes them too.
def folder_versions(folder: Path, pattern: str) -> tuple[tuple[str, tuple[int, int, int] | None], ...]:
    return tuple((path.name, version(path)) for path in sorted(folder.glob(pattern)))
