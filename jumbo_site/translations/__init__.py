"""Which translations are current, outdated, missing or drifted; the notices readers see;
scripts/translations for editors; and the files translators' tools exchange (XLIFF, PO,
TBX, TMX).
"""
