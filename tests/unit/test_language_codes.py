"""Montenegrin's three-letter code: accepted by the site's i18n plugin, served as lang="cnr"."""

from __future__ import annotations

import pytest
from mkdocs.config.base import ValidationError
from support.language_codes import _EnvLoader
from support.project import ROOT

from jumbo_site.languages.i18n_language_codes import Language


@pytest.mark.parametrize("code", ["en", "cnr", "sr-Latn", "pt-BR", "zh-Hant-TW"])
def test_language_codes_of_two_or_three_letters_are_accepted(code):
    assert Language.locale.validate(code) == code


@pytest.mark.parametrize("code", ["montenegrin", "c", "CNR", "sr_latn", "sr-latn", "en-"])
def test_other_codes_are_refused_with_an_example(code):
    with pytest.raises(ValidationError, match="cnr"):
        Language.locale.validate(code)


def test_mkdocs_uses_the_plugin_that_accepts_cnr():
    """Upstream's `i18n` refuses cnr before any hook loads: the site must use `i18n-iso`."""
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in read_yaml_plugins()]
    assert "i18n-iso" in plugins and "i18n" not in plugins


def read_yaml_plugins():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", "")
    import yaml

    return yaml.load(text, Loader=_EnvLoader)["plugins"]


_EnvLoader.add_constructor("!ENV", lambda loader, node: None)
