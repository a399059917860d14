"""The build of the Jumbo 2021 microsite: MkDocs, Material and mkdocs-static-i18n, with the
site's own steps, one concern a folder.

mkdocs.yml has one hook, build/site_plugin.py: it lists every MkDocs event the site
handles and, for each, the steps in the order they run (README, "How a page is built").
Each step is a function of a module in one of these folders:

- build/        the pipeline, the build's state and caches, editors' errors, the live preview
- languages/    the languages, their interface strings, Serbian Latin, dates, Kosovo*
- data/         the programme and the partners (data/*.yml), their schemas, front matter, markers
- safety/       what content may hold: the allowlist, limits, file types, the page policy
- page/         what the site adds to a page: numbered points and their tools, headings, metadata
- search/       each language's search index
- takeaways/    the PDFs, the calendar files, the open data, and the fonts they use
- translations/ which translations are current, notices for readers, scripts/translations
- theme/        Material's files as published: one stylesheet, compact scripts, shared templates
"""
