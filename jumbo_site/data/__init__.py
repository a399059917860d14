"""The conference's facts: data/programme.yml and data/partners.yml read strictly, checked
against their JSON Schemas (schemas/) and against each other, and rendered into pages
through the `[[…]]` markers; front matter; the home page made from the data.
"""
