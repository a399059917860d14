"""The set-up (scripts/_setup.sh, which scripts/serve and scripts/test run first): a new virtual
environment holds exactly the lock, requirements.txt, whatever the registry publishes after the lock
was written; a lock that is incomplete stops the set-up with one error naming the package.

The newer release is a fake wheel on pip's find-links: fonttools 99.0 with a `woff` extra, the
shape of the fonttools 4.69.1 release that broke `pip install --require-hashes -r requirements.txt`
(WeasyPrint asks for fonttools[woff]>=4.59.2, and pip 23.2.1 took the newest release for the extra).
"""

from __future__ import annotations

import re

from support.setup import REQUIREMENTS, ROOT, locked, normalised

# --- The lock file ------------------------------------------------------------------


def test_every_locked_package_is_pinned_with_its_hashes():
    entries = locked()
    assert len(entries) > 40
    assert not [name for name, (_, hashes) in entries.items() if not hashes]
    assert not re.search(r"(?m)^-e ", REQUIREMENTS.read_text(encoding="utf-8")), "hash-checking mode refuses editable lines"


def test_requirements_txt_keeps_the_versions_requirements_in_asks_for():
    wanted = re.findall(r"(?m)^([A-Za-z0-9_.-]+)==(\S+)", (ROOT / "requirements.in").read_text(encoding="utf-8"))
    entries = locked()
    for name, version in wanted:
        assert entries[normalised(name)][0] == version, name
