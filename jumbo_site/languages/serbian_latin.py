"""Serbian Latin pages, generated from the Serbian Cyrillic ones at build time.

A language whose table entry in mkdocs.yml says `extra: {transliterate_from: sr}`
has no folder of its own: editors maintain docs/sr/ only. Before anything reads
the docs, this hook copies docs/ to a temporary folder of this build (builds running
side by side each get their own), adds the Latin pages there, and points MkDocs at
that copy (mkdocs.yml `watch:` keeps live reload on the real docs/). The folder is
removed when the next build starts and when the process ends.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

from jumbo_site.build import editor_errors
from jumbo_site.languages.site_i18n import site_languages
from jumbo_site.languages.transliteration import markdown_to_latin

_copy: dict[str, Path] = {}  # this process's current copy of docs/


# Which folders are generated, and from which: {"sr-Latn": "sr"}.
def generated_languages(config) -> dict[str, str]:
    return {lang.locale: lang.transliterate_from for lang in site_languages(config) if lang.transliterate_from}


# Before the i18n plugin and before MkDocs lists the files.
def on_config(config):
    source = Path(config.docs_dir)
    if source == _copy.get("docs"):  # the i18n plugin's later builds of the same run
        return config
    generated = generated_languages(config)
    editor_errors.GENERATED_FOLDERS.update(generated)  # errors name docs/sr/…, the file that holds the text
    if not generated:
        return config
    _remove_copy()
    copy = _copy["docs"] = Path(tempfile.mkdtemp(prefix="jumbo-site-docs-"))
    shutil.copytree(source, copy, dirs_exist_ok=True)
    for target, origin in generated.items():
        if (source / target).exists():
            raise PluginError(
                f"docs/{target}/ exists, but mkdocs.yml generates '{target}' from docs/{origin}/: "
                f"edit docs/{origin}/ and delete docs/{target}/."
            )
        for page in sorted((source / origin).rglob("*.md")):
            latin = copy / target / page.relative_to(source / origin)
            latin.parent.mkdir(parents=True, exist_ok=True)
            latin.write_text(markdown_to_latin(page.read_text(encoding="utf-8")), encoding="utf-8")
    config.docs_dir = str(copy)
    return config


@atexit.register
def _remove_copy():
    if "docs" in _copy:
        shutil.rmtree(_copy.pop("docs"), ignore_errors=True)
