"""Import and export subscription lists as OPML 2.0, the format every feed reader speaks.

Folders map to themes: a feed inside a folder named "Platform engineering" is filed
under that theme, and export writes one folder per theme.
"""

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import NamedTuple
from urllib.parse import unquote_plus, urlsplit, urlunsplit

from app.errors import DigwellError
from app.feeds.incoming import MIB, Guard, encoded_markers, refuse_unreadable
from app.i18n import N_, _
from app.text.links import safe_link
from app.types import Feed

MAX_OPML_BYTES = 5 * MIB

# Query parameters that carry credentials in private feed URLs (Feedbin, Inoreader,
# self-hosted readers...). Matched on the whole name or its last "_" part.
_SECRET_PARAMS = frozenset(
    {"token", "key", "apikey", "api_key", "access_token", "auth", "password", "secret"}
)

# Characters XML 1.0 cannot carry at all, even escaped: a title holding one would make the
# exported file unreadable by every other reader.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class OpmlError(DigwellError):
    """An OPML file could not be read."""


# What parse_opml refuses to read. Both spellings of each marker: XML is case-sensitive,
# but a lower-case one is still worth refusing rather than guessing what a parser makes
# of it.
_GUARD = Guard(
    OpmlError,
    # Translators: {size} and {limit} are numbers of megabytes.
    too_big=N_("The OPML file is {size} MB, over Digwell's {limit} MB limit; it was not read."),
    empty=N_("The OPML file is empty."),
    max_bytes=MAX_OPML_BYTES,
    too_big_hint=N_(
        "A subscription list is usually a few kilobytes: check that this is the right file."
    ),
    empty_hint=N_("Export your subscriptions again and retry."),
    markers=encoded_markers("<!DOCTYPE", "<!doctype", "<!ENTITY", "<!entity"),
    refused=(
        N_(
            "The OPML file contains a DOCTYPE or entity declaration, which Digwell refuses "
            "for safety."
        ),
        N_("Remove the <!DOCTYPE ...> line from the file, or export it again, then retry."),
    ),
)


class OpmlFeed(NamedTuple):
    """One subscription in an OPML file, with the themes (folders) it is filed under."""

    url: str
    title: str
    site_url: str = ""
    themes: tuple[str, ...] = ()


class OpmlImport(NamedTuple):
    """What an OPML file held: the feeds, and what was left out with the reason why."""

    feeds: list[OpmlFeed]
    skipped: list[tuple[str, str]]  # (outline text or URL, reason)


class _NoDoctype(ET.TreeBuilder):
    """Second line of defence: expat reports a DOCTYPE in any encoding it decoded."""

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise _DoctypeSeen


class _DoctypeSeen(Exception):
    pass


def parse_opml(data: bytes) -> OpmlImport:
    """Read an OPML document given as bytes; raise OpmlError with a readable reason.

    Outlines with an xmlUrl are feeds; outlines without one that hold outlines are
    folders, whose name becomes the theme of the feeds inside (the innermost folder wins).
    A URL listed in several folders gives one feed carrying all those themes. Feeds
    whose address is not http(s) are left out and listed in `skipped`.
    """
    if not isinstance(data, bytes):
        # Same rule as parse_feed: a str could be a path, and we never read one by accident.
        raise TypeError("parse_opml takes bytes")
    refuse_unreadable(data, _GUARD)
    parser = ET.XMLParser(target=_NoDoctype())
    try:
        parser.feed(data)
        root = parser.close()
    except _DoctypeSeen:
        raise _refused() from None
    except ET.ParseError as err:
        raise _malformed(err) from None

    if _local(root.tag) != "opml":
        raise OpmlError(
            # Translators: {element} is the name of the file's first XML element, e.g. html.
            _(
                "This file is not an OPML subscription list: it is a <{element}> document, "
                "not <opml>."
            ).format(element=_local(root.tag)),
            _not_opml_hint(root),
        )
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        raise OpmlError(
            _("This OPML file has no <body>, so it lists no subscriptions."),
            _("Export your subscriptions again from your feed reader."),
        )
    return _walk(body)


def _walk(body: ET.Element) -> OpmlImport:
    by_url: dict[str, OpmlFeed] = {}
    skipped: list[tuple[str, str]] = []
    # An explicit stack rather than recursion: a hostile file can nest folders deeper than
    # Python's recursion limit within the size cap. Children are pushed reversed so the
    # feeds come out in document order.
    stack: list[tuple[ET.Element, str]] = [(o, "") for o in reversed(_outlines(body))]
    while stack:
        outline, theme = stack.pop()
        attrs = {key.lower(): (value or "").strip() for key, value in outline.attrib.items()}
        name = _line(attrs.get("text") or attrs.get("title", ""))
        children = _outlines(outline)
        raw_url = attrs.get("xmlurl", "")
        if raw_url:
            _add_feed(by_url, skipped, name, raw_url, attrs.get("htmlurl", ""), theme)
        elif children:
            # A folder: a nameless one files its feeds under the enclosing folder's name.
            theme = name or theme
        elif attrs.get("type", "").lower() in {"rss", "atom"} or attrs.get("htmlurl"):
            # Translators: why an entry of an OPML file was left out; xmlUrl is its attribute.
            why = _("it has no feed address (xmlUrl)")
            skipped.append((name or attrs.get("htmlurl", ""), why))
        stack.extend((child, theme) for child in reversed(children))
    return OpmlImport(feeds=list(by_url.values()), skipped=skipped)


def _add_feed(
    by_url: dict[str, OpmlFeed],
    skipped: list[tuple[str, str]],
    name: str,
    raw_url: str,
    raw_site: str,
    theme: str,
) -> None:
    url = safe_link(raw_url)
    if not url:
        # Translators: why an entry of an OPML file was left out; {address} is its address.
        reason = _("its address {address} is not http or https, which Digwell won't follow")
        reason = reason.format(address=raw_url)
        skipped.append((name or raw_url, reason))
        return
    if name == raw_url:
        name = ""  # export writes the URL as text when a feed has no title: it is not one
    themes = (theme,) if theme else ()
    known = by_url.get(url)
    if known is None:
        by_url[url] = OpmlFeed(url=url, title=name, site_url=safe_link(raw_site), themes=themes)
        return
    # The same feed in another folder: one subscription, one more theme.
    by_url[url] = known._replace(
        title=known.title or name,
        site_url=known.site_url or safe_link(raw_site),
        themes=known.themes + tuple(t for t in themes if t not in known.themes),
    )


def _outlines(element: ET.Element) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == "outline"]


def _local(tag: object) -> str:
    # Tolerate an OPML file that puts its elements in a namespace; comments have no str tag.
    return str(tag).rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _line(value: str) -> str:
    return " ".join(value.split())


def _refused() -> OpmlError:
    message, hint = _GUARD.refused
    return OpmlError(_(message), _(hint))


def _malformed(err: ET.ParseError) -> OpmlError:
    from pyexpat import ErrorString

    line = getattr(err, "position", (0, 0))[0]
    code = getattr(err, "code", None)
    # ErrorString gives the bare reason; str(err) repeats the position in expat's words.
    reason = (ErrorString(code) if isinstance(code, int) else "") or str(err)
    if line:
        # Translators: {reason} is the XML parser's own message, in English.
        message = _("The OPML file is not well-formed XML at line {line}: {reason}.")
    else:
        # Translators: {reason} is the XML parser's own message, in English.
        message = _("The OPML file is not well-formed XML: {reason}.")
    return OpmlError(
        message.format(line=line, reason=reason),
        _("It may be truncated or hand-edited; export it again from your feed reader."),
    )


def _not_opml_hint(root: ET.Element) -> str:
    if _local(root.tag) in {"rss", "feed", "rdf"}:
        return _("This looks like a feed itself: add its address as a feed instead.")
    return _("Export your subscriptions as OPML from your feed reader and import that file.")


def export_opml(
    themes: list[tuple[str, list[OpmlFeed]]],
    unthemed: list[OpmlFeed],
    *,
    title: str,
    created: datetime,
) -> bytes:
    """An OPML 2.0 document: one folder outline per theme, then the feeds with no theme.

    A feed filed under several themes is listed in each folder (parse_opml merges it back).
    `OpmlFeed.themes` is not read: the folder a feed is given in decides where it goes.
    `created` is written as an RFC 822 date in GMT; a naive datetime is taken as UTC.

    Never exports a secret: user:password@ is removed from every URL, and so are query
    parameters named token, key, apikey, api_key, access_token, auth, password or secret
    (any case, also as the last part of a name such as private_token or x-api-key). Such
    feeds must be re-authorised after import; the file can be shared safely.
    """
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = _xml_text(title)
    if created.tzinfo is None:
        created = created.replace(tzinfo=timezone.utc)
    ET.SubElement(head, "dateCreated").text = format_datetime(
        created.astimezone(timezone.utc), usegmt=True
    )
    body = ET.SubElement(root, "body")
    for theme, feeds in themes:
        name = _xml_text(_line(theme))
        folder = ET.SubElement(body, "outline", text=name, title=name)
        for feed in feeds:
            _feed_outline(folder, feed)
    for feed in unthemed:
        _feed_outline(body, feed)
    ET.indent(root, space="  ")
    document = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + document + "\n").encode("utf-8")


def subscriptions_opml(feeds: list[Feed], theme_names: list[str], created: datetime) -> bytes:
    """Every subscription as OPML: a folder per theme (in the themes' order), a feed with
    no theme at the top level; never a secret (see export_opml)."""
    by_theme: dict[str, list[OpmlFeed]] = {name: [] for name in theme_names}
    unthemed = []
    for f in feeds:
        entry = OpmlFeed(url=f.url, title=f.title, site_url=f.site_url, themes=f.themes)
        for name in f.themes:
            by_theme.setdefault(name, []).append(entry)
        if not f.themes:
            unthemed.append(entry)
    folders = [(name, items) for name, items in by_theme.items() if items]
    return export_opml(folders, unthemed, title="Digwell subscriptions", created=created)


def _feed_outline(parent: ET.Element, feed: OpmlFeed) -> None:
    url = strip_secrets(feed.url)
    name = _xml_text(_line(feed.title)) or url  # text is required by OPML 2.0
    attrs = {"type": "rss", "text": name, "title": name, "xmlUrl": url}
    site = strip_secrets(feed.site_url)
    if site:
        attrs["htmlUrl"] = site  # left out when unknown rather than written empty
    ET.SubElement(parent, "outline", attrs)


def _xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)


def strip_secrets(url: str) -> str:
    """The URL without user:password@ and without credential-like query parameters."""
    url = _xml_text((url or "").strip())
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    netloc = parts.netloc.rpartition("@")[2]
    # Filter the raw pieces rather than re-encoding: the parameters that stay are written
    # byte for byte as they were, so the feed URL still works.
    pieces = [p for p in parts.query.split("&") if p and not _is_secret(p.split("=", 1)[0])]
    return urlunsplit((parts.scheme, netloc, parts.path, "&".join(pieces), parts.fragment))


def _is_secret(raw_name: str) -> bool:
    name = unquote_plus(raw_name).strip().lower().replace("-", "_")
    return name in _SECRET_PARAMS or name.rsplit("_", 1)[-1] in _SECRET_PARAMS
