"""Checks of a draft against the user's own posting history, as sentences to show."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

from app.compose.platforms import PLATFORMS
from app.i18n import _, formats, ngettext
from app.types import Post

# How many recent posts the balance check looks at, and how many of them may be
# about the user's own work before it speaks up.
RECENT_POSTS = 6
MOSTLY_OWN = 4
# A theme unposted for this many weeks is worth a word.
QUIET_WEEKS = 3


def already_shared(link_posts: Sequence[Post], tz: tzinfo, title: str = "") -> str:
    """'You already shared this link on 3 May 2026 (LinkedIn).' for the newest such post
    (naming the item by `title` when a draft has several)."""
    if not link_posts:
        return ""
    newest = max(link_posts, key=lambda p: p.posted_at)
    when = _day(newest.posted_at, tz)
    name = PLATFORMS[newest.platform].name if newest.platform in PLATFORMS else newest.platform
    more = len(link_posts) - 1
    if title and more:
        # Translators: {title} is an item's title, {date} a day, {platform} a platform.
        return ngettext(
            "You already shared “{title}” on {date} ({platform}), and {count} time before.",
            "You already shared “{title}” on {date} ({platform}), and {count} times before.",
            more,
        ).format(title=title, date=when, platform=name, count=more)
    if title:
        return _("You already shared “{title}” on {date} ({platform}).").format(
            title=title, date=when, platform=name
        )
    if more:
        return ngettext(
            "You already shared this link on {date} ({platform}), and {count} time before.",
            "You already shared this link on {date} ({platform}), and {count} times before.",
            more,
        ).format(date=when, platform=name, count=more)
    return _("You already shared this link on {date} ({platform}).").format(
        date=when, platform=name
    )


def balance(recent: Sequence[Post]) -> str:
    """A note when most recent posts were about the user's own work and none credited or
    helped anyone (docs/PEOPLE.md: networking is helping people, not only talking)."""
    if len(recent) < MOSTLY_OWN:
        return ""
    own = sum(1 for p in recent if p.kind == "original")
    giving = sum(1 for p in recent if p.kind in ("credit", "help"))
    if own >= MOSTLY_OWN and giving == 0:
        return _(
            "{count} of your last {total} posts were about your own work and none "
            "credited or helped someone: consider crediting a person whose work you value."
        ).format(count=own, total=len(recent))
    return ""


def theme_quiet(theme: str, last_post: Post | None, now: datetime, has_posts: bool) -> str:
    """'You have not posted on AI governance for 5 weeks.' when the theme went quiet;
    `has_posts`: whether the user has logged any post at all (a new user hears nothing)."""
    if not theme or not has_posts:
        return ""
    if last_post is None:
        # Translators: {theme} is a theme's name.
        return _("You have not posted on {theme} yet: this would be your first.").format(
            theme=theme
        )
    weeks = (now - last_post.posted_at).days // 7
    if weeks >= QUIET_WEEKS:
        return ngettext(
            "You have not posted on {theme} for {count} week: good timing.",
            "You have not posted on {theme} for {count} weeks: good timing.",
            weeks,
        ).format(theme=theme, count=weeks)
    return ""


def _day(moment: datetime, tz: tzinfo) -> str:
    return formats.day_month_year(moment.astimezone(tz))
