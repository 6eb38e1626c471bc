"""The rank key orders items as their decayed scores do, at any moment."""

import random
from datetime import datetime, timedelta, timezone

import pytest

from app.strategy.ranking import UNMATCHED_RELEVANCE, rank_key, score_at

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)


def test_a_score_halves_every_half_life():
    published = NOW - timedelta(days=3)
    assert score_at(0.8, published, NOW, 3.0) == pytest.approx(0.4)
    assert score_at(0.8, published, NOW, 1.5) == pytest.approx(0.2)
    assert score_at(0.8, NOW + timedelta(days=2), NOW, 3.0) == pytest.approx(0.8)  # future: new
    assert score_at(0.0, NOW, NOW, 3.0) == 0.0


def test_ordering_by_key_is_ordering_by_decayed_score_at_any_time():
    rng = random.Random(7)
    items = [
        (rng.choice([0.0, rng.random()]), NOW - timedelta(hours=rng.randrange(24 * 60)))
        for _ in range(300)
    ]
    for half_life in (0.5, 3.0, 14.0):
        by_key = sorted(items, key=lambda i: rank_key(i[0], i[1], half_life), reverse=True)
        for now in (NOW, NOW + timedelta(days=40)):
            scores = [
                score_at(max(relevance, UNMATCHED_RELEVANCE), when, now, half_life)
                for relevance, when in by_key
            ]
            assert scores == sorted(scores, reverse=True)


def test_an_unmatched_item_ranks_below_a_matched_one_until_it_is_much_fresher():
    matched = rank_key(0.5, NOW - timedelta(days=10), 3.0)
    assert rank_key(0.0, NOW - timedelta(days=1), 3.0) < matched
    assert rank_key(0.0, NOW + timedelta(days=10), 3.0) > matched
