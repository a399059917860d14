"""What content may hold, checked where it ends up: the allowlist of editors' HTML, limits
read before any parser, invisible and mixed-script characters, the file types published
from docs/, content folders without links, and the policy check of every finished page.
"""
