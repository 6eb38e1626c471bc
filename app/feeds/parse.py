"""Parse RSS/Atom bytes into a ParsedFeed, after refusing what would cost too much.

Plain RSS 2.0 and Atom 1.0 go through fastparse (ElementTree, ~10x faster); everything
else, and anything fastparse is unsure of, through feedparser, the parser of record.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import TYPE_CHECKING

from app.errors import FeedError
from app.feeds.incoming import MIB, Guard, encoded_markers, refuse_unreadable
from app.feeds.records import make_entry, make_feed, utc_time
from app.i18n import N_, _
from app.types import ParsedEntry, ParsedFeed

if TYPE_CHECKING:
    from typing import Any

MAX_FEED_BYTES = 10 * MIB
# What parse_feed refuses to read; JSON Feed's guard (jsonfeed.py) starts from it.
FEED_GUARD = Guard(
    FeedError,
    # Translators: {size} and {limit} are numbers of megabytes.
    too_big=N_("The feed is {size} MB, over Digwell's {limit} MB limit; it was not read."),
    empty=N_("The feed is empty."),
    max_bytes=MAX_FEED_BYTES,
    too_big_hint=N_("Ask the publisher for a smaller feed."),
    empty_hint=N_("The server sent no content; try again later."),
    markers=encoded_markers("<!ENTITY", "<!entity"),
    refused=(
        N_("The feed declares XML entities, which Digwell refuses for safety."),
        N_("Ask the publisher to remove the DOCTYPE entity declarations."),
    ),
)


def parse_feed(body: bytes, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """Parse an RSS/Atom document given as bytes; raise FeedError with a readable reason."""
    if not isinstance(body, bytes):
        # feedparser treats a str as a path or URL and would go and read it.
        raise TypeError("parse_feed takes bytes")
    refuse_unreadable(body, FEED_GUARD)

    from app.feeds import fastparse  # ElementTree: only when a feed is parsed

    fast = fastparse.parse_simple(body, headers)
    if fast is not None:
        return fast
    return _parse_with_feedparser(body, headers)


def _parse_with_feedparser(body: bytes, headers: Mapping[str, str] | None) -> ParsedFeed:
    import feedparser  # imported here: it costs ~100 ms and the GUI starts without it

    # summary_html is kept as the feed sent it, unsanitized: it must never be rendered as
    # HTML. The UI shows summary_text, plain text that it escapes. With feedparser's
    # sanitizer and URI resolution off, it runs twice as fast and gives the same raw HTML
    # as the fast path.
    # A file object, never bytes or str: feedparser tries those as a path first.
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers=dict(headers or {}),
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    version = parsed.get("version", "")
    entries = parsed.get("entries", [])
    if not version and not entries:
        reason = parsed.get("bozo_exception")
        if reason:
            # Translators: {reason} is the XML parser's own message, in English.
            message = _("This is not an RSS or Atom feed ({reason}).").format(reason=reason)
        else:
            message = _("This is not an RSS or Atom feed.")
        raise FeedError(
            message, _("Check the address: it may point to a web page rather than its feed.")
        )
    warning = ""
    if parsed.get("bozo"):
        # Translators: {problem} is the XML parser's own message, in English.
        warning = _("The feed has errors but was read: {problem}").format(
            problem=parsed.get("bozo_exception")
        )
    feed = parsed.get("feed", {})
    return make_feed(
        feed.get("title", ""), feed.get("link", ""), tuple(_entry(e) for e in entries), warning
    )


def _entry(raw: dict[str, Any]) -> ParsedEntry:
    # dict.get, not raw.get: without updated_parsed, feedparser's dict would answer with
    # published_parsed (already found empty) and a DeprecationWarning.
    published = raw.get("published_parsed") or dict.get(raw, "updated_parsed")
    return make_entry(
        title=raw.get("title", ""),
        link=raw.get("link", ""),
        guid=raw.get("id", ""),
        author=raw.get("author", ""),
        summary_html=_summary_html(raw),
        published=utc_time(published),
    )


def _summary_html(raw: dict[str, Any]) -> str:
    # Prefer the fuller content:encoded / Atom content when it is there.
    for content in raw.get("content", []) or []:
        value: str = content.get("value", "")
        if value:
            return value
    summary: str = raw.get("summary", "") or ""
    return summary
