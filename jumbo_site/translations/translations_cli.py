"""scripts/translations: the translations' status, marks and diffs, for editors.

    scripts/translations                 the table: every page in every language
    scripts/translations --check         fails on unknown source, missing marker, drift
    scripts/translations mark fr         mark every French page as up to date
    scripts/translations mark fr about   mark docs/fr/about.md as up to date
    scripts/translations diff fr about   what changed in the English since (translation_diff.py)
    scripts/translations export fr [about …] --format xliff|po --out DIR
                                         files for translators' tools (translator_files.py)
    scripts/translations import FILE …   write the translated pages, data texts, strings
    scripts/translations glossary --format tbx --out FILE    data/glossary.yml as TBX
    scripts/translations memory --out FILE                   every current pair as TMX

The status itself is translation_status.py's; the diff, translation_diff.py's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jumbo_site.translations.translation_diff import english_changes
from jumbo_site.translations.translation_status import DOCS, MALFORMED, ROOT, Status, mark, report


def _languages() -> tuple[str, list[str]]:
    """The source language and the translated ones (not generated ones), from mkdocs.yml."""
    from mkdocs.config import load_config
    from jumbo_site.languages.site_i18n import site_languages

    languages = site_languages(load_config(str(ROOT / "mkdocs.yml")), built_only=False)
    source = next(lang.locale for lang in languages if lang.default)
    return source, [lang.locale for lang in languages if not lang.default and not lang.transliterate_from]


def _generated_from() -> dict[str, str]:
    """Generated languages and the folder they come from: {"sr-Latn": "sr"}."""
    from mkdocs.config import load_config
    from jumbo_site.languages.site_i18n import site_languages

    languages = site_languages(load_config(str(ROOT / "mkdocs.yml")), built_only=False)
    return {lang.locale: lang.transliterate_from for lang in languages if lang.transliterate_from}


def print_table(table: dict, locales: list[str]) -> None:
    pages = sorted({name for _, name in table})
    width = max(len(p) for p in pages) + 2
    print("page".ljust(width) + "".join(locale.ljust(18) for locale in locales))
    for name in pages:
        print(name.ljust(width) + "".join(table.get((locale, name), Status("-")).state.ljust(18) for locale in locales))
    for (locale, name), status in sorted(table.items()):
        for problem in status.problems:
            print(f"docs/{locale}/{name}: {status.state}: {problem}")


def main(argv: list[str] | None = None, docs: Path = DOCS) -> int:
    parser = argparse.ArgumentParser(prog="scripts/translations", description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 on unknown source, missing source_hash or structural drift")
    sub = parser.add_subparsers(dest="command")
    marking = sub.add_parser("mark", help="record that translations are up to date with the English")
    marking.add_argument("language")
    marking.add_argument("pages", nargs="*", help="page names (about, conclusions …); all when none")
    diffing = sub.add_parser("diff", help="what changed in the English page since the translation's version")
    diffing.add_argument("language")
    diffing.add_argument("page", help="page name (about, conclusions …)")
    exporting = sub.add_parser("export", help="XLIFF or PO files for a language: one per page, data file, and the strings")
    exporting.add_argument("language")
    exporting.add_argument("pages", nargs="*", help="page names; all pages, the data texts and the strings when none")
    exporting.add_argument("--format", choices=["xliff", "po"], default="xliff")
    exporting.add_argument("--out", type=Path, required=True)
    importing = sub.add_parser("import", help="write translated XLIFF or PO files back; nothing is written unless all are good")
    importing.add_argument("files", nargs="+", type=Path)
    glossary = sub.add_parser("glossary", help="data/glossary.yml as TBX")
    glossary.add_argument("--format", choices=["tbx"], default="tbx")
    glossary.add_argument("--out", type=Path, required=True)
    remembering = sub.add_parser("memory", help="a TMX of every current segment pair, English to each language")
    remembering.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    source, locales = _languages()

    if args.command in ("export", "import", "glossary", "memory"):
        from jumbo_site.translations import translator_files

        return translator_files.run(args, translator_files.project(docs.parent, source, locales, _generated_from()))

    if args.command == "diff":
        origin = _generated_from().get(args.language, args.language)  # sr-Latn: its Cyrillic source
        if origin not in locales:
            raise SystemExit(f"unknown language '{args.language}'; the translated languages are {', '.join(locales)}")
        status, text = english_changes(docs, source, origin, f"{args.page.removesuffix('.md')}.md")
        print(text)
        return status

    if args.command == "mark":
        if args.language not in locales:
            raise SystemExit(f"unknown language '{args.language}'; the translated languages are {', '.join(locales)}")
        names = [f"{p.removesuffix('.md')}.md" for p in args.pages] or [p.name for p in sorted((docs / args.language).glob("*.md"))]
        for name in names:
            mark(docs, source, args.language, name)
            print(f"docs/{args.language}/{name}: marked up to date")
        return 0

    table = report(docs, source, locales)
    print_table(table, locales)
    malformed = [key for key, status in table.items() if status.state in MALFORMED]
    if args.check and malformed:
        print(f"\n{len(malformed)} page(s) need attention (see above).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
