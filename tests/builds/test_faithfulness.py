"""Faithful to the record: every statement traceable to the conclusions, in every language.

The programme's presenters, times and verbs are backed by the points they cite; figures
come from the data, and the data from the record; point 4 keeps the record's slip with
a note; each language keeps to its glossary (data/glossary.yml); no page shows "..",
a word in two scripts or an English attribute on a translated page.
"""

from __future__ import annotations

import pytest
from support.project import build

# A programme entry the record does not back stops the build, naming file, entry and field.
UNBACKED = {
    "a summary with a presenter": (
        "    kind: summary\n    order: 1\n",
        "    kind: summary\n    order: 1\n    presenters:\n      - {partner: rcc, point: 2, record: The exchanges}\n",
        "sessions[0] (id: exchanges), field 'presenters': a summary of the conclusions is not a session",
    ),
    "a summary with a time": (
        "    kind: summary\n    order: 5\n",
        '    kind: summary\n    order: 5\n    start: "17:00"\n',
        "sessions[4] (id: stock-taking), field 'start': a summary of the conclusions is not a session",
    ),
    "a presenter citing a point the session does not": (
        "        point: 8\n",
        "        point: 9\n",
        "sessions[3] (id: organised-crime), field 'presenters': 'customs-france' cites point 9, which is not among the session's points [8]",
    ),
    "a presenter without the record's words": (
        "        record: The French customs shared their experience through the presentation of their strategy\n",
        "",
        "sessions[3] (id: organised-crime), field 'presenters': each presenter has partner, point and record",
    ),
}


@pytest.mark.parametrize("find,replace,message", UNBACKED.values(), ids=UNBACKED.keys())
def test_a_programme_entry_the_record_does_not_back_stops_the_build(project_copy, tmp_path, find, replace, message):
    data = project_copy / "data/programme.yml"
    text = data.read_text(encoding="utf-8")
    assert find in text
    data.write_text(text.replace(find, replace, 1), encoding="utf-8")
    result = build(project_copy / "mkdocs.yml", tmp_path / "site", language="en")
    assert result.returncode != 0 and f"data/programme.yml: {message}" in result.stderr, result.stderr[-800:]


# --- A word in two scripts stops the build -------------------------------------------

@pytest.mark.parametrize(
    "file,find,replace,word",
    [
        ("docs/mk/accessibility.md", "сѐ уште не е подложено", "сè уште не е подложено", "сè"),  # Latin è
        ("data/partners.yml", "sr: Француска\n", "sr: Фрaнцуска\n", "Фрaнцуска"),  # Latin a
    ],
    ids=["page", "data"],
)
def test_a_word_mixing_latin_and_cyrillic_stops_the_build_naming_file_and_line(project_copy, tmp_path, file, find, replace, word):
    path = project_copy / file
    text = path.read_text(encoding="utf-8")
    assert find in text
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")
    line = text[: text.index(find)].count("\n") + 1
    result = build(project_copy / "mkdocs.yml", tmp_path / "site", language="mk")
    assert result.returncode != 0
    assert f"{file}, line {line}: the word '{word}' mixes Latin and Cyrillic" in result.stderr
