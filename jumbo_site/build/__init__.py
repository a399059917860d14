"""The pipeline and what one build keeps: site_plugin.py (the one hook, every event's steps
in order), the per-build state object, the caches that outlive a build (each keyed on what
made it), errors that name the editor's file and line, and the live preview.
"""
