"""The site's languages (mkdocs.yml's list, read once), their interface strings, the i18n
plugin with three-letter codes, Serbian Latin made from Cyrillic, dates in each language,
and Kosovo* with its footnote wherever Kosovo is named.
"""
