"""One entry of a data file (data/*.yml): its fields checked, and named in every error.

Not a hook: conference_data.py reads data/programme.yml and data/partners.yml with it.
An error names the file, the entry (its place in the list, and its id) and the
field, and says what to write instead. A text is one line per language; each is checked against the content
allowlist (content_allowlist.py), also after transliteration to Serbian Latin, for
invisible characters (invisible_characters.py) and for Kosovo without its asterisk,
as written and as a browser reads it (an entity or empty markup inside the word).
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

from jumbo_site.languages.kosovo_mentions import missing_asterisk, unmarked
from jumbo_site.languages.transliteration import to_latin
from jumbo_site.safety.content_allowlist import markdown_refusals
from jumbo_site.safety.content_limits import text_problem
from jumbo_site.safety.invisible_characters import problem as invisible_problem

TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
TAG = re.compile(r"<!--.*?-->|<[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>", re.S)  # a ">" inside a quoted value does not end the tag


# A text as a browser reads it: entities decoded, markup inside a word (Kos<b></b>ovo, Kos&#111;vo) gone.
def _as_read(text: str) -> str:
    return html.unescape(TAG.sub("", text)) if "<" in text or "&" in text else text


@dataclass(frozen=True)
class DataText:
    """One data text in one language, and where it is written."""

    file: str
    label: str
    field: str
    lang: str
    text: str

    def where(self) -> str:
        return f"data/{self.file}: {self.label}, field '{self.field}', language '{self.lang}'"


class DataEntry:
    """One entry of a data file, to check its fields and name it in errors."""

    def __init__(self, file: str, label: str, data):
        self.file, self.label = file, label
        if not isinstance(data, dict):
            raise self.error(None, "expected 'field: value' lines")
        self.data = data
        self.texts: list[DataText] = []  # every text read through text(), to name it in later errors

    def error(self, field: str | None, problem: str) -> PluginError:
        where = f", field '{field}'" if field else ""
        return PluginError(f"data/{self.file}: {self.label}{where}: {problem}.")

    def fields(self, required: tuple, optional: tuple = ()) -> None:
        if unknown := [key for key in self.data if key not in required + optional]:
            raise self.error(unknown[0], f"unknown field; the fields are {', '.join(required + optional)}")
        if missing := [key for key in required if self.data.get(key) in (None, "", [])]:
            raise self.error(missing[0], "missing")

    def text(self, field: str, languages: list[str], optional: bool = False) -> dict | None:
        value = self.data.get(field)
        if value is None and optional:
            return None
        if not isinstance(value, dict):
            raise self.error(field, "expected one line per language, e.g. 'en: …'")
        if wrong := [lang for lang in languages if lang in value and value[lang] is not None and not isinstance(value[lang], str)]:
            raise self.error(field, f"language '{wrong[0]}': expected text")
        if missing := [lang for lang in languages if not isinstance(value.get(lang), str) or not value[lang].strip()]:
            raise self.error(field, f"missing language '{missing[0]}'")
        if unknown := [lang for lang in value if lang not in languages]:
            raise self.error(field, f"unknown language '{unknown[0]}'; the languages are {', '.join(languages)}")
        for lang in languages:
            if problem := text_problem(value[lang]):  # before Markdown or the allowlist reads it
                raise self.error(field, f"language '{lang}': {problem}")
            if hidden := invisible_problem(value[lang]):
                raise self.error(field, f"language '{lang}', line {hidden[0]} of the text, column {hidden[1]}: {hidden[2]}")
            for variant, script in ((value[lang], ""), (to_latin(value[lang]), " (in Latin script)")):
                if problems := markdown_refusals(variant):
                    raise self.error(field, f"language '{lang}'{script}: {problems[0].problem}")
                if names := unmarked(variant):
                    raise self.error(field, f"language '{lang}': {missing_asterisk(names[0])}")
                if names := unmarked(_as_read(variant)):
                    raise self.error(field, f"language '{lang}', as a browser reads it (entities decoded, markup left out): {missing_asterisk(names[0])}")
        # Line breaks and runs of spaces become one space; no-break spaces stay.
        texts = {lang: re.sub(r"[ \t\r\n]+", " ", value[lang]).strip() for lang in languages}
        self.texts += [DataText(self.file, self.label, field, lang, text) for lang, text in texts.items()]
        return texts

    def time(self, field: str) -> datetime.time | None:
        value = self.data.get(field)
        if value is None:
            return None
        if not isinstance(value, str) or not TIME.match(value):
            raise self.error(field, f"'{value}' is not a time: write it in quotes as \"HH:MM\", e.g. \"09:30\"")
        return datetime.time.fromisoformat(value)

    def date(self, field: str) -> datetime.date:
        value = self.data.get(field)
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.error(field, f"'{value}' is not a date: write it as YYYY-MM-DD, e.g. 2021-12-06")

    def whole_number(self, field: str) -> int:
        value = self.data.get(field)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.error(field, f"'{value}' is not a whole number")
        return value
