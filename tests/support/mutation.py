"""scripts/mutation: measure what the tests catch. Each entry of tests/mutations.yml is a
small, realistic defect (a patch to one file); it is applied alone in a throw-away copy of
the project, the tests it names run there (pytest -x, this Python, CI=true), and a table
says which defects were caught, by which test, and how soon. A maintainers' tool, not CI:
a defect missed, or an entry that no longer applies to the tree, makes it exit non-zero.

  scripts/mutation                 every defect
  scripts/mutation ID...           only these
  scripts/mutation --list          the catalogue, without running anything
  scripts/mutation -j 2            two defects at a time (each in its own copy)
  scripts/mutation --control       the named tests on an unchanged copy: they must pass
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "tests" / "mutations.yml"
SKIPPED = (".git", ".venv", "site", "node_modules")  # never copied (node_modules is linked)
MANIFEST = "jumbo_site/theme/site_assets.py"  # the reviewed scripts' and stylesheets' sha256
HASHED = re.compile(r"docs/(assets/(?:stylesheets/[^/]+\.css|javascripts/[^/]+\.js))")
TIMEOUT = 1800  # seconds for one defect's tests
FIELDS = {"id", "concern", "what", "file", "find", "replace", "tests", "regex"}


class CatalogueError(Exception):
    """An entry that is malformed or no longer applies: names the catalogue, entry and file."""


@dataclasses.dataclass(frozen=True)
class Defect:
    id: str
    concern: str
    what: str
    file: str
    find: str
    replace: str
    tests: tuple[str, ...]
    regex: bool = False

    def apply(self, text: str) -> str:
        """The file's text with the defect in it; the find text must match exactly once."""
        count = len(re.findall(self.find, text, flags=re.M)) if self.regex else text.count(self.find)
        if count != 1:
            raise CatalogueError(f"{CATALOGUE.name}: entry {self.id}: its find {'regex' if self.regex else 'text'} matches {count} times in {self.file}, not once")
        return re.sub(self.find, self.replace, text, flags=re.M) if self.regex else text.replace(self.find, self.replace)


def load(path: Path = CATALOGUE) -> list[Defect]:
    """The catalogue's entries, each checked for its fields; ids unique."""
    defects, seen = [], set()
    for index, entry in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
        name = f"{path.name}: entry {index} ({entry.get('id', 'no id') if isinstance(entry, dict) else entry!r})"
        if not isinstance(entry, dict):
            raise CatalogueError(f"{name}: not a mapping")
        if unknown := set(entry) - FIELDS:
            raise CatalogueError(f"{name}: unknown field(s) {sorted(unknown)}")
        for field in sorted(FIELDS - {"regex"}):
            if field not in entry or (entry[field] in (None, "", []) and field != "replace"):
                raise CatalogueError(f"{name}: field '{field}' is missing or empty")  # replace may be "": a deletion
        if entry["id"] in seen:
            raise CatalogueError(f"{name}: duplicate id '{entry['id']}'")
        seen.add(entry["id"])
        tests = entry["tests"] if isinstance(entry["tests"], list) else [entry["tests"]]
        defects.append(Defect(str(entry["id"]), str(entry["concern"]), str(entry["what"]), str(entry["file"]), str(entry["find"]), str(entry["replace"]), tuple(map(str, tests)), bool(entry.get("regex", False))))
    return defects


def check_applies(defect: Defect, root: Path = ROOT) -> None:
    """The entry applies to the tree: its file exists, its find matches once, its test files
    and the test functions it names exist."""
    path = root / defect.file
    if not path.is_file():
        raise CatalogueError(f"{CATALOGUE.name}: entry {defect.id}: no file {defect.file}")
    defect.apply(path.read_text(encoding="utf-8"))
    for test in defect.tests:
        file, *names = test.split("::")
        if not (root / file).exists():
            raise CatalogueError(f"{CATALOGUE.name}: entry {defect.id}: no test file {file}")
        if names and f"def {names[-1].split('[')[0]}(" not in (root / file).read_text(encoding="utf-8"):
            raise CatalogueError(f"{CATALOGUE.name}: entry {defect.id}: no test {names[-1]} in {file}")


def copy_project(target: Path, root: Path = ROOT) -> Path:
    """The files git tracks, and those it would (untracked, not ignored), copied to target;
    node_modules linked. Never .git, .venv or a built site/."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=root, capture_output=True, check=True).stdout
    for name in sorted(set(listed.decode().split("\0")) - {""}):
        if name.split("/")[0] in SKIPPED or not (root / name).is_file():
            continue  # a folder or symlink (node_modules) or a tracked file deleted in the work tree
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, target / name)
    if (root / "node_modules").exists():
        (target / "node_modules").symlink_to((root / "node_modules").resolve())
    return target


def apply(defect: Defect, project: Path) -> None:
    """Write the defect into the project copy; a changed script or stylesheet comes with
    its new sha256 in the manifest, as a reviewed change would."""
    path = project / defect.file
    path.write_text(defect.apply(path.read_text(encoding="utf-8")), encoding="utf-8", newline="")
    if asset := HASHED.fullmatch(defect.file):
        manifest = project / MANIFEST
        text = manifest.read_text(encoding="utf-8")
        line = re.search(rf'^    "{re.escape(asset[1])}": "([0-9a-f]{{64}})",$', text, flags=re.M)
        if not line:
            raise CatalogueError(f"{CATALOGUE.name}: entry {defect.id}: {asset[1]} has no sha256 line in {MANIFEST}")
        digest = hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()
        manifest.write_text(text.replace(line[1], digest), encoding="utf-8")


def python_of(project: Path) -> dict:
    """Where Python, run in the copy as the tests run, finds the build and the tests' helpers."""
    probe = "import jumbo_site, support.project as p; print(jumbo_site.__file__); print(p.ROOT)"
    out = subprocess.run([sys.executable, "-c", probe], cwd=project, env={**os.environ, "PYTHONPATH": "tests"}, capture_output=True, text=True, check=True).stdout.split()
    return {"jumbo_site": Path(out[0]), "tests": Path(out[1])}


@dataclasses.dataclass
class Result:
    defect: Defect
    caught: bool
    by: str
    seconds: float


def first_failure(output: str) -> str:
    """The node id of the first FAILED or ERROR line of pytest's summary, else ''."""
    for line in output.splitlines():
        if match := re.match(r"(FAILED|ERROR) (.+?)(?: - .*)?$", line):
            return f"{match[1]} {match[2]}"
    return ""


def run(defect: Defect, workdir: Path) -> Result:
    project = copy_project(workdir / defect.id)
    found = python_of(project)
    for what, path in found.items():
        if not path.resolve().is_relative_to(project.resolve()):
            raise SystemExit(f"error: in the copy, Python imports {what} from {path}, not from the copy {project}")
    apply(defect, project)
    start = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *defect.tests], cwd=project, env=pytest_env(), capture_output=True, text=True, timeout=TIMEOUT)
        output, code = done.stdout + done.stderr, done.returncode
    except subprocess.TimeoutExpired:
        output, code = "", -1
    seconds = time.monotonic() - start
    shutil.rmtree(project, ignore_errors=True)
    if code == -1:
        return Result(defect, False, f"(timeout after {TIMEOUT} s)", seconds)
    if code == 0:
        return Result(defect, False, "", seconds)
    by = first_failure(output)
    if not by:  # pytest stopped without a failed test: collection or usage error, not a catch
        return Result(defect, False, f"(pytest exit {code}: {output.strip().splitlines()[-1] if output.strip() else 'no output'})", seconds)
    return Result(defect, True, by, seconds)


def control(defects: list[Defect]) -> int:
    """The tests the defects name, on an unchanged copy: a catch means something only if they pass there."""
    tests = list(dict.fromkeys(test for defect in defects for test in defect.tests))
    with tempfile.TemporaryDirectory(prefix="mutation-") as workdir:
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests], cwd=copy_project(Path(workdir) / "control"), env=pytest_env(), capture_output=True, text=True)
    print((done.stdout + done.stderr).strip().splitlines()[-1])
    return 0 if done.returncode == 0 else 1


def pytest_env() -> dict:
    return {**os.environ, "CI": "true", "BROWSER_PATH": os.environ.get("BROWSER_PATH") or "/usr/bin/chromium"}


def row(*cells) -> str:
    id_, concern, verdict, seconds, by = cells
    by = re.sub(r"\[(.{40}).+\]$", r"[\1…]", by)  # a long parameter id, shortened
    return f"{id_:<30} {concern:<14} {verdict:<7} {seconds:>7}  {by}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/mutation", description=__doc__.split("\n\n")[0])
    parser.add_argument("ids", nargs="*", help="run only these defects")
    parser.add_argument("--list", action="store_true", help="list the catalogue and exit")
    parser.add_argument("--control", action="store_true", help="run the tests the defects name on an unchanged copy (they must pass)")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="defects run at a time (default 1)")
    args = parser.parse_args(argv)
    try:
        defects = load()
        if unknown := sorted(set(args.ids) - {d.id for d in defects}):
            raise CatalogueError(f"{CATALOGUE.name}: no entry {', '.join(unknown)}")
        chosen = [d for d in defects if not args.ids or d.id in args.ids]
        for defect in chosen:
            check_applies(defect)
    except CatalogueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.list:
        for d in chosen:
            print(f"{d.id:<30} {d.concern:<14} {d.file:<46} {d.what}")
        return 0
    if args.control:
        return control(chosen)
    print(row("defect", "concern", "result", "seconds", "by (first failed test)"), flush=True)
    results, start = {}, time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mutation-") as workdir, concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        for result in pool.map(lambda defect: run(defect, Path(workdir)), chosen):  # in the catalogue's order
            results[result.defect.id] = result
            print(row(result.defect.id, result.defect.concern, "caught" if result.caught else "MISSED", f"{result.seconds:.1f}", result.by), flush=True)
    results = list(results.values())
    missed = [r.defect.id for r in results if not r.caught]
    print(f"\n{len(results) - len(missed)} of {len(results)} defects caught in {time.monotonic() - start:.0f} s" + (f"; MISSED: {', '.join(missed)}" if missed else ""))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
