"""The site's scripts as published: without their comments and indentation.

The scripts under docs/assets/javascripts/ are written to be read (a third of
controls.js is comments); readers need only the code. Once every language is built,
each listed script (site_assets.py) in the site folder loses its comment lines, its
leading indentation and its blank lines, and nothing else: a trailing comment, a
string or a regular expression is left as written. The source keeps its reviewed
sha256 (docs_file_types.py checks it before the build copies it); this module is the
reviewed step that makes the published file from it, as used_styles.py does for the
stylesheet. A template literal (`) could span lines whose indentation is its text, so a
script with one stops the build here rather than be changed.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from jumbo_site.languages.site_i18n import I18N_PLUGIN
from jumbo_site.theme.site_assets import SITE_ASSETS

# A /* … */ comment that starts a line, and a // comment that is the whole line.
BLOCK_COMMENT = re.compile(r"^[ \t]*/\*(?:(?!\*/).)*\*/[ \t]*\n", re.S | re.M)
LINE_COMMENT = re.compile(r"^[ \t]*//.*\n", re.M)
INDENT = re.compile(r"^[ \t]+", re.M)
BLANK_LINES = re.compile(r"\n{2,}")


# A script's text without its comment lines, indentation and blank lines.
def compact_script(uri: str, text: str) -> str:
    if "`" in text:
        raise PluginError(f"docs/{uri}: a template literal (`) cannot be compacted safely (compact_scripts.py); write it with quotes and +.")
    text = LINE_COMMENT.sub("", BLOCK_COMMENT.sub("", text.replace("\r\n", "\n")))
    return BLANK_LINES.sub("\n", INDENT.sub("", text)).lstrip("\n")


# Last of all, in the first language's build only, once the others are built (see
# used_styles.py): the scripts are copied by every build.
def on_post_build(config):
    if config.plugins[I18N_PLUGIN].building:
        return
    for uri in SITE_ASSETS:
        path = Path(config.site_dir) / uri
        if uri.endswith(".js") and path.is_file():
            path.write_text(compact_script(uri, path.read_text(encoding="utf-8")), encoding="utf-8")
