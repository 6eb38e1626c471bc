"""A year of made-up posts for the demo, so its Cadence page tells a story at a glance:
a slow start, a steady spring, a summer break that costs score, a comeback, and a
theme that has gone quiet lately."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone, tzinfo
from typing import NamedTuple

# Posts per calendar week, oldest first, ending with last week (52 weeks).
WEEKLY_POSTS = (
    *(1, 0, 1, 2, 1, 0, 2, 1, 2, 2, 1, 2),  # getting started
    *(3, 2, 3, 3, 3, 4, 3, 2, 3, 3, 3, 3, 3, 4, 2, 3),  # a steady spring
    *(0, 0, 0, 0),  # the summer break
    *(1, 2, 2, 3, 1, 3, 2, 3, 2, 1, 2),  # coming back
    *(3, 3, 4, 3, 3, 3, 4, 3, 3),  # a nine-week streak
)
# Share of posts per theme, by position in the demo's themes; the last one is left
# unposted for the final weeks, to show a quiet theme.
THEME_WEIGHTS = (5, 4, 2)
QUIET_LAST_WEEKS = 5
KINDS = (("share", 11), ("original", 5), ("credit", 3), ("help", 1))
PLATFORMS = (("linkedin", 14), ("mastodon", 3), ("bluesky", 3))
# Mostly Tuesday to Thursday mornings, as people who post on a schedule do.
WEEKDAYS = (0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4)
NOTES = (
    "Worth reading for anyone running an internal platform.",
    "Three lessons from this write-up that match what we saw last quarter.",
    "A fair counterpoint to the usual advice.",
    "Thanks to the author for putting numbers on this.",
    "What would you add to this list?",
    "A good primer for people new to the field.",
)


class DemoPost(NamedTuple):
    posted_at: datetime
    platform: str
    kind: str
    theme_index: int
    url: str
    text: str


def demo_posts(now: datetime, tz: tzinfo, theme_count: int, seed: int = 7) -> list[DemoPost]:
    """The demo's posts up to `now`, in order: the same story whenever the demo opens."""
    rng = random.Random(seed)
    local_now = now.astimezone(tz)
    this_monday = (local_now - timedelta(days=local_now.weekday())).date()
    posts: list[DemoPost] = []
    weights = THEME_WEIGHTS[:theme_count] or (1,)
    for back, count in enumerate(reversed(WEEKLY_POSTS), start=1):
        monday = this_monday - timedelta(weeks=back)
        days = sorted(rng.sample(WEEKDAYS, count)) if count else []
        quiet = back <= QUIET_LAST_WEEKS and theme_count > 1
        for day in days:
            local = datetime.combine(monday + timedelta(days=day), datetime.min.time(), tz)
            local += timedelta(hours=rng.choice((8, 9, 9, 10, 12, 17)), minutes=rng.randrange(60))
            themes = range(len(weights) - 1) if quiet else range(len(weights))
            posts.append(_post(rng, local, themes, weights, len(posts)))
    # This week: one post so far, unless the week has only just begun.
    if local_now.weekday() >= 1:
        local = datetime.combine(this_monday, datetime.min.time(), tz) + timedelta(
            hours=9, minutes=12
        )
        posts.append(_post(rng, local, range(len(weights) - 1 or 1), weights, len(posts)))
    posts.sort(key=lambda p: p.posted_at)
    return [p for p in posts if p.posted_at <= now]


def _post(
    rng: random.Random, local: datetime, themes: range, weights: Sequence[int], n: int
) -> DemoPost:
    platform = _pick(rng, PLATFORMS)
    return DemoPost(
        posted_at=local.astimezone(timezone.utc),
        platform=platform,
        kind=_pick(rng, KINDS),
        theme_index=rng.choices(list(themes), [weights[i] for i in themes])[0],
        url=f"https://{platform}.example/alex/posts/{1000 + n}",
        text=rng.choice(NOTES),
    )


def _pick(rng: random.Random, weighted: Sequence[tuple[str, int]]) -> str:
    return rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]
