"""mkdocs-static-i18n, accepting three-letter language codes such as Montenegrin `cnr`.

mkdocs-static-i18n 1.3.1 accepts only two-letter codes (ISO 639-1) in `locale`,
and it validates its configuration before MkDocs loads any hook, so a hook cannot
relax that. Montenegrin has only the ISO 639-3 code `cnr`. Upstream tracks this as
its issue 339 (pull request 348 widens the same pattern).

This module is that plugin with its locale pattern widened to two- or three-letter
codes, and nothing else changed. It is registered as the MkDocs plugin `i18n-iso`
by this project's pyproject.toml (the documented way to add a plugin); mkdocs.yml
uses it in place of `i18n`. When upstream releases the wider pattern, replace
`i18n-iso` with `i18n` in mkdocs.yml and delete this file and the entry point
(and move the editor-loop additions below to a hook that wraps the plugin).

It also keeps the editor's loop fast and readable, without changing any output:

- `preview_language` (set by `scripts/serve --language fr`) builds that language
  and the default one (whose pages stand in for missing translations) only;
- the language builds share the theme's compiled templates and file list
  (shared_theme.py), and each build looks only at its own language's files and
  the default language's, not at every language's;
- the upstream search for each file's translations (every language, in every
  language build) is skipped: page_language.py computes the alternates and the
  switcher from the language table, once per page; so is the upstream merge of the
  search entries (quadratic in pages), since the site publishes its own indexes;
- the console shows one line per language build, plus warnings and errors
  (quiet_log.py).
"""

from __future__ import annotations

import re
import time
from pathlib import PurePosixPath

from mkdocs.config import config_options
from mkdocs.config.base import ValidationError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs_static_i18n import config as upstream
from mkdocs_static_i18n.plugin import I18n

from jumbo_site.build import quiet_log
from jumbo_site.theme import shared_theme

log = get_plugin_logger("languages")  # quiet_log.LOGGER

# ISO 639-1 or 639-3 language, optional ISO 15924 script, optional region: en, cnr, sr-Latn, pt-BR.
LOCALE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")


class Locale(config_options.Type):
    def run_validation(self, value):
        value = super().run_validation(value)
        if value != "null" and not LOCALE.match(value):
            raise ValidationError(
                f"'{value}' is not a language code: use ISO 639-1 or 639-3, with an optional "
                "script and region, e.g. 'en', 'cnr', 'sr-Latn', 'pt-BR'."
            )
        return value


# Each language's texts, by the field of its entry, and the key of its interface
# strings (strings/<locale>.yml) that holds them: translators write them
# there, never in mkdocs.yml, which is code; on_config fills the entries in.
LANGUAGE_TEXTS = {"name": "language.name", "site_name": "site.name", "site_description": "site.description", "copyright": "site.copyright"}


class Language(upstream.I18nPluginLanguage):
    locale = Locale(str)
    name = config_options.Optional(config_options.Type(str))  # from the strings: LANGUAGE_TEXTS

    # A language text written in mkdocs.yml is refused, naming where it belongs.
    def validate(self):
        failed, warnings = super().validate()
        for field, key in LANGUAGE_TEXTS.items():
            if self.get(field) is not None:
                failed.append((field, ValidationError(f"a language's texts are content: write it in strings/{self.locale}.yml as '{key}', not in mkdocs.yml (which is code).")))
        return failed, warnings


class Config(upstream.I18nPluginConfig):
    build_only_locale = config_options.Optional(Locale(str))
    languages = config_options.ListOfItems(config_options.SubConfig(Language, validate=True))
    # One language to preview, with the default language; empty: every language.
    preview_language = config_options.Type(str, default="")

    def validate(self):
        failed, warnings = super().validate()
        if failed or not self.preview_language:
            return failed, warnings
        locales = [lang.locale for lang in self.languages]
        if self.preview_language not in locales:
            failed.append(("preview_language", ValidationError(f"'{self.preview_language}' is not a language of this site: {', '.join(locales)}.")))
        for lang in self.languages:
            lang.build = lang.default or lang.locale == self.preview_language
        return failed, warnings


class I18nPlugin(I18n):
    config_class = Config

    # A quiet console from the moment the configuration is read. (No on_startup here:
    # MkDocs would then keep this plugin, and its state, from one rebuild to the next.)
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        quiet_log.install()

    # Before any plugin asks the theme for a Jinja environment (Material's search does),
    # and after content_folders.py has checked the strings' folder (priority 110).
    @event_priority(100)
    def _on_config_share_theme(self, config):
        shared_theme.share(config.theme)
        self._started = time.monotonic()
        self._fill_language_texts(config)
        return config

    # Each language's name and site texts from its interface strings, the default
    # language's also as the site's (mkdocs.yml's site_name is only MkDocs' required value).
    def _fill_language_texts(self, config):
        from jumbo_site.languages.site_i18n import language_strings  # the hooks' module (a project copy's own), loaded by now

        for entry in self.config.languages:
            strings = language_strings(entry.locale, (entry.extra or {}).get("transliterate_from"))
            for field, key in LANGUAGE_TEXTS.items():
                entry[field] = strings[key]
                if entry.default and field != "name":
                    config[field] = strings[key]

    # The upstream language configuration, last of all plugins (as upstream has it).
    @event_priority(-100)
    def _on_config_language(self, config):
        return super().on_config(config)

    on_config = CombinedEvent(_on_config_share_theme, _on_config_language)

    # First of all: only the files this language's build uses (its own, the default
    # language's, the rest of docs/), filtered once (Files.remove is linear each time).
    @event_priority(100)
    def _on_files_of_this_language(self, files, config):
        others = set(self.all_languages) - {self.current_language, self.default_language}
        return Files([f for f in files if PurePosixPath(f.src_uri).parts[0] not in others])

    # The upstream file list for this language, last of all plugins (as upstream has it).
    @event_priority(-100)
    def _on_files_language(self, files, config):
        files = super().on_files(files, config)
        self._pages = len(files.documentation_pages())
        return files

    on_files = CombinedEvent(_on_files_of_this_language, _on_files_language)

    # page_language.py sets every page's alternates; the upstream search for them is not needed.
    def reconfigure_files_alternates(self, *args, **kwargs):
        pass

    def reconfigure_page_context(self, context, page, config, nav):
        return context

    # search_index.py writes each language's index, and Material's merged index is not
    # published: the upstream merge, which compares every entry with every other, is skipped.
    def reconfigure_search_index(self, config):
        pass

    # The one line of each language build, then (after the first) the other languages.
    @event_priority(-100)
    def on_post_build(self, config):
        log.info(f"{self.current_language}: {self._pages} pages in {time.monotonic() - self._started:.2f} s")
        return super().on_post_build(config)
