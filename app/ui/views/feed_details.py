"""What the feeds page says of the selected feed: where it is, its status, its facts."""

from __future__ import annotations

from datetime import tzinfo

from app.types import Feed
from app.ui.formatting import escape_html, local_datetime
from app.ui.models.feeds_model import feed_status

AUTH_NAMES = {"basic": "user name and password", "bearer": "token", "header": "custom header"}
NO_FEEDS = (
    "No feeds yet. Add one by its address, search feeds for a theme, "
    "or import an OPML file from another reader."
)
STATUS_COLORS = {"error": "#b3261e", "paused": "#8a6d00"}


def details_html(feed: Feed, tz: tzinfo) -> str:
    """The feed's title, addresses, status (coloured when wrong or paused) and facts."""
    kind, status = feed_status(feed)
    lines = [f"<b>{escape_html(feed.title or feed.url)}</b>", escape_html(feed.url)]
    if feed.site_url:
        lines.append(f"Website: {escape_html(feed.site_url)}")
    status_html = escape_html(status)
    colour = STATUS_COLORS.get(kind)
    if colour:
        status_html = f'<span style="color:{colour}">{status_html}</span>'
    lines.append(f"Status: {status_html}")
    lines.append(escape_html(" · ".join(_facts(feed, tz))))
    return "<br>".join(lines)


def _facts(feed: Feed, tz: tzinfo) -> list[str]:
    facts = [f"{feed.item_count} items"]
    if feed.last_success:
        facts.append(f"last success {local_datetime(feed.last_success, tz)}")
    if feed.last_attempt and feed.last_error:
        facts.append(f"last try {local_datetime(feed.last_attempt, tz)}")
    if feed.next_fetch_at and not feed.paused:
        facts.append(f"next check after {local_datetime(feed.next_fetch_at, tz)}")
    if feed.auth_kind:
        facts.append(f"signs in with a {AUTH_NAMES.get(feed.auth_kind, feed.auth_kind)}")
    return facts
