"""Where the take-aways are in a built site."""

from __future__ import annotations

from pathlib import Path

from jumbo_site.takeaways.takeaways import pdf_name


def pdf_path(site: Path, language) -> Path:
    """The conclusions PDF of a language in a built site."""
    return site / language.prefix / pdf_name(language)
