"""The readers' shared helpers (app/history/reading.py): each platform's dates read as
UTC whatever the system's language, records kept in order and once."""

from __future__ import annotations

import locale
from datetime import datetime, timezone

import pytest

from app.history.reading import in_order, iso_date, linkedin_date, reporter, x_date
from app.history.records import HistoryPost

UTC = timezone.utc


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("Wed Oct 10 20:19:24 +0000 2018", datetime(2018, 10, 10, 20, 19, 24, tzinfo=UTC)),
        ("Thu Feb 29 23:30:00 -0130 2024", datetime(2024, 3, 1, 1, 0, 0, tzinfo=UTC)),
        ("Sun Jan 01 00:00:00 +0200 2017", datetime(2016, 12, 31, 22, 0, 0, tzinfo=UTC)),
    ],
)
def test_x_dates(text, at):
    assert x_date(text) == at


def test_x_dates_do_not_depend_on_the_locale(monkeypatch):
    monkeypatch.setattr(locale, "getlocale", lambda *a: ("de_DE", "UTF-8"))
    assert x_date("Tue May 05 10:00:00 +0000 2020").month == 5


@pytest.mark.parametrize(
    "text", ["", "2018-10-10", "Wed Okt 10 20:19:24 +0000 2018", "Wed Feb 30 20:19:24 +0000 2018"]
)
def test_what_is_not_an_x_date(text):
    with pytest.raises(ValueError, match="is not a date like Wed Oct 10"):
        x_date(text)


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("2023-04-01T12:34:56Z", datetime(2023, 4, 1, 12, 34, 56, tzinfo=UTC)),
        ("2023-04-01T12:34:56.789Z", datetime(2023, 4, 1, 12, 34, 56, 789000, tzinfo=UTC)),
        ("2024-11-05T08:00:00.123456789Z", datetime(2024, 11, 5, 8, 0, 0, 123456, tzinfo=UTC)),
        ("2023-04-01T14:34:56+02:00", datetime(2023, 4, 1, 12, 34, 56, tzinfo=UTC)),
        ("2023-04-01T12:34:56", datetime(2023, 4, 1, 12, 34, 56, tzinfo=UTC)),
    ],
)
def test_iso_dates(text, at):
    assert iso_date(text) == at


@pytest.mark.parametrize("text", ["", "yesterday", "2023-02-30T10:00:00Z", "2023-04-01"])
def test_what_is_not_an_iso_date(text):
    with pytest.raises(ValueError, match="is not a date like 2023-04-01T12:34:56Z"):
        iso_date(text)


def test_linkedin_dates_are_utc():
    assert linkedin_date(" 2024-03-05 14:02:11 ") == datetime(2024, 3, 5, 14, 2, 11, tzinfo=UTC)
    for bad in ("05.03.2024 14:02", "2024-02-30 10:00:00"):
        with pytest.raises(ValueError, match="under Date is not a date"):
            linkedin_date(bad)


def test_records_in_order_and_once():
    def post(n: str, day: int) -> HistoryPost:
        return HistoryPost("x", n, datetime(2024, 1, day, tzinfo=UTC), n)

    kept = in_order([post("b", 3), post("a", 1), post("b", 2), post("c", 2)])
    assert [(p.external_id, p.posted_at.day) for p in kept] == [("a", 1), ("c", 2), ("b", 3)]


def test_the_reporter_never_tells_more_than_the_total():
    seen = []
    report = reporter(lambda done, total: seen.append((done, total)), 100)
    assert report is not None and reporter(None, 100) is None
    report(40)
    report(140)
    assert seen == [(40, 100), (100, 100)]
