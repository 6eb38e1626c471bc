"""Human wording for dates and counts, shared by the views."""

from __future__ import annotations

from datetime import datetime, tzinfo


def relative_time(when: datetime | None, now: datetime, tz: tzinfo) -> str:
    """'just now', '3 hours ago', 'yesterday', '4 days ago', else a local date."""
    if when is None:
        return "undated"
    seconds = (now - when).total_seconds()
    if seconds < 0:
        return local_date(when, tz)
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        minutes = int(seconds // 60)
        return f"{minutes} minute{'s' * (minutes != 1)} ago"
    days = (now.astimezone(tz).date() - when.astimezone(tz).date()).days
    if days == 0:
        hours = int(seconds // 3600)
        return f"{hours} hour{'s' * (hours != 1)} ago"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"{days} days ago"
    return local_date(when, tz)


def local_date(when: datetime, tz: tzinfo) -> str:
    """'23 Nov 2026' in the user's time zone."""
    local = when.astimezone(tz)
    return f"{local.day} {local:%b %Y}"


def local_datetime(when: datetime, tz: tzinfo) -> str:
    """'23 Nov 2026, 14:05' in the user's time zone."""
    local = when.astimezone(tz)
    return f"{local.day} {local:%b %Y, %H:%M}"


def posts_this_week(posts: int, target: int) -> str:
    """The cadence headline: '1 of 3 posts this week'."""
    return f"{posts} of {target} post{'s' * (target != 1)} this week"


def escape_html(text: str) -> str:
    """What html.escape does; that module drags in html.entities (~2 ms of start-up)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )
