"""Which translations are current, outdated, missing or drifted; the notices readers see;
and scripts/translations for editors.
"""
