"""What the reading tests share (tests/{site,browser}/test_reading.py)."""

from __future__ import annotations

import functools

from support.project import ROOT


@functools.cache
def config():
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))
