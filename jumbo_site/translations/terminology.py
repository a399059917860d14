"""The glossary for translators' tools (TBX) and the translation memory (TMX).

    scripts/translations glossary --format tbx --out glossary.tbx
    scripts/translations memory --out memory.tmx

TBX (ISO 30042, the TBX-Basic-style `martif` that Translate Toolkit writes): one
concept per term of data/glossary.yml, its English forms, and per language the forms
to use (administrativeStatus preferredTerm-admn-sts) and those to avoid
(deprecatedTerm-admn-sts), so that CAT tools warn while translating. A form's `*`
(any letters) is kept as written: tools match it as text.

TMX: every current segment pair, English to each language, of the pages that are up
to date, the data texts and the interface strings (translator_files.documents).

The glossary's notes on a segment (`Glossary.notes`) name the terms the English holds
and the forms this language uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from translate.storage import tbx, tmx

from jumbo_site.data.strict_yaml import read_yaml_file

PREFERRED, DEPRECATED = "preferredTerm-admn-sts", "deprecatedTerm-admn-sts"


def _pattern(form: str) -> re.Pattern:
    """A glossary form as a whole-word, case-sensitive pattern (`*`: any letters)."""
    return re.compile(r"(?<!\w)" + r"\w*".join(re.escape(part) for part in form.split("*")) + r"(?!\w)")


@dataclass
class Glossary:
    terms: dict[str, dict]

    @classmethod
    def read(cls, path: Path) -> "Glossary":
        return cls((read_yaml_file(path, "data/glossary.yml") or {}).get("terms", {}))

    def notes(self, english: str, language: str) -> list[str]:
        """'Glossary: Western Balkans → use Zapadn* Balkan*' for each term the English text holds."""
        notes = []
        for term in self.terms.values():
            if any(_pattern(form).search(english) for form in term.get("en", [])) and language in term:
                entry = term[language]
                note = f"Glossary: {' / '.join(term['en'])} → use {' / '.join(entry.get('use', []))}"
                if entry.get("avoid"):
                    note += f"; avoid {' / '.join(entry['avoid'])}"
                notes.append(note)
        return notes

    def tbx(self, source: str = "en") -> bytes:
        store = tbx.tbxfile(sourcelanguage=source)
        for ident, term in self.terms.items():
            unit = store.addsourceunit(term["en"][0])
            unit.xmlelement.set("id", ident)
            unit.set_source_terms(list(term["en"]))
            languages = [key for key in term if key not in ("en", "also")]
            for language in languages:
                entry = term[language]
                forms = [*entry.get("use", []), *entry.get("avoid", [])]
                unit.set_target_terms(forms, language)
            for language_node in unit.getlanguageNodes():
                language = language_node.get("{http://www.w3.org/XML/1998/namespace}lang")
                entry = term.get(language, {}) if language != source else {"use": term["en"]}
                avoid = set(entry.get("avoid", [])) if isinstance(entry, dict) else set()
                for tig in language_node.findall(unit.namespaced("tig")):
                    text = tig.find(unit.namespaced("term")).text
                    note = etree.SubElement(tig, unit.namespaced("termNote"), type="administrativeStatus")
                    note.text = DEPRECATED if text in avoid else PREFERRED
            if term.get("also"):
                unit.addnote("Also searched for as: " + ", ".join(term["also"]), origin="developer")
        return bytes(store)


def memory(pairs: list[tuple[str, str, str, str]], source: str = "en") -> bytes:
    """A TMX of (segment id, English, language, translation) pairs."""
    store = tmx.tmxfile(sourcelanguage=source)
    for ident, english, language, text in pairs:
        unit = store.addsourceunit(english)
        unit.settarget(text, language)
        unit.setcontext(ident)
    return bytes(store)
