"""The language builds share the theme's compiled templates and its file list.

The i18n plugin runs one complete MkDocs build per language, and each build makes a
new Jinja environment: without this module every build compiles the same theme
templates again (some 40 per language) and walks Material's 14 500 theme files
again. The site's plugin (i18n_language_codes.py) gives the theme this class, so
that all the builds of one process (a build, or a `mkdocs serve` session) share:

- one Jinja bytecode cache (build_cache.py: Jinja's FileSystemBytecodeCache in the
  build cache's folder, or memory with SITE_CACHE=off): a template is compiled once,
  and again only when its source changes (Jinja compares a checksum of the source),
  and the next build reads it compiled;
- the listing of the theme's installed folders (site-packages does not change while
  the process runs); the project's own overrides/ are listed afresh every build.

Hidden folders (Material's 14 000 `.icons`) are not walked: MkDocs never copies a
theme file whose path has a part starting with "." (its patterns '.*' and '*/.*'),
so the list MkDocs receives is unchanged. Every environment is still new, with its
own globals, so no language sees another's strings. The templates that print data texts
(AUTOESCAPED) are compiled with HTML escaping on.
"""

from __future__ import annotations

import os
import sysconfig

import jinja2
from mkdocs.theme import Theme

from jumbo_site.build.build_cache import template_cache

INSTALLED = tuple(os.path.realpath(sysconfig.get_path(kind)) for kind in ("purelib", "platlib"))


# The site's templates that print data texts (data/*.yml, from pull requests) escape
# what they print: a text is shown, never run. They mark the hooks' HTML (the page's
# checked text) `| safe`. Material's templates, and ours that print only the hooks'
# HTML, stay as Material writes them.
AUTOESCAPED = frozenset({"home.html", "partials/header.html"})
_installed_listings: dict[str, list[str]] = {}  # {theme folder in site-packages: its files}


class ThemeLoader(jinja2.FileSystemLoader):
    """Jinja's file loader, listing each installed theme folder once per process."""

    def list_templates(self) -> list[str]:
        found = set()
        for folder in self.searchpath:
            if os.path.realpath(folder).startswith(INSTALLED):
                if folder not in _installed_listings:
                    _installed_listings[folder] = _walk(folder)
                found.update(_installed_listings[folder])
            else:
                found.update(_walk(folder))
        return sorted(found)


# The files under a folder, as "a/b.html", leaving out hidden folders and files.
def _walk(folder: str) -> list[str]:
    names = []
    for path, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        relative = os.path.relpath(path, folder).replace(os.path.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        names += [prefix + name for name in files if not name.startswith(".")]
    return names


class SharedTheme(Theme):
    """MkDocs' theme, whose environments share compiled templates and the file list."""

    def get_env(self) -> jinja2.Environment:
        env = super().get_env()
        env.loader = ThemeLoader(self.dirs)
        env.bytecode_cache = template_cache()
        env.autoescape = autoescaped
        return env


def autoescaped(template_name: str | None) -> bool:
    return template_name in AUTOESCAPED


def escaping_environment(theme: Theme) -> jinja2.Environment:
    """The theme's templates for the site's own blocks and the PDF: HTML-escaped throughout,
    compiled once for all the language builds (escaping is part of the cache's key)."""
    return jinja2.Environment(loader=ThemeLoader(theme.dirs), autoescape=True, auto_reload=False, bytecode_cache=template_cache())


# Give a theme the shared environment (once per configuration; its data is unchanged).
def share(theme: Theme) -> None:
    if not isinstance(theme, SharedTheme):
        theme.__class__ = SharedTheme
