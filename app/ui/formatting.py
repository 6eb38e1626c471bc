"""Human wording for dates and counts, shared by the views."""

from __future__ import annotations

from datetime import datetime, tzinfo

from app.i18n import _, formats, ngettext


def relative_time(when: datetime | None, now: datetime, tz: tzinfo) -> str:
    """'just now', '3 hours ago', 'yesterday', '4 days ago', else a local date."""
    if when is None:
        return _("undated")
    seconds = (now - when).total_seconds()
    if seconds < 0:
        return local_date(when, tz)
    if seconds < 60:
        return _("just now")
    if seconds < 3600:
        minutes = int(seconds // 60)
        return ngettext("{count} minute ago", "{count} minutes ago", minutes).format(count=minutes)
    days = (now.astimezone(tz).date() - when.astimezone(tz).date()).days
    if days == 0:
        hours = int(seconds // 3600)
        return ngettext("{count} hour ago", "{count} hours ago", hours).format(count=hours)
    if days == 1:
        return _("yesterday")
    if days < 7:
        return ngettext("{count} day ago", "{count} days ago", days).format(count=days)
    return local_date(when, tz)


def local_date(when: datetime, tz: tzinfo) -> str:
    """'23 Nov 2026' in the user's time zone and locale."""
    return formats.day_month_year(when.astimezone(tz))


def local_datetime(when: datetime, tz: tzinfo) -> str:
    """'23 Nov 2026, 14:05' in the user's time zone and locale."""
    return formats.day_month_year_time(when.astimezone(tz))


def posts_this_week(posts: int, target: int) -> str:
    """The cadence headline: '1 of 3 posts this week'."""
    return ngettext(
        "{posts} of {target} post this week", "{posts} of {target} posts this week", target
    ).format(posts=formats.number(posts), target=formats.number(target))


def escape_html(text: str) -> str:
    """What html.escape does; that module drags in html.entities (~2 ms of start-up)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )
