"""The folders editors change hold plain files of the repository, never links.

docs/, data/ and the interface strings (strings/) come from pull requests.
A symbolic link there can point anywhere on the build machine (/etc/passwd,
/proc/self/environ): MkDocs would publish its target as a page or an asset, the
Serbian Latin copy would copy it, the data and strings readers would read it; a
link to nothing gave a traceback. So, before anything reads these folders, every
entry in them must be a regular file or folder (no link, pipe or device) whose real
path is inside the repository; otherwise the build stops naming the path.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

CONTENT_FOLDERS = ("docs", "data", "strings")


def content_problem(root: Path) -> str | None:
    """The first entry of the content folders that is not a plain file or folder of the repository, with why."""
    real_root = root.resolve()
    for folder in CONTENT_FOLDERS:
        pending = [root / folder]  # a stack, not recursion: a chain of a thousand folders is no traceback
        while pending:
            path = pending.pop()
            if problem := _entry_problem(root, path, real_root if path == root / folder else None):
                return problem
            if path.is_dir() and not path.is_symlink():
                with os.scandir(path) as entries:
                    pending += sorted((Path(entry.path) for entry in entries), reverse=True)
    return None


# (Only a content folder's own real path is resolved: inside it, an entry that is no link
# stays where its folder is, and resolving every path would be quadratic in the depth.)
def _entry_problem(root: Path, path: Path, real_root: Path | None) -> str | None:
    name = path.relative_to(root).as_posix()
    if path.is_symlink():
        target = os.readlink(path)
        exists = "" if path.exists() else ", which does not exist"
        return f"{name}: a symbolic link (to '{target}'{exists}); the folders docs/, data/ and strings/ hold files, not links: put the file itself there."
    if not path.exists():
        return None  # a content folder the project does not have; the readers say what is missing
    if real_root is not None and not path.resolve().is_relative_to(real_root):
        return f"{name}: its real path is outside the repository; content must be files of the repository."
    if not path.is_dir() and not path.is_file():
        return f"{name}: not a regular file (a pipe, socket or device); content must be ordinary files."
    return None


# Before anything reads the folders: Serbian Latin copies docs/ next.
def on_config(config):
    if problem := content_problem(Path(config.config_file_path).parent):
        raise PluginError(problem)
    return config
