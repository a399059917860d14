"""What the site adds to each page: numbered points that readers cite, their tools, heading
permalinks, the conclusions' index and share panel, the chrome, metadata and link previews.
"""
