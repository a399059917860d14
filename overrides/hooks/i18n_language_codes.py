"""mkdocs-static-i18n, accepting three-letter language codes such as Montenegrin `cnr`.

mkdocs-static-i18n 1.3.1 accepts only two-letter codes (ISO 639-1) in `locale`,
and it validates its configuration before MkDocs loads any hook, so a hook cannot
relax that. Montenegrin has only the ISO 639-3 code `cnr`. Upstream tracks this as
its issue 339 (pull request 348 widens the same pattern).

This module is that plugin with its locale pattern widened to two- or three-letter
codes, and nothing else changed. It is registered as the MkDocs plugin `i18n-iso`
by this project's pyproject.toml (the documented way to add a plugin); mkdocs.yml
uses it in place of `i18n`. When upstream releases the wider pattern, replace
`i18n-iso` with `i18n` in mkdocs.yml and delete this file and the entry point.
"""

from __future__ import annotations

import re

from mkdocs.config import config_options
from mkdocs.config.base import ValidationError
from mkdocs_static_i18n import config as upstream
from mkdocs_static_i18n.plugin import I18n

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


class Language(upstream.I18nPluginLanguage):
    locale = Locale(str)


class Config(upstream.I18nPluginConfig):
    build_only_locale = config_options.Optional(Locale(str))
    languages = config_options.ListOfItems(config_options.SubConfig(Language, validate=True))


class I18nPlugin(I18n):
    config_class = Config
