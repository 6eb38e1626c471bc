"""count_text, the one way in: every platform, its limit, and mistakes."""

import pytest

from app.compose.counting import count_text
from app.errors import DigwellError


def test_unknown_platform():
    with pytest.raises(DigwellError, match="no platform 'myspace'"):
        count_text("hi", "myspace")


def test_a_limit_below_one_is_a_mistake():
    with pytest.raises(ValueError, match="at least 1"):
        count_text("hi", "x", limit=0)


@pytest.mark.parametrize("key", ["linkedin", "x", "mastodon", "bluesky", "threads"])
def test_empty_text_counts_zero_and_is_not_flagged(key):
    counted = count_text("", key)
    assert (counted.count, counted.over_at, counted.problems, counted.ok) == (0, None, (), True)
