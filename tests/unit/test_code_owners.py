"""Code has owners: every code path README and CONTRIBUTING name is owned in .github/CODEOWNERS,
and no content path is (editors and translators need no maintainer to change them)."""

from __future__ import annotations

import re
from fnmatch import fnmatchcase

import pytest
from support.languages import LANGUAGES
from support.project import ROOT

CONTENT_SAMPLES = ["docs/assets/images/logo.png", "data/programme.yml", "strings/fr.yml"] + [
    f"docs/{language.locale}/about.md" for language in LANGUAGES if not language.transliterate_from
]


# The CODEOWNERS rules, in order: (pattern, owners).
def rules(text: str) -> list[tuple[str, list[str]]]:
    lines = [line.split("#", 1)[0].split() for line in text.splitlines()]
    return [(words[0], words[1:]) for words in lines if words]


# The owners of a repository path: the last matching rule's (GitHub's rule), gitignore-style
# patterns as this file uses them (anchored with '/', a trailing '/' for a folder, '*').
def owners(path: str, text: str) -> list[str]:
    found: list[str] = []
    for pattern, names in rules(text):
        anchored = pattern.lstrip("/")
        folder = anchored.endswith("/")
        if (folder and path.startswith(anchored)) or (not folder and (fnmatchcase(path, anchored) or path.startswith(anchored + "/"))):
            found = names
    return found


# Where the code and content paths are named: a file and its section.
SECTIONS = [("CONTRIBUTING.md", "## Content and code"), ("README.md", "## Code owners")]


# The paths the **Code** or **Content** paragraphs of those sections name, as `code` spans.
def named_paths(label: str) -> list[str]:
    paths = []
    for file, heading in SECTIONS:
        section = (ROOT / file).read_text(encoding="utf-8").split(heading + "\n", 1)[1].split("\n## ", 1)[0]
        paragraph = section.split(f"**{label}**", 1)[1].split("\n\n", 1)[0]
        paths += [path for path in re.findall(r"`([^`\s]+)`", paragraph) if "/" in path or "." in path]
    return sorted(set(paths))


# A file of the repository that a named path stands for: a folder's file, a language's page.
def sample(path: str) -> str:
    path = path.replace("<lang>", "en")
    return path + "sample.txt" if path.endswith("/") else path


CODEOWNERS = (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8")
CODE = [path for path in named_paths("Code") if not path.startswith("strings")]


def test_contributing_names_the_code_and_content_paths_of_the_issue():
    assert {"jumbo_site/", "overrides/", "scripts/", "mkdocs.yml", ".github/", "docs/assets/javascripts/", "docs/assets/stylesheets/", "docs/assets/fonts/", "requirements.in", "package.json", "pyproject.toml", "tests/"} <= set(CODE)
    assert {"docs/<lang>/", "data/", "strings/"} <= set(named_paths("Content"))


@pytest.mark.parametrize("path", CODE)
def test_every_code_path_contributing_names_has_a_code_owner(path):
    assert owners(sample(path), CODEOWNERS), f"{path} has no owner in .github/CODEOWNERS"


@pytest.mark.parametrize("path", [*named_paths("Content"), *CONTENT_SAMPLES])
def test_no_content_path_has_a_code_owner(path):
    assert not owners(sample(path), CODEOWNERS), f"{path} is content but has an owner in .github/CODEOWNERS"


def test_the_site_s_real_code_files_are_owned():
    code = [p for p in ROOT.glob("docs/assets/*/*") if p.parent.name != "images"] + [ROOT / "jumbo_site/theme/site_assets.py", ROOT / "overrides/main.html"]
    assert [p for p in code if not owners(p.relative_to(ROOT).as_posix(), CODEOWNERS)] == []


def test_the_owner_matcher_follows_the_last_matching_rule():
    text = "/overrides/ @a\n/strings/\n/requirements* @b\n"
    assert owners("overrides/partials/x.html", text) == ["@a"] and owners("strings/fr.yml", text) == []
    assert owners("requirements.txt", text) == ["@b"] and owners("docs/en/about.md", text) == []
