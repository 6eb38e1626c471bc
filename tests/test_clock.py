"""default_clock(): the system clock, unless DIGWELL_NOW fixes the time of a process."""

from datetime import datetime, timedelta, timezone

import pytest

from app.clock import NOW_ENV, FixedClock, SystemClock, default_clock
from app.errors import DigwellError


def test_without_digwell_now_the_system_clock_is_used(monkeypatch):
    monkeypatch.delenv(NOW_ENV, raising=False)
    assert isinstance(default_clock(), SystemClock)


def test_an_empty_digwell_now_means_the_system_clock(monkeypatch):
    monkeypatch.setenv(NOW_ENV, "")
    assert isinstance(default_clock(), SystemClock)


def test_digwell_now_fixes_the_time_at_that_instant(monkeypatch):
    monkeypatch.setenv(NOW_ENV, "2026-11-23T10:00:00+01:00")
    clock = default_clock()
    assert isinstance(clock, FixedClock)
    now = clock.now()
    assert now == datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
    assert now.utcoffset() == timedelta(0)  # the core works in UTC
    assert clock.now() == now  # and it stands still


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01T10:00:00+01:00", "10:00+01:00x"])
def test_a_malformed_digwell_now_is_a_clear_error(monkeypatch, value):
    monkeypatch.setenv(NOW_ENV, value)
    with pytest.raises(DigwellError) as caught:
        default_clock()
    assert caught.value.message == f"DIGWELL_NOW={value!r} is not a time."
    assert "ISO 8601" in caught.value.hint


def test_a_digwell_now_without_offset_is_refused(monkeypatch):
    monkeypatch.setenv(NOW_ENV, "2026-11-23T10:00:00")
    with pytest.raises(DigwellError) as caught:
        default_clock()
    assert "DIGWELL_NOW" in caught.value.message and "no UTC offset" in caught.value.message
