"""Throw-away copies of the project (copy_project, build_languages), and `scripts/serve`
on such a copy, driven as an editor's browser would: load a page, save an edit, wait
on MkDocs' live-reload endpoint, load the page again. Used by the tests (through
conftest.py) and scripts/benchmark-build."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from support.project import ROOT  # noqa: E402

# The script that MkDocs' live reload puts into every served page: livereload(epoch, request id).
LIVERELOAD = re.compile(r"livereload\((\d+), (\d+)\)")


def copy_project(target: Path, root: Path = ROOT) -> Path:
    """The sources a build reads (docs, data, strings, overrides, the build's package,
    mkdocs.yml), copied to target. A build run from the copy (its working folder) imports the
    copy's package."""
    for name in ("docs", "data", "strings", "overrides", "jumbo_site"):
        if not (root / name).exists():
            continue  # an older tree (scripts/benchmark-build --baseline): strings and build in overrides/
        shutil.copytree(root / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(root / "mkdocs.yml", target / "mkdocs.yml")
    return target


def build_languages(project: Path, locales: list[str]) -> None:
    """Build some languages only (the rest `build: false`), all at their usual URLs."""
    config = project / "mkdocs.yml"
    blocks = re.split(r"(?m)^(?=        - locale: )", config.read_text(encoding="utf-8"))
    for index, block in enumerate(blocks):
        match = re.match(r"        - locale: (\S+)", block)
        if match and match[1] not in locales:
            assert "          build: true\n" in block
            blocks[index] = block.replace("          build: true\n", "          build: false\n")
    config.write_text("".join(blocks), encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LivePreview:
    """`scripts/serve ARGS -f PROJECT/mkdocs.yml` on a free loopback port, stopped on exit.
    (`serve` may name another command, e.g. `mkdocs serve` for an older tree; `env` adds
    to the environment.)"""

    def __init__(self, project: Path, *args: str, start_timeout: float = 180, serve: list[str] | None = None, env: dict | None = None):
        self.project, self.args, self.start_timeout = project, args, start_timeout
        self.serve, self.extra_env = serve or [str(ROOT / "scripts/serve")], env or {}
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = Path(tempfile.mkstemp(prefix="serve-", suffix=".log")[1])

    def __enter__(self) -> LivePreview:
        command = [*self.serve, *self.args, "-f", str(self.project / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{self.port}"]
        env = {**os.environ, "SITE_URL": self.url, **self.extra_env}
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"scripts/serve stopped:\n{self.output()}")
            try:
                self.get("")
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise TimeoutError(f"scripts/serve did not answer within {self.start_timeout:.0f} s:\n{self.output()}")

    def __exit__(self, *exc) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)  # its own session: mkdocs and nothing else
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str, timeout: float = 30) -> str:
        with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
            return response.read().decode("utf-8")

    def edit_and_reload(self, source: str, old: str, new: str, page: str, timeout: float = 60) -> tuple[float, str]:
        """Replace old by new in PROJECT/source, as an editor saves a file; return the
        seconds until the browser has reloaded the page, and the reloaded page."""
        match = LIVERELOAD.search(self.get(page))
        if not match:
            raise AssertionError(f"{page} has no live-reload script")
        path = self.project / source
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{source} does not contain {old!r}"
        start = time.monotonic()
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        # What the page's script does: ask for a newer epoch; the answer comes once the rebuild is done.
        epoch = int(self.get(f"livereload/{match[1]}/{match[2]}", timeout=timeout))
        if epoch <= int(match[1]):
            raise TimeoutError(f"no reload within {timeout:.0f} s of saving {source}:\n{self.output()[-3000:]}")
        html = self.get(page)
        return time.monotonic() - start, html
