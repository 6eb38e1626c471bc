"""Feed dates as feedparser reads them: W3C-DTF first, then RFC 822.

Only the forms of each whose result is certain are read here, computed its way; Unsure
for anything else, which is left to feedparser.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from app.feeds.fastparse_tables import ZONES, Unsure

_W3DTF = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)(?:[Tt](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?([Zz]|[+-]\d\d:\d\d)?)?",
    re.ASCII,
)
_RFC822 = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(\d{1,2})\s+"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(\d{4})\s+"
    r"(\d{1,2}):(\d\d)(?::(\d\d))?\s+([+-]\d\d:?\d\d|[a-z]+)",
    re.ASCII | re.IGNORECASE,
)
_MONTHS = {
    month: number
    for number, month in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


def parse_date(value: str) -> datetime:
    """What feedparser's _parse_date and records.utc_time make of the date, or Unsure."""
    match = _W3DTF.fullmatch(value)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        hours = minutes = 0
        if zone and zone[0] in "+-":
            sign = -1 if zone[0] == "-" else 1
            hours, minutes = sign * int(zone[1:3]), sign * int(zone[4:])
        return _utc(year, month, day, hour or 0, minute or 0, second or 0, hours, minutes)
    match = _RFC822.fullmatch(value)
    if match:
        day, month, year, hour, minute, second, zone = match.groups()
        zone = zone.lower()
        if zone[0] in "+-":
            sign = -1 if zone[0] == "-" else 1
            hours, minutes = sign * int(zone[1:3]), sign * int(zone[-2:])
        else:
            if zone.startswith("gmt"):
                zone = zone[3:] or "gmt"
            hours, minutes = ZONES.get(zone, 0), 0
        month = _MONTHS[month[:3].lower()]
        return _utc(year, month, day, hour, minute, second or 0, hours, minutes)
    raise Unsure


# records.utc_time goes through a Unix timestamp, which some platforms refuse outside these
# years (Windows: before 1970 and from 3000); inside them it gives the same datetime as
# this shorter way.
_EARLIEST = datetime(1970, 1, 2)
_LATEST = datetime(2999, 12, 31)
_OFFSETS: dict[tuple[int, int], timedelta] = {}


def _utc(
    year: str | int,
    month: str | int,
    day: str | int,
    hour: str | int,
    minute: str | int,
    second: str | int,
    hours: int,
    minutes: int,
) -> datetime:
    try:
        stamp = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second))
        if hours or minutes:
            offset = _OFFSETS.get((hours, minutes))
            if offset is None:
                offset = _OFFSETS[hours, minutes] = timedelta(hours=hours, minutes=minutes)
            stamp -= offset
    except (ValueError, OverflowError):
        raise Unsure from None  # feedparser would try its other date formats
    if not _EARLIEST <= stamp <= _LATEST:
        raise Unsure
    return stamp.replace(tzinfo=timezone.utc)
