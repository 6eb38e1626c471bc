"""The posting plan: the schedule's upcoming slots with the drafts planned into them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, tzinfo
from typing import NamedTuple

from app.cadence.schedule import PostingSchedule, upcoming_slots
from app.types import Draft

PLAN_WEEKS = 4


class Slot(NamedTuple):
    at: datetime  # aware, UTC
    drafts: tuple[Draft, ...] = ()
    scheduled: bool = True  # False: a draft planned at a time the schedule has no slot for


def plan_slots(
    schedule: PostingSchedule,
    planned: Sequence[Draft],
    now: datetime,
    tz: tzinfo,
    weeks: int = PLAN_WEEKS,
) -> list[Slot]:
    """The slots from now to `weeks` ahead, in order, each with its planned drafts; a
    draft planned off the schedule (it changed since) gets a slot of its own."""
    end = now + timedelta(days=7 * weeks)
    by_time: dict[datetime, list[Draft]] = {}
    for draft in planned:
        if draft.planned_for is not None and now <= draft.planned_for < end:
            by_time.setdefault(draft.planned_for, []).append(draft)
    times = set(upcoming_slots(schedule, now, tz, weeks))
    return [
        Slot(at, tuple(by_time.get(at, ())), at in times) for at in sorted(times | set(by_time))
    ]


def overdue(planned: Sequence[Draft], now: datetime) -> list[Draft]:
    """Planned drafts whose time has passed without being posted, oldest first."""
    late = [d for d in planned if d.planned_for is not None and d.planned_for < now]
    return sorted(late, key=lambda d: d.planned_for or now)
