"""A search index for each language, of the sections its pages have."""
