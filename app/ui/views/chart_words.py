"""What the custom-painted charts say to assistive technology and in tooltips: pure
wording, no Qt, so the sentences are tested on their own (docs/CADENCE.md)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from app.cadence.score import score_percent as percent


def plural(count: int, word: str) -> str:
    """'1 post', '3 posts'."""
    return f"{count} {word}{'s' * (count != 1)}"


def short_day(day: date) -> str:
    """'12 Aug'."""
    return f"{day.day} {day:%b}"


def score_summary(points: Sequence[tuple[date, float]]) -> str:
    """'Presence score 91%, up 2 points on last week; lowest 33% on 12 Aug' for the
    (date, score 0..1) points in date order; '' when there are none."""
    if not points:
        return ""
    last_day, last = points[-1]
    text = f"Presence score {percent(last)}%"
    week_ago = [v for d, v in points if d <= last_day - timedelta(days=7)]
    if week_ago:
        change = percent(last) - percent(week_ago[-1])
        if change == 0:
            text += ", the same as last week"
        else:
            way = "up" if change > 0 else "down"
            text += f", {way} {plural(abs(change), 'point')} on last week"
    low_day, low = min(points, key=lambda point: (point[1], point[0]))
    return text + f"; lowest {percent(low)}% on {short_day(low_day)}"


def heatmap_day(day: date, count: int, on_target: bool, break_note: str | None) -> str:
    """'Tue 3 Nov: 2 posts, a week on target', '… no posts, on a break (Summer)':
    what a screen reader announces for the focused cell. `break_note` None: no break."""
    posts = plural(count, "post") if count else "no posts"
    text = f"{day:%a} {short_day(day)}: {posts}"
    if on_target:
        text += ", a week on target"
    if break_note is not None:
        text += ", on a break" + (f" ({break_note})" if break_note else "")
    return text


def heatmap_tooltip(day: date, count: int, break_note: str | None) -> str:
    """'Tue 3 Mar 2026 — 2 posts', '… — no posts · on a break (Summer holiday)'."""
    posts = plural(count, "post") if count else "no posts"
    text = f"{day:%a} {day.day} {day:%b %Y} — {posts}"
    if break_note is not None:
        text += " · on a break" + (f" ({break_note})" if break_note else "")
    return text


def bars_summary(bars: Iterable[tuple[str, float]]) -> str:
    """'Platform engineering 32%, Engineering leadership 23%' for (label, share 0..1)."""
    return ", ".join(f"{label} {percent(value)}%" for label, value in bars)
