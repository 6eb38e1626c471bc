"""Planned breaks as days and weeks: which days a set of possibly overlapping breaks
covers, and what a calendar week with some break days needs to count towards a streak
(docs/CADENCE.md, "Planned breaks")."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, timedelta

from app.types import Break

# A calendar week with at least this many break days is a break week: streaks skip it.
BREAK_WEEK_DAYS = 4
_DAY = timedelta(days=1)
_WEEK_DAYS = 7

Span = tuple[date, date]  # first and last day, both included


def merged_spans(breaks: Iterable[Break]) -> list[Span]:
    """The days the breaks cover as disjoint spans in order: overlapping breaks, and
    breaks that follow each other without a day between, become one span."""
    spans: list[Span] = []
    for start, end in sorted((b.starts_on, b.ends_on) for b in breaks if b.ends_on >= b.starts_on):
        # (start - last end).days rather than end + 1 day: a break may end on date.max.
        if spans and (start - spans[-1][1]).days <= 1:
            if end > spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


class BreakDays:
    """The set of break days of some breaks, answered from their merged spans (a break
    may be years long, so the days are never listed one by one)."""

    __slots__ = ("_ends", "_starts", "spans")

    def __init__(self, breaks: Iterable[Break] = ()) -> None:
        self.spans: tuple[Span, ...] = tuple(merged_spans(breaks))
        self._starts = [start for start, _ in self.spans]
        self._ends = [end for _, end in self.spans]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.span_at(day) is not None

    def span_at(self, day: date) -> Span | None:
        """The merged span holding `day`, or None when `day` is not a break day."""
        i = bisect_right(self._starts, day) - 1
        return self.spans[i] if i >= 0 and day <= self._ends[i] else None

    def count(self, first: date, last: date) -> int:
        """How many of the days first..last (both included) are break days."""
        total = 0
        # Spans are disjoint and in order, so their ends are in order too.
        for i in range(bisect_left(self._ends, first), bisect_right(self._starts, last)):
            start, end = self.spans[i]
            total += (min(end, last) - max(start, first)).days + 1
        return total

    def resume_day(self, day: date) -> date | None:
        """`day` itself when it is not a break day; else the first day after its break
        (None for a break that never ends: one on the last day a date can hold)."""
        span = self.span_at(day)
        if span is None:
            return day
        return None if span[1] == date.max else span[1] + _DAY

    def week_break_days(self, monday: date) -> int:
        """Break days in the calendar week that starts on `monday`."""
        return self.count(monday, monday + timedelta(days=_WEEK_DAYS - 1))


def week_target(target: int, break_days: int) -> int:
    """Posts a calendar week with `break_days` break days needs to count towards a
    streak: the weekly target with none; the target pro-rated to the week's other days
    and rounded up (at least 1) with 1 to 3; 0 with 4 or more, a break week, which a
    streak skips."""
    if break_days >= BREAK_WEEK_DAYS:
        return 0
    if break_days <= 0:
        return target
    return max(1, -(-target * (_WEEK_DAYS - break_days) // _WEEK_DAYS))  # ceiling division
