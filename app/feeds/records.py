"""The records every feed format is read into (app.types.ParsedFeed, ParsedEntry),
built from raw field values the same way whichever parser read them: one-line titles,
safe links, plain-text summaries and the key an entry is deduplicated by."""

from __future__ import annotations

import calendar
import hashlib
import re
from datetime import datetime, timezone

from app.text.links import safe_link
from app.text.sanitize import html_to_text, looks_like_html
from app.types import ParsedEntry, ParsedFeed


def make_feed(
    title: str, link: str, entries: tuple[ParsedEntry, ...], warning: str = ""
) -> ParsedFeed:
    """The feed record from raw field values, as both parsers read them."""
    return ParsedFeed(
        title=clean_line(title), site_url=safe_link(link), entries=entries, warning=warning
    )


def make_entry(
    *, title: str, link: str, guid: str, author: str, summary_html: str, published: datetime | None
) -> ParsedEntry:
    """An entry record from raw field values, as both parsers read them."""
    title = clean_line(title)
    link = safe_link(link)
    guid = str(guid or "").strip()
    if not title:
        title = clean_line(html_to_text(summary_html))[:120] or "(untitled)"
    return ParsedEntry(
        key=entry_key(guid, link, title, published),
        title=title,
        link=link,
        author=author_name(author),
        summary_html=summary_html,
        summary_text=html_to_text(summary_html),
        published=published,
        guid=guid,
    )


def entry_key(guid: str, link: str, title: str, published: datetime | None) -> str:
    """Dedup key: the guid, else the link, else title and date."""
    if guid:
        return "guid:" + guid
    if link:
        return "link:" + link
    stamp = published.isoformat() if published else ""
    return "title:" + hashlib.sha1(f"{title}\x00{stamp}".encode()).hexdigest()


# RSS <author> is "email (Name)"; feedparser splits it wrongly for long TLDs.
_EMAIL_THEN_NAME = re.compile(r"^\s*[^\s@()]+@[^\s()]+\s*\((.+)\)\s*$")


def author_name(value: str) -> str:
    match = _EMAIL_THEN_NAME.match(value or "")
    return clean_line(match.group(1) if match else value)


def utc_time(struct: tuple[int, ...] | None) -> datetime | None:
    """A UTC datetime from a UTC time tuple (feedparser's *_parsed), or None."""
    if not struct:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(struct), tz=timezone.utc)
    except (OverflowError, ValueError, OSError):
        return None


def clean_line(value: object) -> str:
    """A title, name or other one-line field as one line of text: markup read as HTML
    only where it looks like HTML (see looks_like_html)."""
    text = str(value or "")
    if ("<" in text or "&" in text) and looks_like_html(text):
        text = html_to_text(text)
    # Otherwise html_to_text would change only whitespace, which this joins anyway.
    return " ".join(text.split())
