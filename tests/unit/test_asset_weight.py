"""The published stylesheet and scripts, made from reviewed sources (issue 24): Material's
CSS reduced to what pages and scripts use (used_styles.py), scripts without comments
(compact_scripts.py). In-process, on tiny inputs; the built site is checked in the browser
(test_quality.py: first-visit budget; test_search.py: search on first use)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from jumbo_site.theme.compact_scripts import compact_script
from jumbo_site.theme.site_assets import GENERATED_STYLESHEET, MATERIAL_STYLESHEETS
from jumbo_site.theme.used_styles import Usage, _material_stylesheet, site_styles

PAGE = '<html class="no-js"><body data-md-color-scheme="default"><main class="md-main"><p id="top">Hi</p></main></body></html>'


def styles(material: str, site_css: str = "", pages=(PAGE,), scripts=()) -> str:
    return site_styles([material], site_css, list(pages), list(scripts))


def test_a_rule_whose_class_no_page_has_goes_and_one_it_has_stays():
    out = styles(".md-main{margin:0}.md-banner{color:red}")
    assert ".md-main{margin:0}" in out and "md-banner" not in out


def test_a_selector_list_keeps_only_its_selectors_that_can_match():
    assert styles(".md-main,.md-tabs,p{color:red}").startswith(".md-main,p{color:red}")


def test_an_attribute_value_counts_only_when_a_page_or_script_has_it():
    out = styles("[data-md-color-scheme=default]{a:1}[data-md-color-scheme=slate]{b:2}")
    assert "default" in out and "slate" not in out  # slate: in neither
    assert "slate" in styles("[data-md-color-scheme=slate]{b:2}", scripts=['body.setAttribute("data-md-color-scheme", "slate")'])


def test_a_class_only_a_scripts_string_names_stays_but_not_a_script_variable():
    script = 'item.className = "md-search-result__item"; var highlight = 1;'
    out = styles(".md-search-result__item{a:1}.highlight{b:2}", scripts=[script])
    assert "md-search-result__item" in out and "highlight" not in out


def test_a_dataset_name_in_a_script_counts_as_its_attribute():
    script = 'var mark = document.createElement("mark"); mark.dataset.mdHighlight = "";'
    assert "mark[data-md-highlight]" in styles("mark[data-md-highlight]{a:1}", scripts=[script])


def test_is_matches_when_any_of_its_selectors_can_and_not_narrows_nothing():
    out = styles(".md-main :is(.md-tabs,p){a:1}.md-main :is(.md-tabs,kbd){b:2}p:not(.md-tabs){c:3}")
    assert ":is(.md-tabs,p){a:1}" in out and "b:2" not in out and "p:not(.md-tabs){c:3}" in out


def test_an_empty_media_rule_goes_and_one_with_a_used_rule_stays():
    out = styles("@media screen{.md-tabs{a:1}}@media print{.md-main{b:2}}")
    assert "@media print{.md-main{b:2}}" in out and "screen" not in out


def test_custom_properties_nobody_reads_go_and_those_read_through_others_stay():
    out = styles(":root{--a:red;--b:var(--a);--c:blue;--d:green}.md-main{color:var(--b)}", site_css="p{color:var(--d)}")
    assert "--a:red" in out and "--b:var(--a)" in out and "--d:green" in out and "--c" not in out


def test_keyframes_stay_only_when_a_kept_rule_names_them():
    out = styles("@keyframes spin{to{a:1}}@keyframes fade{to{b:1}}.md-main{animation:spin 1s}.md-tabs{animation:fade 1s}")
    assert "@keyframes spin" in out and "fade" not in out


def test_site_css_comes_after_materials_rules_whole_without_comments_or_spacing():
    out = styles(".md-main{a:1}", site_css="/* why */\n.unused-by-pages {\n  color: red;\n}\n")
    assert out.index(".md-main") < out.index(".unused-by-pages{color:red}") and "why" not in out


def test_a_material_stylesheet_with_another_hash_stops_the_build(tmp_path):
    uri = next(iter(MATERIAL_STYLESHEETS))
    (tmp_path / uri).parent.mkdir(parents=True)
    (tmp_path / uri).write_text(".md-main{color:red}", encoding="utf-8")
    with pytest.raises(PluginError, match="not the reviewed"):
        _material_stylesheet(SimpleNamespace(theme=SimpleNamespace(dirs=[str(tmp_path)])), uri)
    assert GENERATED_STYLESHEET == "assets/stylesheets/site-styles.css"


def test_a_script_loses_comment_lines_and_indentation_but_keeps_strings_and_trailing_comments():
    source = '/*\n * About.\n */\n(function () {\n  // why\n  var a = "http://x"; // kept\n\n  /* inline */ var b = 1;\n})();\n'
    assert compact_script("x.js", source) == '(function () {\nvar a = "http://x"; // kept\n/* inline */ var b = 1;\n})();\n'


def test_a_script_with_a_template_literal_stops_the_build():
    with pytest.raises(PluginError, match="template literal"):
        compact_script("assets/javascripts/x.js", "var a = `\n  b`;\n")


def test_a_file_of_the_made_stylesheet_s_name_in_docs_is_refused_as_unreviewed():
    from jumbo_site.theme.site_assets import asset_problem

    assert "not in the reviewed list" in asset_problem(GENERATED_STYLESHEET, b".kosovo-ref{display:none}")


def test_what_the_policy_check_gathers_is_what_the_page_holds_read_again():
    from jumbo_site.safety.content_security import template_problem, with_policy

    page = '<html><head><meta charset="utf-8"></head><body class="a b"><p id="top" data-x="1">Hi<br></p></body></html>'
    seen = Usage()
    assert template_problem(page, seen=seen) is None
    again = Usage.of([with_policy(page, seen)])
    assert (seen.names, seen.pairs) == (again.names, again.pairs)
