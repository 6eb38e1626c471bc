"""Dates: the fast path's parser agrees with feedparser's, or declines."""

from __future__ import annotations

from app.feeds.fastparse_dates import parse_date
from app.feeds.fastparse_tables import Unsure
from app.feeds.records import utc_time


def _date_strings():
    rfc = [
        f"{day}{d} {month} {year} {time} {zone}"
        for day in ("", "Sun, ", "Sunday, ", "sun ", "Xyz, ")
        for d in ("1", "01", "29", "31")
        for month in ("Jan", "feb", "March", "Nov")
        for year in ("2026", "2028", "1970", "26")
        for time in ("00:00:00", "9:05", "23:59:59", "24:00:00", "12:60:00")
        for zone in ("GMT", "+0000", "-0530", "+05:30", "EST", "pdt", "UTC", "CEST", "gmt+1")
    ]
    iso = [
        f"{date}{sep}{time}{zone}"
        for date in ("2026-11-21", "1970-01-01", "2028-02-29", "2026-02-29", "2026-1-2")
        for sep in ("T", "t", " ")
        for time in ("09:00:00", "09:00", "09:00:00.999", "23:59:59", "24:00:00")
        for zone in ("", "Z", "z", "+05:30", "-08:00", "+0530", "+14:00", " GMT")
    ]
    return rfc[::7] + iso + ["2026-11-21", "2026-11", "yesterday", "", "Sun, 22 Nov 2026"]


def test_dates_agree_with_feedparser_or_fall_back():
    from feedparser.datetimes import _parse_date

    read = 0
    for text in _date_strings():
        try:
            mine = parse_date(text)
        except Unsure:
            continue
        read += 1
        assert mine == utc_time(_parse_date(text)), text
    assert read > 500  # the common forms are read, not left to feedparser


def test_date_handlers_are_tried_in_the_order_the_fast_path_assumes():
    from feedparser.datetimes import _date_handlers
    from feedparser.datetimes.rfc822 import _parse_date_rfc822
    from feedparser.datetimes.w3dtf import _parse_date_w3dtf

    assert _date_handlers[:2] == [_parse_date_w3dtf, _parse_date_rfc822]
