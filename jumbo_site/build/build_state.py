"""What one build knows while it runs, in one object, never in a module's globals.

The first step of every build (site_plugin.py) puts a BuildState into MkDocs'
configuration. The i18n plugin builds every language with that same configuration
object, and `mkdocs serve` reads the configuration again for every rebuild: so the
state lives exactly as long as one build of all its languages, and a rebuild starts
from nothing. tests/unit/test_pipeline.py fails on a module-level dict, list or set that
is not a constant or a cache keyed on what made it.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KEY = "site_build_state"


@dataclass
class BuildState:
    # conference_pages.py: the conference data, the number of points, the template macros.
    conference: Any = None
    points: int = 0
    macros: Any = None
    # conclusions_pdf.py, for the language being built: the PDF file, the page, its conclusions, the size.
    pdf: dict = field(default_factory=dict)
    # open_data.py: each language's entry, as its build reads its conclusions.
    open_data: dict[str, dict] = field(default_factory=dict)
    # point_tools.py: the English pages' point numbers, {page file name: {N, ...}}, that the translations must have.
    english_points: dict[str, set[int]] = field(default_factory=dict)
    # search_index.py: each language's sections, and the languages whose index is written.
    search_sections: dict[str, list[dict]] = field(default_factory=dict)
    search_written: set[str] = field(default_factory=set)
    # link_previews.py: the cards being drawn, (where each goes, the card).
    previews: list[tuple[Path, Future]] = field(default_factory=list)
    # used_styles.py: what every finished page holds (elements, classes, attributes), as content_security.py read it.
    page_usage: Any = None


def on_config(config):
    if KEY not in config:  # the i18n plugin's later language builds reuse the configuration
        config[KEY] = BuildState()
    return config


def state(config) -> BuildState:
    return config[KEY]
