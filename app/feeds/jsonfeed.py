"""Parse JSON Feed 1.0 and 1.1 (jsonfeed.org) into the same records as RSS and Atom.

feedparser does not read JSON Feed, so this module does by hand what it does for XML:
keys, dates, links and HTML all follow app.feeds.parse, so an item looks the same to the
store whichever format it came in.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from urllib.parse import urljoin

from app.errors import FeedError
from app.feeds.incoming import refuse_unreadable
from app.feeds.parse import FEED_GUARD
from app.feeds.records import author_name, clean_line, entry_key
from app.i18n import _, ngettext
from app.text.links import safe_link
from app.text.sanitize import html_to_text
from app.types import ParsedEntry, ParsedFeed

# PHP's json_encode writes "https:\/\/jsonfeed.org\/version\/1" by default.
_VERSION_MARKERS = (b"jsonfeed.org/version", b"jsonfeed.org\\/version")
_BOM = b"\xef\xbb\xbf"
# RSS's limit and words; no markers (JSON has no entities), and a BOM alone is empty.
_GUARD = FEED_GUARD._replace(markers=(), ignored_prefix=_BOM)


def looks_like_json_feed(body: bytes, content_type: str) -> bool:
    """Whether a response is a JSON Feed, from its content type and the start of its body.

    The body must be a JSON object. With application/feed+json that is enough; with any
    other type (servers send JSON Feeds as application/json, text/plain, even text/html)
    the object must name the jsonfeed.org version in its first 64 KB, as most JSON is not
    a feed.
    """
    head = body[:65536].removeprefix(_BOM).lstrip()
    if not head.startswith(b"{"):
        return False
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/feed+json" or any(marker in head for marker in _VERSION_MARKERS)


def parse_json_feed(body: bytes) -> ParsedFeed:
    """Parse a JSON Feed given as bytes; raise FeedError with a readable reason."""
    if not isinstance(body, bytes):
        raise TypeError("parse_json_feed takes bytes")
    refuse_unreadable(body, _GUARD)
    text = body.removeprefix(_BOM)  # json.loads refuses a UTF-8 byte order mark
    try:
        doc = json.loads(text)  # bytes: UTF-8, -16 or -32 is detected as RFC 8259 says
    except json.JSONDecodeError as err:
        raise FeedError(
            # Translators: {error} is Python's JSON error message, in English.
            _(
                "This is not a JSON Feed: the content is not valid JSON "
                "(line {line}, column {column}: {error})."
            ).format(line=err.lineno, column=err.colno, error=err.msg),
            _not_json_hint(text),
        ) from None
    except (ValueError, RecursionError):
        # ValueError: undecodable bytes; RecursionError: absurdly nested arrays.
        raise FeedError(
            _("This is not a JSON Feed: the content could not be read as JSON."),
            _not_json_hint(text),
        ) from None
    if not isinstance(doc, dict) or "jsonfeed.org/version" not in _string(doc.get("version")):
        raise FeedError(
            _("This JSON is not a JSON Feed: it does not declare a jsonfeed.org version."),
            _("Check the address: it may point to a web API rather than a feed."),
        )
    items = doc.get("items")
    if not isinstance(items, list):
        raise FeedError(
            _("This JSON Feed has no list of items."),
            _("The publisher's feed is broken; try again later or tell them."),
        )
    site_url = _link(doc.get("home_page_url"), "")
    feed_authors = _authors(doc)
    entries = tuple(
        _entry(item, site_url, feed_authors) for item in items if isinstance(item, dict)
    )
    warnings = []
    if len(entries) < len(items):
        dropped = len(items) - len(entries)
        warnings.append(
            ngettext(
                "The feed has errors but was read: skipped {count} item that is not an object.",
                "The feed has errors but was read: skipped {count} items that are not an object.",
                dropped,
            ).format(count=dropped)
        )
    if doc.get("expired") is True:
        warnings.append(_("The publisher marked this feed as expired: it will not be updated."))
    return ParsedFeed(
        title=clean_line(_string(doc.get("title"))),
        site_url=site_url,
        entries=entries,
        warning=" ".join(warnings),
    )


def _not_json_hint(text: bytes) -> str:
    if text.lstrip()[:1] == b"<":
        return _("It looks like HTML or XML: the address may point to a web page or an RSS feed.")
    return _("Check the address: it may point to something other than a feed.")


def _entry(item: dict[str, object], site_url: str, feed_authors: str) -> ParsedEntry:
    # The spec allows a number as id and says to read it as a string.
    guid = _string(item.get("id")).strip()
    # url is the item's permalink; external_url is what a link-blog post points at.
    link = _link(item.get("url"), site_url) or _link(item.get("external_url"), site_url)
    summary = _summary_html(item, link or site_url)
    title = clean_line(_string(item.get("title")))
    if not title:
        title = clean_line(html_to_text(summary))[:120] or "(untitled)"
    published = _time(item.get("date_published")) or _time(item.get("date_modified"))
    return ParsedEntry(
        key=entry_key(guid, link, title, published),
        title=title,
        link=link,
        # JSON Feed 1.1: an item without authors has the feed's authors.
        author=_authors(item) or feed_authors,
        summary_html=summary,
        summary_text=html_to_text(summary),
        published=published,
        guid=guid,
    )


def _summary_html(item: dict[str, object], base_url: str) -> str:
    # As parse.py: the full content first, the summary only when there is none.
    content_html = _string(item.get("content_html"))
    if content_html.strip():
        return _sanitize(content_html, base_url)
    for field in ("content_text", "summary"):  # both plain text in JSON Feed
        plain = _string(item.get(field))
        if plain.strip():
            return _text_to_html(plain)
    return ""


def _text_to_html(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    return "".join(
        "<p>" + html.escape(p, quote=False).replace("\n", "<br>") + "</p>" for p in paragraphs if p
    )


def _authors(obj: dict[str, object]) -> str:
    """Names from 1.1 "authors" (a list), else from 1.0 "author" (one object)."""
    raw = obj.get("authors")
    people = raw if isinstance(raw, list) else [obj.get("author")]
    names: list[str] = []
    for person in people:
        if isinstance(person, dict):
            name = author_name(_string(person.get("name")))
            if name and name not in names:
                names.append(name)
    return ", ".join(names)


def _link(value: object, base_url: str) -> str:
    url = _string(value).strip()
    if url and base_url:
        url = urljoin(base_url, url)
    return safe_link(url)


def _string(value: object) -> str:
    """Text from a JSON value: numbers as the spec allows, anything else as ''."""
    if isinstance(value, str):
        # A lone surrogate ("\\ud800" in the JSON) is legal JSON but not storable UTF-8.
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


_RFC3339 = re.compile(
    r"\s*(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?\s*$"
)


def _time(value: object) -> datetime | None:
    """An aware UTC datetime from an RFC 3339 date; a date without offset is taken as UTC.

    Parsed by hand: datetime.fromisoformat only accepts "Z" from Python 3.11. Seconds
    are the finest unit, as feedparser gives for RSS and Atom.
    """
    match = _RFC3339.match(_string(value))
    if not match:
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    try:
        stamp = datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            min(int(second or 0), 59),  # a leap second is a second early, not an error
            tzinfo=timezone.utc,
        )
        if offset and offset not in ("Z", "z"):
            digits = offset[1:].replace(":", "")
            delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
            stamp = stamp - delta if offset[0] == "+" else stamp + delta
    except (ValueError, OverflowError):
        return None
    return stamp


# What survives of content_html: plain formatting, links and images, with http(s) URLs only.
_ALLOWED_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
    ]
)
_VOID_TAGS = frozenset({"br", "hr", "img"})
# Dropped together with everything inside them.
_DROPPED_WITH_CONTENT = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "applet",
        "svg",
        "math",
        "head",
        "title",
        "textarea",
        "select",
        "frameset",
        "noembed",
        "noframes",
    ]
)
_ALLOWED_ATTRS = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite"},
    "ins": {"cite"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "ol": {"start"},
}
_URL_ATTRS = frozenset({"href", "src", "cite"})


class _Sanitizer(HTMLParser):
    """Rebuilds HTML from an allow-list: every tag, attribute and text is re-emitted by us.

    Written here rather than borrowed from feedparser, whose sanitizer is private API and
    keeps javascript: in img src; feedparser is also 100 ms to import.
    """

    def __init__(self, base_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.out: list[str] = []
        self.open: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED_WITH_CONTENT:
            self.dropping += 1
            return
        if self.dropping or tag not in _ALLOWED_TAGS:
            return
        kept = []
        allowed = _ALLOWED_ATTRS.get(tag, set())
        for name, value in attrs:
            if name not in allowed or value is None:
                continue
            if name in _URL_ATTRS:
                value = safe_link(urljoin(self.base_url, value.strip()) if self.base_url else value)
                if not value:
                    continue
            kept.append(f' {name}="{html.escape(value, quote=True)}"')
        self.out.append(f"<{tag}{''.join(kept)}>")
        if tag not in _VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <script/> opens and closes nothing; <br/> is just <br>.
        if tag not in _DROPPED_WITH_CONTENT:
            self.handle_starttag(tag, attrs)
            if tag not in _VOID_TAGS and self.open and self.open[-1] == tag:
                self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED_WITH_CONTENT:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping or tag not in self.open:
            return
        # Close whatever was left open inside it, so the output stays balanced.
        while self.open:
            inner = self.open.pop()
            self.out.append(f"</{inner}>")
            if inner == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(html.escape(data, quote=False))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def _sanitize(markup: str, base_url: str) -> str:
    """Publisher HTML made safe to keep: no scripts, no event handlers, http(s) links only."""
    sanitizer = _Sanitizer(base_url)
    sanitizer.feed(markup)
    return sanitizer.result().strip()
