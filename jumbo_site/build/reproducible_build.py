"""Two builds of the same sources give the same bytes.

The only date MkDocs writes into the site is the build date, as the timestamp inside
sitemap.xml.gz. Unless SOURCE_DATE_EPOCH says otherwise (the reproducible-builds
convention MkDocs follows), it becomes the date the conference data last changed
(`event.updated` in data/programme.yml).
"""

from __future__ import annotations

import datetime
import os

from jumbo_site.data.conference_data import conference_for


def on_config(config):
    if "SOURCE_DATE_EPOCH" not in os.environ:
        updated = conference_for(config).event.updated
        moment = datetime.datetime.combine(updated, datetime.time(0, 0), tzinfo=datetime.timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    return config
