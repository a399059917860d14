"""A saved page reaches the browser in about a second under `mkdocs serve`.

MkDocs polls the watched files every 0.5 s, which alone costs a quarter of a second
on average before a rebuild can start. Here the watching moves to an observer that
polls every 0.1 s (a stat of some hundred files: negligible). The watched paths stay
MkDocs' own (mkdocs.yml, and the `watch:` list: the real docs/, data/ and the interface
strings, everything an editor edits), except the temporary copy of docs/ that
serbian_latin.py builds from, which is replaced at every build and so cannot be
watched usefully. What the hooks read from those files is cached on the files'
versions (file_versions.py), so a rebuild shows the save.
"""

from __future__ import annotations

POLL_SECONDS = 0.1


# Before MkDocs adds the `watch:` paths (it does so right after this event).
def on_serve(server, config, builder):
    from watchdog.observers.polling import PollingObserver  # only under `mkdocs serve`: a build does without it

    already = [path for path in (config.docs_dir, config.config_file_path) if path]
    for path in already:
        server.unwatch(path)
    server.observer = PollingObserver(timeout=POLL_SECONDS)
    if config.config_file_path:
        server.watch(config.config_file_path)
    return server
