"""What the language codes tests share (tests/{unit,site}/test_language_codes.py)."""

from __future__ import annotations


class _EnvLoader(__import__("yaml").SafeLoader):
    pass
