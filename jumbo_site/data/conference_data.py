"""The conference's data: data/programme.yml and data/partners.yml, read and checked.

Bad input stops the build with a message naming the file, the entry and the field:
malformed YAML, a repeated key, an unknown top-level key or field, a value of the
wrong type, a missing language, a duplicate id or order, an unknown partner
reference, a malformed date, time, timezone or website, an end before its start,
markup outside the allowlist (content_allowlist.py, also after transliteration to
Serbian Latin) and Kosovo without its asterisk.

Faithful to the record: a debate's presenter cites the point of the conclusions that
names it (and quotes it, for tests/unit/test_faithfulness.py to compare with the record); a
summary of the conclusions has no presenters and no times.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs.exceptions import PluginError

from jumbo_site.build.file_versions import version
from jumbo_site.data.data_entry import DataEntry, DataText
from jumbo_site.data.data_schema import check as check_schema, schema_field
from jumbo_site.data.strict_yaml import read_data_file
from jumbo_site.languages.kosovo_mentions import known_names
from jumbo_site.languages.site_i18n import Language, site_languages
from jumbo_site.languages.transliteration import to_latin

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"
PROGRAMME_FILE = "programme.yml"
PARTNERS_FILE = "partners.yml"
TOP_LEVEL = {PROGRAMME_FILE: ("event", "sessions"), PARTNERS_FILE: ("partners",)}

# The roles, in the order the partners page groups them: the schema's list.
ROLES = tuple(schema_field("partners.yml", "partners", 0, "role")["enum"])


@dataclass(frozen=True)
class Partner:
    id: str
    role: str
    name: dict  # {locale: text}
    abbreviation: dict | None
    website: str | None


@dataclass(frozen=True)
class Presenter:
    partner: str  # a partner id
    point: int  # the point of the conclusions that names the presenter
    record: str  # the words of that point (English) that name the presenter


@dataclass(frozen=True)
class Session:
    id: str
    kind: str
    order: int
    start: datetime.time | None
    end: datetime.time | None
    presenters: tuple[Presenter, ...]
    followed_by: tuple[str, ...]  # partner ids of the initiatives updates were given on
    trafficking_presentation: tuple[str, ...]  # partner ids a separate presentation on trafficking covered (point 8)
    points: tuple[int, ...]
    title: dict
    summary: dict


@dataclass(frozen=True)
class Event:
    date: datetime.date
    timezone: str
    country: str
    city: dict
    theme: dict  # the quoted title, without quotation marks
    participants_in_person: int
    participants_online: int
    organisers: tuple[str, ...]
    updated: datetime.date


@dataclass(frozen=True)
class Conference:
    event: Event
    sessions: tuple[Session, ...]  # in programme order
    partners: tuple[Partner, ...]  # in file order
    texts: tuple[DataText, ...] = ()  # every text, with its file, entry, field and language

    def partner(self, partner_id: str) -> Partner:
        return next(p for p in self.partners if p.id == partner_id)

    # The data text a refused piece of a page came from (as written, or in Serbian Latin).
    def text_holding(self, needle: str) -> DataText | None:
        return next((t for t in self.texts if needle in t.text or needle in to_latin(t.text)), None)


class _Entry(DataEntry):
    """An entry that may name partners: by id, or as presenters citing a point."""

    def ids(self, field: str, known: set[str]) -> tuple[str, ...]:
        value = self.data.get(field) or []
        if unknown := [item for item in value if item not in known]:
            raise self.error(field, f"unknown partner '{unknown[0]}': use an id from data/{PARTNERS_FILE}")
        return tuple(value)

    def presenters(self, field: str, known: set[str], points: list[int]) -> tuple[Presenter, ...]:
        presenters = []
        for item in self.data.get(field) or []:  # each {partner, point, record} (the schema)
            if item["partner"] not in known:
                raise self.error(field, f"unknown partner '{item['partner']}': use an id from data/{PARTNERS_FILE}")
            if item["point"] not in points:
                raise self.error(field, f"'{item['partner']}' cites point {item['point']}, which is not among the session's points {points}")
            if not item["record"].strip():
                raise self.error(field, f"'{item['partner']}': quote the words of point {item['point']} that name it, in 'record'")
            presenters.append(Presenter(item["partner"], item["point"], " ".join(item["record"].split())))
        return tuple(presenters)



def _read(data_dir: Path, file: str):
    data = read_data_file(data_dir / file, file, TOP_LEVEL[file])
    check_schema(file, data)  # the shape: fields, types, ids, roles, kinds, dates, times, addresses
    return data


def _entries(data_dir: Path, file: str, key: str) -> list[_Entry]:
    top = _Entry(file, "the file", _read(data_dir, file))
    items = top.data.get(key)
    if not isinstance(items, list):
        raise top.error(key, "expected a list of entries")
    entries = []
    for index, item in enumerate(items):
        label = f"{key}[{index}]" + (f" (id: {item['id']})" if isinstance(item, dict) and "id" in item else "")
        entries.append(_Entry(file, label, item))
    seen = set()
    for entry in entries:
        entry_id = entry.data.get("id")
        if entry_id in seen:
            raise entry.error("id", f"duplicate id '{entry_id}'")
        seen.add(entry_id)
    return entries


def _partner(entry: _Entry, languages: list[str]) -> Partner:
    entry.fields(("id", "role", "name"), ("abbreviation", "website"))
    website = entry.data.get("website")
    if website is not None and not urlsplit(website).hostname:
        raise entry.error("website", "expected an https:// address with a host name")
    return Partner(entry.data["id"], entry.data["role"], entry.text("name", languages), entry.text("abbreviation", languages, optional=True), website)


def _session(entry: _Entry, languages: list[str], partner_ids: set[str]) -> Session:
    entry.fields(("id", "kind", "order", "title", "summary", "points"), ("start", "end", "presenters", "followed_by", "trafficking_presentation"))
    points = entry.data.get("points") or []
    if entry.data["kind"] == "summary":
        if extra := [key for key in ("start", "end", "presenters", "followed_by", "trafficking_presentation") if key in entry.data]:
            raise entry.error(extra[0], "a summary of the conclusions is not a session: it has no times or presenters")
    start, end = entry.time("start"), entry.time("end")
    if end is not None and start is None:
        raise entry.error("end", "an end needs a start")
    if start is not None and end is not None and end <= start:
        raise entry.error("end", f"{end:%H:%M} is not after the start, {start:%H:%M}")
    return Session(
        entry.data["id"], entry.data["kind"], entry.data["order"], start, end,
        entry.presenters("presenters", partner_ids, points), entry.ids("followed_by", partner_ids),
        entry.ids("trafficking_presentation", partner_ids), tuple(points),
        entry.text("title", languages), entry.text("summary", languages),
    )  # fmt: skip


def _event(data_dir: Path, languages: list[str], partner_ids: set[str]) -> tuple[Event, _Entry]:
    top = _Entry(PROGRAMME_FILE, "the file", _read(data_dir, PROGRAMME_FILE))
    entry = _Entry(PROGRAMME_FILE, "event", top.data.get("event"))
    entry.fields(("date", "timezone", "country", "city", "theme", "participants_in_person", "participants_online", "organisers", "updated"))
    timezone, country = entry.data["timezone"], entry.data["country"]
    if not _is_timezone(timezone):
        raise entry.error("timezone", f"'{timezone}' is not a timezone: use an IANA name, e.g. Europe/Paris")
    return Event(
        entry.date("date"), ZoneInfo(timezone).key, country, entry.text("city", languages), entry.text("theme", languages),
        entry.whole_number("participants_in_person"), entry.whole_number("participants_online"),
        entry.ids("organisers", partner_ids), entry.date("updated"),
    ), entry  # fmt: skip


# A name of the tz database, as zoneinfo.available_timezones() lists them (not its posix/ and
# right/ copies, nor posixrules), found without reading its 600 files (some 30 ms a build).
def _is_timezone(name: str) -> bool:
    if name.partition("/")[0] in ("posix", "right", "posixrules"):
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # no such zone, not a zone file, a folder
        return False
    return True


# Read and check both files; languages are the folder names that must have texts.
def load_conference(languages: list[str], data_dir: Path = DATA_DIR) -> Conference:
    partner_entries = _entries(data_dir, PARTNERS_FILE, "partners")
    partners = tuple(_partner(entry, languages) for entry in partner_entries)
    partner_ids = {partner.id for partner in partners}
    session_entries = _entries(data_dir, PROGRAMME_FILE, "sessions")
    sessions = [_session(entry, languages, partner_ids) for entry in session_entries]
    orders = [session.order for session in sessions]
    if duplicate := next((s for s in sessions if orders.count(s.order) > 1), None):
        raise PluginError(f"data/{PROGRAMME_FILE}: sessions (id: {duplicate.id}), field 'order': duplicate order {duplicate.order}.")
    event, event_entry = _event(data_dir, languages, partner_ids)
    texts = tuple(text for entry in (*partner_entries, *session_entries, event_entry) for text in entry.texts)
    return Conference(event, tuple(sorted(sessions, key=lambda s: s.order)), partners, texts)


# This build's conference, read and checked once however many hooks ask: the
# cache is keyed on the files' versions (file_versions.py), so `mkdocs serve` sees edits.
def conference_for(config) -> Conference:
    stamps = tuple(version(DATA_DIR / name) for name in (PROGRAMME_FILE, PARTNERS_FILE))
    return _cached_conference(tuple(data_languages(config)), stamps, known_names())  # names: the texts' Kosovo* check


@functools.lru_cache(maxsize=8)
def _cached_conference(languages: tuple[str, ...], stamps: tuple, kosovo_names: frozenset[str]) -> Conference:
    return load_conference(list(languages), DATA_DIR)  # the folder whose files' versions are the key


# The languages that data texts are written in: all with a folder of their own.
def data_languages(config) -> list[str]:
    return [lang.locale for lang in site_languages(config, built_only=False) if not lang.transliterate_from]


# A text in a page's language; a generated language transliterates its origin's.
def localise(texts: dict | None, language: Language) -> str | None:
    if texts is None:
        return None
    if language.transliterate_from:
        return to_latin(texts[language.transliterate_from])
    return texts[language.locale]
