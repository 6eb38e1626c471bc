"""The posting plan: slots with planned drafts, off-schedule plans, overdue drafts, iCal."""

from datetime import datetime, time, timedelta, timezone

import pytest
from icalendar import Calendar

from app.cadence.ical import plan_calendar
from app.cadence.plan import Slot, overdue, plan_slots
from app.cadence.schedule import PostingSchedule
from app.types import Draft

from ..conftest import BERLIN, NOW

UTC = timezone.utc
TUE_THU = PostingSchedule(days=(1, 3), at=time(9, 0))


def _draft(draft_id: int, at: datetime | None, title: str = "A post") -> Draft:
    return Draft(
        id=draft_id,
        text=f"Text of {title}",
        template="quick-share",
        platform="linkedin",
        state="planned",
        created=NOW,
        updated=NOW,
        title=title,
        planned_for=at,
    )


def test_four_weeks_of_tuesdays_and_thursdays_at_nine_local():
    slots = plan_slots(TUE_THU, [], NOW, BERLIN)  # NOW: Monday 23 Nov 2026, 10:00 Berlin
    assert len(slots) == 8
    assert slots[0].at == datetime(2026, 11, 24, 8, 0, tzinfo=UTC)  # Tue 09:00 CET
    assert [s.at.astimezone(BERLIN).strftime("%a %H:%M") for s in slots[:2]] == [
        "Tue 09:00",
        "Thu 09:00",
    ]
    assert all(not s.drafts and s.scheduled for s in slots)


def test_a_planned_draft_sits_in_its_slot_and_one_planned_off_schedule_gets_its_own():
    tuesday = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    friday = datetime(2026, 11, 27, 16, 30, tzinfo=UTC)
    slots = plan_slots(TUE_THU, [_draft(1, tuesday), _draft(2, friday)], NOW, BERLIN)
    assert [d.id for d in slots[0].drafts] == [1]
    off = next(s for s in slots if s.at == friday)
    assert off == Slot(friday, (_draft(2, friday),), scheduled=False)
    assert len(slots) == 9


def test_drafts_planned_in_the_past_are_overdue_not_slots():
    yesterday = NOW - timedelta(days=1)
    planned = [_draft(1, yesterday), _draft(2, NOW + timedelta(days=1)), _draft(3, None)]
    assert [d.id for d in overdue(planned, NOW)] == [1]
    assert all(1 not in [d.id for d in s.drafts] for s in plan_slots(TUE_THU, planned, NOW, BERLIN))


def test_the_ical_export_has_one_event_per_slot_at_the_right_times():
    tuesday = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    slots = plan_slots(TUE_THU, [_draft(7, tuesday, "Golden paths")], NOW, BERLIN)
    calendar = Calendar.from_ical(plan_calendar(slots, NOW))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 8
    first = events[0]
    assert first.decoded("dtstart") == tuesday
    assert first.decoded("dtend") - first.decoded("dtstart") == timedelta(minutes=30)
    assert str(first["summary"]) == "Post on LinkedIn: Golden paths"
    assert "Text of Golden paths" in str(first["description"])
    assert str(events[1]["summary"]) == "Share something on your themes"
    assert len({str(e["uid"]) for e in events}) == 8


def test_ical_uids_are_stable_so_a_new_export_updates_the_same_events():
    slots = plan_slots(TUE_THU, [], NOW, BERLIN)
    one = Calendar.from_ical(plan_calendar(slots, NOW))
    two = Calendar.from_ical(plan_calendar(slots, NOW + timedelta(hours=1)))
    assert [str(e["uid"]) for e in one.walk("VEVENT")] == [
        str(e["uid"]) for e in two.walk("VEVENT")
    ]


@pytest.mark.parametrize("weeks", [1, 4])
def test_slots_never_reach_past_the_window(weeks):
    slots = plan_slots(TUE_THU, [], NOW, BERLIN, weeks)
    assert all(NOW <= s.at < NOW + timedelta(weeks=weeks) for s in slots)
    assert len(slots) == 2 * weeks
