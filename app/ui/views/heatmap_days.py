"""The days the heatmap (app/ui/views/heatmap.py) shows, worked out without Qt: the
planned breaks' days with their notes, and the months labelled above the grid."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.i18n import formats

if TYPE_CHECKING:
    from app.types import Break


def break_notes(breaks: Sequence[Break], first: date, last: date) -> dict[date, str]:
    """The break days from `first` to `last`, each with its break's note."""
    notes_by_day: dict[date, str] = {}
    for item in breaks:
        day, stop = max(item.starts_on, first), min(item.ends_on, last)
        while day <= stop:
            # Overlapping breaks: the days count once, their notes together.
            notes = [n for n in (notes_by_day.get(day, ""), item.note) if n]
            notes_by_day[day] = "; ".join(dict.fromkeys(notes))
            day += timedelta(days=1)
    return notes_by_day


def month_labels(first: date, last: date) -> list[tuple[date, str]]:
    """The 1st of each month from `first` to `last`, with its label ('Mar')."""
    day = date(first.year, first.month, 1)
    labels = []
    while day <= last:
        if day >= first:
            labels.append((day, formats.month(day)))
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return labels
