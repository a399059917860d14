"""What the setup tests share (tests/{unit,builds}/test_setup.py)."""

from __future__ import annotations

import re

from support.project import ROOT  # noqa: E402

REQUIREMENTS = ROOT / "requirements.txt"


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, tuple[str, list[str]]]:
    """{package: (version, hashes)} from requirements.txt."""
    entries = {}
    for block in re.split(r"\n(?=[A-Za-z])", REQUIREMENTS.read_text(encoding="utf-8")):
        if match := re.match(r"([A-Za-z0-9_.-]+)==(\S+)", block):
            entries[normalised(match[1])] = (match[2], re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return entries
