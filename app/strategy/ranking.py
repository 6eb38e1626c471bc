"""Freshness-decayed ranking as a key that never needs updating.

An item's score at time t is relevance * 0.5 ** (age / half_life). Its logarithm is
log2(relevance) + sort_days / half_life - t_days / half_life, and the last term is the
same for every item: ordering by `rank_key` = log2(relevance) + sort_days / half_life
orders by the decayed score at any moment. So the key is computed once, when the item
is stored or the strategy changes, and the inbox is an indexed query.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone

# An item no theme matches ranks as if this relevant: a fresh one sits below a matched
# one until that is about 6 half-lives (18 days, by default) older.
UNMATCHED_RELEVANCE = 1 / 64
_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)
_DAY_S = 86400.0


def days_since_epoch(when: datetime) -> float:
    return (when - _EPOCH).total_seconds() / _DAY_S


def rank_key(relevance: float, sort_time: datetime, half_life_days: float) -> float:
    """The key the inbox sorts by (descending); see the module docstring."""
    floor = max(relevance, UNMATCHED_RELEVANCE)
    return math.log2(floor) + days_since_epoch(sort_time) / half_life_days


def score_at(relevance: float, sort_time: datetime, now: datetime, half_life_days: float) -> float:
    """The decayed score shown to the user, 0-1: relevance halved every half-life of age.
    An item dated in the future counts as new."""
    if relevance <= 0:
        return 0.0
    age_days = max(0.0, (now - sort_time).total_seconds() / _DAY_S)
    decay: float = 0.5 ** (age_days / half_life_days)  # float ** float is Any to typeshed
    return relevance * decay
