"""Translators' tools: XLIFF and PO round trips for every language and page, the
import's refusals (each with a crafted file, nothing written), and the files read back
by independent parsers (Translate Toolkit's storage classes, lxml). In-process, on a
copy of the project; one build shows an imported change on the site."""

from __future__ import annotations

from support.live_preview import build_languages, copy_project
from support.project import build
from support.translator_formats import edit_xliff

from jumbo_site.translations import translator_files as tf
from jumbo_site.translations.translation_status import source_hash
from jumbo_site.translations.translations_cli import _generated_from, _languages


def test_a_changed_target_is_imported_and_shows_on_the_site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("translators-site") / "project")
    source, languages = _languages()
    project = tf.project(root, source, languages, _generated_from())
    out = tmp_path_factory.mktemp("export")
    [about] = tf.export(project, "fr", ["about"], "xliff", out)
    edit_xliff(about, "b2", lambda text: "La série des conférences Jumbo, revue")
    assert tf.import_files(project, [about]) == [project.docs / "fr" / "about.md"]
    page = (project.docs / "fr" / "about.md").read_text(encoding="utf-8")
    assert "## La série des conférences Jumbo, revue\n" in page
    assert f"source_hash: {source_hash(project.docs / 'en' / 'about.md')}\n" in page
    build_languages(root, ["en", "fr"])
    site = tmp_path_factory.mktemp("translators-built")
    result = build(root / "mkdocs.yml", site, SITE_PDF="off")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "La série des conférences Jumbo, revue" in (site / "fr" / "about" / "index.html").read_text(encoding="utf-8")
