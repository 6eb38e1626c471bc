"""What the cadence report needs of the posts log, read by SQLite in a few aggregate
queries instead of every post by Python (docs/CADENCE.md; bench/history.py): ten years of
50,000 imported posts become some 3,650 local days, a handful of themes' last posts and
the last 90 days' posts.

Counting posts per local day needs the user's time zone, which SQLite does not know. The
zone's UTC offset is found for the whole span, sampled once a week (no zone changes its
clocks twice in a week) with each change pinned to the second by halving, and handed to
the query, which shifts each post's UTC time by the offset in force at that moment, as
`datetime.astimezone` does. The figures are the same as from the posts themselves
(app/cadence/report.py `post_facts`; tests/cadence/test_facts.py holds them equal)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from app.cadence.report import RECENT_DAYS, PostFacts
from app.store import posts as posts_q
from app.store.database import Database

_STEP = timedelta(days=7)
_SECOND = timedelta(seconds=1)


def _offset(moment: datetime, tz: tzinfo) -> int:
    shift = moment.astimezone(tz).utcoffset()
    return int(shift.total_seconds()) if shift is not None else 0


def utc_offsets(tz: tzinfo, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """[(from, offset in seconds)]: the zone's UTC offset from each moment on, for
    `start` to `end` (aware); the first entry is `start`'s own."""
    at = start.replace(microsecond=0)
    current = _offset(at, tz)
    shifts = [(at, current)]
    while at < end:
        following = min(at + _STEP, end)
        offset = _offset(following, tz)
        if offset != current:
            low, high = at, following  # the offset changes after low, by high
            while high - low > _SECOND:
                middle = low + timedelta(seconds=(high - low).total_seconds() // 2)
                if _offset(middle, tz) == current:
                    low = middle
                else:
                    high = middle
            shifts.append((high, offset))
            current = offset
        at = following
    return shifts


def read_facts(db: Database, now: datetime, tz: tzinfo) -> PostFacts:
    """The report's facts of every post up to `now`, in the zone `tz`."""
    first = posts_q.first_post_time(db)
    if first is None or first > now:
        return PostFacts({}, [], {}, 0)
    days = posts_q.local_day_counts(db, now, utc_offsets(tz, first, now))
    # A second's margin: the report's own comparisons decide (stored times are whole seconds).
    recent = posts_q.posts_between(db, now - timedelta(days=RECENT_DAYS, seconds=1), now + _SECOND)
    return PostFacts(days, recent, posts_q.last_post_times(db, now), sum(days.values()))


class FactsCache:
    """The day counts and each theme's last post, kept from one report to the next: with
    ten years of history they are most of a report's time. Read again on a new local day,
    when the posts' count or newest id differs, or after `forget` (the planner calls it
    when posts, breaks or settings are announced as changed: an edited post's time)."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._days: dict[date, int] = {}
        self._last: dict[int | None, datetime] = {}

    def forget(self) -> None:
        self._key = None

    def read(self, db: Database, now: datetime, tz: tzinfo) -> PostFacts:
        """As read_facts, the costly parts from the cache when it still holds."""
        count, newest = db.read("SELECT count(*), max(id) FROM posts")[0]
        key = (now.astimezone(tz).date(), repr(tz), count, newest)
        if key != self._key:
            facts = read_facts(db, now, tz)
            self._key, self._days, self._last = key, facts.day_counts, facts.last_posts
            return facts
        recent = posts_q.posts_between(
            db, now - timedelta(days=RECENT_DAYS, seconds=1), now + _SECOND
        )
        return PostFacts(self._days, recent, self._last, sum(self._days.values()))
