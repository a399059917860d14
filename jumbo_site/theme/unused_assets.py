"""Leave out of the site the Material files that no page loads.

The site does not use Material's script bundle (see main.html, block scripts), and so
none of its search worker or lunr language files: some 2.3 MB that readers never
request. Keeping them out keeps the published site and its artifact small.
"""

from __future__ import annotations

UNUSED = ("assets/javascripts/bundle.", "assets/javascripts/lunr/", "assets/javascripts/workers/")


def on_files(files, config):
    for file in [f for f in files if f.src_uri.startswith(UNUSED)]:
        files.remove(file)
    return files
