"""What the feeds page says of the selected feed: where it is, its status, its facts."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from app.i18n import N_, _, ngettext
from app.types import Feed
from app.ui.formatting import escape_html, local_datetime
from app.ui.models.feeds_model import feed_status
from app.ui.status_colours import ERROR, WARNING, status_hex

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette

# How Digwell signs in to a feed (stored as its key), as its details say it.
AUTH_NAMES = {
    "basic": N_("signs in with a user name and password"),
    "bearer": N_("signs in with a token"),
    "header": N_("signs in with a custom header"),
}
NO_FEEDS = N_(
    "No feeds yet. Add one by its address, search feeds for a theme, "
    "or import an OPML file from another reader."
)
# A feed's status kind and the state colour it is shown in (its words say it too).
STATUS_STATES = {"error": ERROR, "paused": WARNING}


def details_html(feed: Feed, tz: tzinfo, palette: QPalette | None = None) -> str:
    """The feed's title, addresses, status (coloured for `palette` when wrong or paused)
    and facts."""
    kind, status = feed_status(feed)
    lines = [f"<b>{escape_html(feed.title or feed.url)}</b>", escape_html(feed.url)]
    if feed.site_url:
        lines.append(_("Website: {url}").format(url=escape_html(feed.site_url)))
    status_html = escape_html(status)
    state = STATUS_STATES.get(kind)
    if state and palette is not None:
        status_html = f'<span style="color:{status_hex(state, palette)}">{status_html}</span>'
    lines.append(_("Status: {status}").format(status=status_html))
    lines.append(escape_html(" · ".join(_facts(feed, tz))))
    return "<br>".join(lines)


def _facts(feed: Feed, tz: tzinfo) -> list[str]:
    count = feed.item_count
    facts = [ngettext("{count} item", "{count} items", count).format(count=count)]
    if feed.last_success:
        when = local_datetime(feed.last_success, tz)
        facts.append(_("last success {when}").format(when=when))
    if feed.last_attempt and feed.last_error:
        facts.append(_("last try {when}").format(when=local_datetime(feed.last_attempt, tz)))
    if feed.next_fetch_at and not feed.paused:
        when = local_datetime(feed.next_fetch_at, tz)
        facts.append(_("next check after {when}").format(when=when))
    if feed.auth_kind in AUTH_NAMES:
        facts.append(_(AUTH_NAMES[feed.auth_kind]))
    elif feed.auth_kind:
        facts.append(_("signs in with {kind}").format(kind=feed.auth_kind))
    return facts
