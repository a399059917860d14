"""Material's interface strings for the languages Material has no file for.

Not a hook: page_language.py hands the result to overrides/partials/language.html,
the one template that prints Material's strings. Material ships a Jinja file per
language (partials/languages/<code>.html); a language it lacks (Bosnian,
Montenegrin) has a plain-text data file instead, strings/material/<code>.yml,
with the text keys of Material's English file, checked as plain text like the
site's own strings. Where Material has a file but one of its texts is wrong, the
same folder holds the correction alone (sq.yml: Material's Albanian names the search
box "Vendmbajtës", "placeholder"; the site says "Kërko"), over Material's texts read
as data. A translator never writes a template: the data is never compiled, only
printed. A generated language (Serbian Latin) transliterates its origin's strings.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import material
from jinja2 import Environment, nodes
from mkdocs.exceptions import PluginError

from jumbo_site.build.file_versions import version
from jumbo_site.languages.site_i18n import Language, STRINGS_DIR, read_strings
from jumbo_site.languages.transliteration import to_latin

MATERIAL_STRINGS_DIR = STRINGS_DIR / "material"
MATERIAL_LANGUAGES = Path(material.__path__[0]) / "templates/partials/languages"
# Material's settings, not texts: they stay Material's (English file's) values.
SETTINGS = ("language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator")


# The strings language.html prints for this language instead of Material's file, or
# None where Material has a file for it.
def material_strings_for(language: Language) -> dict[str, str] | None:
    if language.transliterate_from:
        origin = _data_strings(language.transliterate_from) or shipped_strings(language.transliterate_from)
        return {key: to_latin(value) for key, value in origin.items()}
    strings = _data_strings(language.locale)
    if strings is None and not _ships(language.locale):
        raise PluginError(
            f"Material has no interface strings for '{language.locale}': add strings/material/{language.locale}.yml "
            "(copy bs.yml beside it and translate the values)."
        )
    return strings


# A data file's strings with Material's settings, or None when there is no file.
def _data_strings(locale: str) -> dict[str, str] | None:
    path = MATERIAL_STRINGS_DIR / f"{locale}.yml"
    return _data_strings_of(path, version(path), locale) if path.is_file() else None


@lru_cache(maxsize=32)  # keyed on the file and its version (file_versions.py): an edit is read anew
def _data_strings_of(path: Path, file_version: tuple | None, locale: str) -> dict[str, str]:
    strings = read_strings(path)
    english = shipped_strings("en")
    where = path.relative_to(STRINGS_DIR.parent)
    texts = [key for key in english if key not in SETTINGS]
    ships = _ships(locale)  # then the file holds corrections of Material's own texts only
    if not ships and (missing := [key for key in texts if key not in strings]):
        raise PluginError(f"{where}: missing key(s) {', '.join(missing)}: add them, translated from Material's English strings.")
    if unknown := sorted(set(strings) - set(texts)):
        raise PluginError(f"{where}: unknown key(s) {', '.join(unknown)}: the keys are Material's text keys (not its settings {', '.join(SETTINGS)}); remove them.")
    if ships:
        shipped = shipped_strings(locale)
        if same := sorted(key for key, value in strings.items() if shipped.get(key) == value):
            raise PluginError(f"{where}: key(s) {', '.join(same)} only repeat Material's own text: remove them.")
        return {**english, **shipped, **strings}
    return {key: strings[key] if key in strings else english[key] for key in english}


def _ships(locale: str) -> bool:
    return (MATERIAL_LANGUAGES / f"{locale}.html").is_file()


# The strings of one of Material's own language files, read as data (its one dict
# of constants), not run: the same values its macro would print.
@cache
def shipped_strings(name: str) -> dict[str, str]:
    path = MATERIAL_LANGUAGES / f"{name}.html"
    table = Environment().parse(path.read_text(encoding="utf-8")).find(nodes.Dict)
    return {pair.key.as_const(): pair.value.as_const() for pair in table.items}
