"""Material's files as the site publishes them: one stylesheet of the rules pages use, the
site's scripts compacted, the reviewed list of assets, templates compiled once for all
languages, and valid markup where Material writes outside its blocks.
"""
