"""Front matter that is broken or incomplete stops the build.

MkDocs silently ignores front matter that YAML cannot read and shows it as page
text; here it is an error naming the file and YAML's own explanation. Every page
needs a `title` and a `description` (the meta description readers see in search
results and link previews).
"""

from __future__ import annotations

import yaml
from editor_errors import page_error
from mkdocs.utils.meta import YAML_RE

REQUIRED = ("title", "description")


def on_page_markdown(markdown, page, config, files):
    source = page.file.content_string
    match = YAML_RE.match(source)
    if not match:
        raise page_error(page, "no front matter: start the file with ---, title: …, description: …, ---.", 1)
    try:
        yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        raise page_error(
            page,
            f"the front matter is not valid YAML ({getattr(error, 'problem', error)}); "
            "put a value that contains a colon in quotes.",
            where.line + 2 if where else 1,
        ) from None
    if missing := [key for key in REQUIRED if not page.meta.get(key)]:
        raise page_error(page, f"the front matter needs {' and '.join(missing)}.", 1)
    return markdown
