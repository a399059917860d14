"""What the site adds to each page, on the page's one tree (page_tree.py: Markdown's HTML
parsed once, after the editors' allowlist, and written once): numbered points that readers
cite, their tools, heading permalinks, the conclusions' index and share panel, the chrome,
metadata and link previews.
"""
