"""The record the site must be faithful to: the conference conclusions' 11 points (a copy
in tests/fixtures/, the build never reads it), and the glossary's forms per language."""

from __future__ import annotations

import re

import yaml

from jumbo_site.languages.transliteration import to_latin
from support.project import ROOT

SEED = ROOT / "tests" / "fixtures" / "jumbo-2021-conference-conclusions.txt"
GLOSSARY = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"]


def seed_points() -> list[str]:
    """The 11 points of the original document, with its PDF-extraction artefacts
    undone: lines joined, "6 th" rejoined as "6th"."""
    text = " ".join(SEED.read_text(encoding="utf-8").split())
    text = re.sub(r"(\d) (st|nd|rd|th)\b", r"\1\2", text)
    body = text.split("CONFERENCE CONCLUSIONS", 1)[1]
    parts = re.split(r"(?:^| )(\d{1,2})\. (?=[A-Z])", body.strip())
    numbers, points = parts[1::2], [p.strip() for p in parts[2::2]]
    assert numbers == [str(n) for n in range(1, 12)], numbers
    return points


def form_pattern(form: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + r"\w*".join(map(re.escape, form.split("*"))) + r"(?!\w)")


def glossary_for(language) -> dict:
    """Term → (English forms, use forms, avoid forms) for one language; Serbian Latin from sr."""
    source = language.transliterate_from or language.locale
    terms = {}
    for name, term in GLOSSARY.items():
        if source in term:
            convert = to_latin if language.transliterate_from else (lambda s: s)
            use = [convert(f) for f in term[source].get("use", [])]
            # Serbian Latin: a wrong Cyrillic form may transliterate to a right one (УНОДЦ, UNODC).
            terms[name] = (term["en"], use, [convert(f) for f in term[source].get("avoid", []) if not any(form_pattern(u).fullmatch(convert(f)) for u in use)])
    return terms


def glossary_problems(english: str, translated: str, language) -> list[str]:
    problems = []
    for name, (english_forms, use, avoid) in glossary_for(language).items():
        if use and any(form_pattern(f).search(english) for f in english_forms) and not any(form_pattern(f).search(translated) for f in use):
            problems.append(f"{name}: expected one of {use}")
        problems += [f"{name}: '{f}' is listed as wrong" for f in avoid if form_pattern(f).search(translated)]
    return problems


def squeezed(text: str) -> str:
    """Text without whitespace and hyphens: line breaks and hyphenation do not count."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)
