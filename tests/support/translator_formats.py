"""What the translator formats tests share (tests/{unit,builds}/test_translator_formats.py)."""

from __future__ import annotations

from pathlib import Path

from translate.storage import xliff


def edit_xliff(path: Path, ident: str, change) -> None:
    store = xliff.xlifffile.parsestring(path.read_bytes())
    for unit in store.units:
        if unit.xmlelement.get("id") == ident:
            unit.target = change(str(unit.target))
    path.write_bytes(bytes(store))
