"""Parse feed bytes with feedparser, after refusing what would cost too much."""

from __future__ import annotations

import calendar
import hashlib
import io
import re
from collections.abc import Mapping
from datetime import datetime, timezone

from app.errors import FeedError
from app.feeds.links import safe_link
from app.feeds.sanitize import html_to_text
from app.types import ParsedEntry, ParsedFeed

MAX_FEED_BYTES = 10 * 1024 * 1024
_ENTITY_MARKERS = tuple(
    marker.encode(codec)
    for marker in ("<!ENTITY", "<!entity")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)


def parse_feed(body: bytes, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """Parse an RSS/Atom document given as bytes; raise FeedError with a readable reason."""
    if not isinstance(body, bytes):
        # feedparser treats a str as a path or URL and would go and read it.
        raise TypeError("parse_feed takes bytes")
    if len(body) > MAX_FEED_BYTES:
        raise FeedError(
            f"The feed is {len(body) / 1e6:.0f} MB, over Digwell's "
            f"{MAX_FEED_BYTES // (1024 * 1024)} MB limit; it was not read.",
            "Ask the publisher for a smaller feed.",
        )
    if not body.strip():
        raise FeedError("The feed is empty.", "The server sent no content; try again later.")
    head = body[:65536]
    if any(marker in head for marker in _ENTITY_MARKERS):
        raise FeedError(
            "The feed declares XML entities, which Digwell refuses for safety.",
            "Ask the publisher to remove the DOCTYPE entity declarations.",
        )

    import feedparser  # imported here: it costs ~100 ms and the GUI starts without it

    # A file object, never bytes or str: feedparser tries those as a path first.
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers=dict(headers or {}),
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    version = parsed.get("version", "")
    entries = parsed.get("entries", [])
    if not version and not entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({reason})" if reason else ""
        raise FeedError(
            f"This is not an RSS or Atom feed{detail}.",
            "Check the address: it may point to a web page rather than its feed.",
        )
    warning = ""
    if parsed.get("bozo"):
        warning = f"The feed has errors but was read: {parsed.get('bozo_exception')}"
    feed = parsed.get("feed", {})
    return ParsedFeed(
        title=_clean_line(feed.get("title", "")),
        site_url=safe_link(feed.get("link", "")),
        entries=tuple(_entry(e) for e in entries),
        warning=warning,
    )


def _entry(raw: Mapping) -> ParsedEntry:
    title = _clean_line(raw.get("title", ""))
    link = safe_link(raw.get("link", ""))
    guid = str(raw.get("id", "") or "").strip()
    published = _time(raw.get("published_parsed") or raw.get("updated_parsed"))
    summary = _summary_html(raw)
    if not title:
        title = _clean_line(html_to_text(summary))[:120] or "(untitled)"
    return ParsedEntry(
        key=_entry_key(guid, link, title, published),
        title=title,
        link=link,
        author=_author(raw.get("author", "")),
        summary_html=summary,
        summary_text=html_to_text(summary),
        published=published,
        guid=guid,
    )


def _summary_html(raw: Mapping) -> str:
    # Prefer the fuller content:encoded / Atom content when it is there.
    for content in raw.get("content", []) or []:
        value = content.get("value", "")
        if value:
            return value
    return raw.get("summary", "") or ""


def _entry_key(guid: str, link: str, title: str, published: datetime | None) -> str:
    """Dedup key: the guid, else the link, else title and date."""
    if guid:
        return "guid:" + guid
    if link:
        return "link:" + link
    stamp = published.isoformat() if published else ""
    return "title:" + hashlib.sha1(f"{title}\x00{stamp}".encode()).hexdigest()


# RSS <author> is "email (Name)"; feedparser splits it wrongly for long TLDs.
_EMAIL_THEN_NAME = re.compile(r"^\s*[^\s@()]+@[^\s()]+\s*\((.+)\)\s*$")


def _author(value: str) -> str:
    match = _EMAIL_THEN_NAME.match(value or "")
    return _clean_line(match.group(1) if match else value)


def _time(struct) -> datetime | None:
    if not struct:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(struct), tz=timezone.utc)
    except (OverflowError, ValueError, OSError):
        return None


def _clean_line(value: object) -> str:
    text = html_to_text(str(value or ""))
    return " ".join(text.split())
