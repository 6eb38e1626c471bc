"""What the custom-painted charts say to assistive technology and in tooltips: pure
wording, no Qt, so the sentences are tested on their own (docs/CADENCE.md)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from app.cadence.score import score_percent as percent
from app.i18n import _, formats, ngettext


def short_day(day: date) -> str:
    """'12 Aug'."""
    return formats.day_month(day)


def _posts(count: int) -> str:
    """'no posts', '1 post', '3 posts'."""
    if not count:
        return _("no posts")
    return ngettext("{count} post", "{count} posts", count).format(count=count)


def score_summary(points: Sequence[tuple[date, float]]) -> str:
    """'Presence score 91%, up 2 points on last week; lowest 33% on 12 Aug' for the
    (date, score 0..1) points in date order; '' when there are none."""
    if not points:
        return ""
    last_day, last = points[-1]
    low_day, low = min(points, key=lambda point: (point[1], point[0]))
    score, lowest = formats.percent(percent(last)), formats.percent(percent(low))
    week_ago = [v for d, v in points if d <= last_day - timedelta(days=7)]
    change = percent(last) - percent(week_ago[-1]) if week_ago else None
    if change is None:
        text = _("Presence score {score}; lowest {lowest} on {day}")
    elif change == 0:
        text = _("Presence score {score}, the same as last week; lowest {lowest} on {day}")
    elif change > 0:
        text = ngettext(
            "Presence score {score}, up {count} point on last week; lowest {lowest} on {day}",
            "Presence score {score}, up {count} points on last week; lowest {lowest} on {day}",
            change,
        )
    else:
        text = ngettext(
            "Presence score {score}, down {count} point on last week; lowest {lowest} on {day}",
            "Presence score {score}, down {count} points on last week; lowest {lowest} on {day}",
            -change,
        )
    return text.format(score=score, count=abs(change or 0), lowest=lowest, day=short_day(low_day))


def heatmap_day(day: date, count: int, on_target: bool, break_note: str | None) -> str:
    """'Tue 3 Nov: 2 posts, a week on target', '… no posts, on a break (Summer)':
    what a screen reader announces for the focused cell. `break_note` None: no break."""
    # Translators: a day of the heatmap, "Tue 3 Nov: 2 posts".
    text = _("{day}: {posts}").format(day=formats.weekday_day_month(day), posts=_posts(count))
    if on_target:
        text += _(", a week on target")
    if break_note:
        text += _(", on a break ({note})").format(note=break_note)
    elif break_note is not None:
        text += _(", on a break")
    return text


def heatmap_tooltip(day: date, count: int, break_note: str | None) -> str:
    """'Tue 3 Mar 2026 — 2 posts', '… — no posts · on a break (Summer holiday)'."""
    # Translators: a day of the heatmap, "Tue 3 Mar 2026 — 2 posts".
    text = _("{day} — {posts}").format(day=formats.weekday_day_month_year(day), posts=_posts(count))
    if break_note:
        text += _(" · on a break ({note})").format(note=break_note)
    elif break_note is not None:
        text += _(" · on a break")
    return text


def bars_summary(bars: Iterable[tuple[str, float]]) -> str:
    """'Platform engineering 32%, Engineering leadership 23%' for (label, share 0..1)."""
    # Translators: a bar of a chart: its label and its share ("Platform engineering 32%").
    return ", ".join(
        _("{label} {share}").format(label=label, share=formats.percent(percent(value)))
        for label, value in bars
    )
