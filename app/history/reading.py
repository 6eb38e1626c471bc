"""What the export readers share (docs/HISTORY.md): the progress callback, the dates
each platform writes, read as aware UTC datetimes whatever the system's language, and
putting what was read in order without duplicates."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, timezone
from typing import TypeVar

from app.errors import DigwellError
from app.history.records import Engagement, HistoryPost
from app.i18n import _

# on_progress(done, total): bytes of the export read so far, and how many there are.
Progress = Callable[[int, int], None]
Record = TypeVar("Record", HistoryPost, Engagement)

_MONTHS = {
    m: n
    for n, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
# X: "Wed Oct 10 20:19:24 +0000 2018".
_X_DATE = re.compile(
    r"^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) "
    r"([+-])(\d{2})(\d{2}) (\d{4})$"
)
# ISO 8601 as ActivityStreams and AT Protocol write it: 2023-04-01T12:34:56.789Z, or with
# an offset; fractions of any length (Python 3.10's fromisoformat takes only 3 or 6).
_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)
# LinkedIn: "2024-03-05 14:02:11", in UTC.
_LINKEDIN_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$")


def reporter(on_progress: Progress | None, total: int) -> Callable[[int], None] | None:
    """A callback of bytes read so far for the archive's streams, or None."""
    if on_progress is None:
        return None
    report = on_progress
    return lambda done: report(min(done, total), total)


def x_date(text: str) -> datetime:
    """X's created_at; ValueError if it is not one."""
    found = _X_DATE.match(text.strip())
    month = _MONTHS.get(found.group(1)) if found else None
    problem = _("“{text}” is not a date like Wed Oct 10 20:19:24 +0000 2018.").format(
        text=text[:40]
    )
    if not found or not month:
        raise ValueError(problem)
    _weekday, day, hour, minute, second, sign, off_h, off_m, year = found.groups()
    offset = timedelta(hours=int(off_h), minutes=int(off_m)) * (-1 if sign == "-" else 1)
    try:
        at = datetime(int(year), month, int(day), int(hour), int(minute), int(second))
        return at.replace(tzinfo=timezone(offset)).astimezone(timezone.utc)
    except (ValueError, OverflowError):
        raise ValueError(problem) from None


def iso_date(text: str) -> datetime:
    """An ISO 8601 date and time (no offset means UTC); ValueError if it is not one."""
    found = _ISO.match(text.strip()) if isinstance(text, str) else None
    problem = _("“{text}” is not a date like 2023-04-01T12:34:56Z.").format(text=str(text)[:40])
    if not found:
        raise ValueError(problem)
    year, month, day, hour, minute, second, fraction, zone = found.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    try:
        tz = timezone.utc
        if zone and zone.upper() != "Z":
            digits = zone[1:].replace(":", "")
            offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            tz = timezone(-offset if zone[0] == "-" else offset)
        at = datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro, tz
        )
        return at.astimezone(timezone.utc)
    except (ValueError, OverflowError):
        raise ValueError(problem) from None


def linkedin_date(text: str) -> datetime:
    """LinkedIn's `2024-03-05 14:02:11` (UTC); ValueError if it is not one."""
    found = _LINKEDIN_DATE.match(text.strip())
    problem = _("“{text}” under Date is not a date like 2024-03-05 14:02:11.").format(
        text=text[:40]
    )
    if not found:
        raise ValueError(problem)
    year, month, day, hour, minute, second = map(int, found.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)
    except ValueError:
        raise ValueError(problem) from None


def in_order(records: Iterable[Record]) -> list[Record]:
    """Oldest first, each platform id once (the first met wins)."""
    seen: set[str] = set()
    kept = []
    for record in records:
        if record.external_id not in seen:
            seen.add(record.external_id)
            kept.append(record)
    kept.sort(key=_when)
    return kept


def _when(record: HistoryPost | Engagement) -> datetime:
    return record.posted_at if isinstance(record, HistoryPost) else record.at


def cut_short(where: str, err: Exception) -> DigwellError:
    """The error for an export's JSON that ends early or is broken (ijson's first line)."""
    reason = str(err).split("\n", 1)[0]
    return DigwellError(
        _("{file} is not whole JSON ({reason}); nothing was imported.").format(
            file=where, reason=reason
        ),
        _("Download the archive again: the file may have been cut short."),
    )
