"""What the Feeds page (app/ui/views/feeds_page.py) says: the summary above the table
and the messages after subscribing, exporting and removing. The selected feed's details
are worded in feed_details.py."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.i18n import _, ngettext
from app.types import Feed


def summary_text(feeds: Sequence[Feed]) -> str:
    """'12 feeds · 2 with errors · 1 paused'."""
    errors = sum(1 for f in feeds if f.last_error)
    paused = sum(1 for f in feeds if f.paused)
    parts = [ngettext("{count} feed", "{count} feeds", len(feeds)).format(count=len(feeds))]
    if errors:
        parts.append(
            ngettext("{count} with errors", "{count} with errors", errors).format(count=errors)
        )
    if paused:
        parts.append(ngettext("{count} paused", "{count} paused", paused).format(count=paused))
    return " · ".join(parts)


def search_feeds_added(count: int) -> str:
    return ngettext(
        "Subscribed to {count} search feed.",
        "Subscribed to {count} search feeds.",
        count,
    ).format(count=count)


def exported_text(count: int, path: Path) -> str:
    return ngettext(
        "Exported {count} feed to {path} (no passwords or tokens).",
        "Exported {count} feeds to {path} (no passwords or tokens).",
        count,
    ).format(count=count, path=path)


def removed_text(name: str, kept: int) -> str:
    """What removing the feed `name` did, keeping `kept` items the user had used."""
    if kept:
        return ngettext(
            "Removed {feed}; kept {count} item you had used.",
            "Removed {feed}; kept {count} items you had used.",
            kept,
        ).format(feed=name, count=kept)
    return _("Removed {feed}.").format(feed=name)
