"""A tie to the record that the data could lose without any figure or term changing: the
co-chairs the data gives are those point 9 names (the home page and the partners page
show the data's co-chairs, so they agree with a wrong one). In-process, on the data and
the record's copy."""

from __future__ import annotations

from support.faithfulness import CONFERENCE, POINTS


def test_the_co_chairs_of_the_data_are_those_the_record_names():
    co_chairs = [partner.name["en"] for partner in CONFERENCE.partners if partner.role == "co-chair"]
    assert f"The {' and '.join(co_chairs)}, as co-chairs of the conference" in POINTS[8], co_chairs
