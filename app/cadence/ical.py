"""The posting plan as an iCalendar file that calendar apps import (RFC 5545)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from app import APP_NAME, __version__
from app.cadence.plan import Slot
from app.compose.platforms import PLATFORMS

SLOT_MINUTES = 30


def plan_calendar(slots: Sequence[Slot], now: datetime) -> bytes:
    """One event per slot. UIDs come from the slot's time, so importing a newer export
    updates the same events instead of adding copies."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", f"-//{APP_NAME}//Posting plan {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{APP_NAME} posting plan")
    for slot in slots:
        event = Event()
        event.add("uid", f"{slot.at:%Y%m%dT%H%M%SZ}-slot@digwell.invalid")
        event.add("dtstamp", now)
        event.add("dtstart", slot.at)
        event.add("dtend", slot.at + timedelta(minutes=SLOT_MINUTES))
        event.add("summary", _summary(slot))
        event.add("description", _description(slot))
        event.add("transp", "TRANSPARENT")  # a reminder to post, not a busy meeting
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()  # icalendar types it Any
    return ical


def _summary(slot: Slot) -> str:
    if not slot.drafts:
        return "Share something on your themes"
    draft = slot.drafts[0]
    name = PLATFORMS[draft.platform].name if draft.platform in PLATFORMS else draft.platform
    more = f" (+{len(slot.drafts) - 1} more)" if len(slot.drafts) > 1 else ""
    return f"Post on {name}: {draft.title}{more}"


def _description(slot: Slot) -> str:
    if not slot.drafts:
        return f"A posting slot from {APP_NAME}: pick an item from your inbox and share it."
    return "\n\n---\n\n".join(d.text for d in slot.drafts)
