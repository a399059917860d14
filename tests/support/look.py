"""What the look tests share (tests/{unit,site,browser}/test_look.py)."""

from __future__ import annotations

# --- The Serbian entries name their script -------------------------------------------

SERBIAN_NAMES = {"sr-Cyrl": "Српски (ћирилица)", "sr-Latn": "Srpski (latinica)"}
