"""Headers a fetch sends and reads: extra headers checked, waits read within a bound."""

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from app.feeds.fetch_headers import MAX_WAIT_S, max_age, refuse_headers, retry_after


@pytest.mark.parametrize(
    ("headers", "refused"),
    [
        ((), False),
        ((("Authorization", "Bearer abc"), ("X-Api-Key", "k")), False),
        ((("Bad Name", "v"),), True),
        ((("", "v"),), True),
        ((("X-Key", "line\nbreak"),), True),
        ((("X-Key", "é"),), True),
    ],
)
def test_refuse_headers(headers, refused):
    assert bool(refuse_headers(headers)) is refused


def test_retry_after_in_seconds_or_as_a_date_bounded_to_a_week():
    assert retry_after("120") == 120.0
    assert retry_after(" ") is None
    assert retry_after("soon") is None
    assert retry_after(str(10**9)) == MAX_WAIT_S
    later = format_datetime(datetime.now(timezone.utc) + timedelta(hours=1), usegmt=True)
    assert 3500 < retry_after(later) <= 3600
    earlier = format_datetime(datetime.now(timezone.utc) - timedelta(hours=1), usegmt=True)
    assert retry_after(earlier) == 0.0


def test_max_age_bounded_to_a_week():
    assert max_age("public, max-age=300") == 300.0
    assert max_age('MAX-AGE="60"') == 60.0
    assert max_age("no-cache") is None
    assert max_age("max-age=-1") is None
    assert max_age(f"max-age={MAX_WAIT_S * 10}") == MAX_WAIT_S
