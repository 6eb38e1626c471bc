from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from app.cadence.week import next_week_start, week_progress, week_start

BERLIN = ZoneInfo("Europe/Berlin")
UTC = timezone.utc


def test_week_starts_monday_midnight_local():
    now = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)  # Wednesday
    assert week_start(now, BERLIN) == datetime(2026, 11, 22, 23, 0, tzinfo=UTC)
    assert next_week_start(now, BERLIN) == datetime(2026, 11, 29, 23, 0, tzinfo=UTC)


def test_sunday_late_evening_local_is_still_the_old_week():
    # 23:30 Sunday in Berlin is 22:30 UTC: the same Berlin week as Wednesday before.
    sunday = datetime(2026, 11, 29, 22, 30, tzinfo=UTC)
    monday = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)  # 00:30 Monday in Berlin
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    progress = week_progress([sunday, monday], now, BERLIN, 3)
    assert progress.posts == 1 and not progress.met


def test_week_holding_the_autumn_dst_change_is_169_hours_long():
    # Berlin leaves summer time on Sunday 25 Oct 2026: that week has one hour twice.
    now = datetime(2026, 10, 22, 12, 0, tzinfo=UTC)
    start, end = week_start(now, BERLIN), next_week_start(now, BERLIN)
    assert start == datetime(2026, 10, 18, 22, 0, tzinfo=UTC)  # Mon 19 Oct 00:00 CEST
    assert end == datetime(2026, 10, 25, 23, 0, tzinfo=UTC)  # Mon 26 Oct 00:00 CET
    assert (end - start).total_seconds() == 169 * 3600


@pytest.mark.parametrize(("posts", "met"), [(2, False), (3, True), (4, True)])
def test_target_met(posts, met):
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    times = [now] * posts
    assert week_progress(times, now, BERLIN, 3).met is met


def test_year_boundary_week_spans_two_years():
    now = datetime(2027, 1, 1, 12, 0, tzinfo=UTC)  # Friday; week began Monday 28 Dec 2026
    assert week_start(now, UTC) == datetime(2026, 12, 28, tzinfo=UTC)
