"""What changed in the English page since the version a translation translates.

    scripts/translations diff fr about

A translation records the version of its English page as `source_hash` (see
translation_status.py). This finds that version in the git history of the English
file (renames followed) and prints, as a unified diff, what changed since then, up to
the English file as it is now on disk. When no commit holds that version (it was
marked from an uncommitted English text, or the clone is shallow), it says so and
prints the English page's history instead.
"""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

from jumbo_site.translations.translation_status import MARKER, _split, source_hash, text_hash


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8")
    except FileNotFoundError as error:
        raise SystemExit("git is needed to read the English page's history; install git.") from error
    if result.returncode:
        raise SystemExit(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


# Every version of a file in the history, newest first: (commit, path at that commit).
def _versions(root: Path, path: str) -> list[tuple[str, str]]:
    log = _git(root, "log", "--follow", "--format=%x00%H", "--name-only", "--", path)
    versions = []
    for entry in log.split("\0")[1:]:
        commit, *names = entry.split()
        if names:
            versions.append((commit, names[0]))
    return versions


def english_as_translated(docs: Path, source_locale: str, locale: str, name: str) -> str | None:
    """The English text an outdated translation was made from (its source_hash), from git; None if not found."""
    source, translation = docs / source_locale / name, docs / locale / name
    recorded = str(_split(translation)[0].get(MARKER) or "") if translation.is_file() else ""
    if not recorded or recorded == source_hash(source):
        return None
    try:
        root = Path(_git(docs, "rev-parse", "--show-toplevel").strip())
        for commit, path in _versions(root, source.resolve().relative_to(root.resolve()).as_posix()):
            old = _git(root, "show", f"{commit}:{path}")
            if text_hash(old) == recorded:
                return old
    except SystemExit:  # no git, or not a repository: the export goes on without the old English
        return None
    return None


# (exit status, text): the diff, or why there is none.
def english_changes(docs: Path, source_locale: str, locale: str, name: str) -> tuple[int, str]:
    source, translation = docs / source_locale / name, docs / locale / name
    english, translated = f"docs/{source_locale}/{name}", f"docs/{locale}/{name}"
    if not source.is_file():
        return 1, f"{english} does not exist: there is no English page '{name[:-3]}'."
    if not translation.is_file():
        return 1, f"{translated} does not exist yet: translate all of {english}."
    recorded = str(_split(translation)[0].get(MARKER) or "")
    if not recorded:
        return 1, f"{translated} records no {MARKER}: compare it with {english} by hand, then run: scripts/translations mark {locale} {name[:-3]}"
    if recorded == source_hash(source):
        return 0, f"{translated} is up to date: {english} has not changed since it was translated ({MARKER} {recorded})."
    root = Path(_git(docs, "rev-parse", "--show-toplevel").strip())
    relative = source.resolve().relative_to(root.resolve()).as_posix()
    for commit, path in _versions(root, relative):
        old = _git(root, "show", f"{commit}:{path}")
        if text_hash(old) == recorded:
            when = _git(root, "log", "-1", "--format=%h %as %s", commit).strip()
            lines = difflib.unified_diff(
                old.replace("\r\n", "\n").splitlines(keepends=True),
                source.read_text(encoding="utf-8").replace("\r\n", "\n").splitlines(keepends=True),
                fromfile=f"{english} as translated ({MARKER} {recorded}, commit {when})",
                tofile=f"{english} now",
            )
            return 0, f"Changes to {english} since {translated} was translated:\n\n" + "".join(lines)
    history = _git(root, "log", "--follow", "--format=%h %as %s", "--", relative).strip() or "(no commits)"
    return 1, (
        f"No commit in the history of {english} has the version that {translated} records "
        f"({MARKER} {recorded}). It may have been marked from an uncommitted English text, or this "
        f"clone may lack the history (git fetch --unshallow). Compare by hand with the history of {english}:\n\n{history}"
    )
