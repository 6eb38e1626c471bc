"""The fast path's reader: one document's feed and entries, element by element, the way
feedparser would read them (element names lowercased, values stripped, a guid or Atom id
standing in for a missing link, the Atom author as "name (email)"); Unsure wherever
it might not."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from app.feeds.fastparse_dates import parse_date
from app.feeds.fastparse_tables import CLASHES, HANDLED, KNOWN_PREFIXES, Unsure, prefix_of
from app.feeds.fastparse_values import (
    ENTITY_LIKE,
    HTML_TYPES,
    attributes_of,
    check_content_attributes,
    element_text,
    map_content_type,
    repair_text,
    resolve_uri,
)
from app.feeds.records import make_entry, make_feed
from app.types import ParsedEntry, ParsedFeed

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime
    from typing import Literal, TypedDict

    # What the readers gather from a feed or an entry, and (_once) which fields they
    # have read already.
    _Fields = TypedDict(
        "_Fields",
        {
            "title": str,
            "link": str,
            "id": str,
            "author": str,
            "summary": str,
            "content": str,
            "published": datetime | None,
            "updated": datetime | None,
            "once:title": bool,
            "once:summary element": bool,
            "once:content element": bool,
            "once:id": bool,
            "once:author": bool,
            "once:published": bool,
            "once:updated": bool,
        },
        total=False,
    )
    _Once = Literal[
        "once:title",
        "once:summary element",
        "once:content element",
        "once:id",
        "once:author",
        "once:published",
        "once:updated",
    ]
    _Read = Callable[["Reader", ET.Element, _Fields, bool], None]


class Reader:
    """Reads one document's feed and entries the way feedparser would."""

    def __init__(self, declarations: list[tuple[str, str]]) -> None:
        # Prefixes matter for namespaces feedparser does not know: it names their
        # elements "prefix_local" after whatever prefix the document declared.
        self._unknown_prefixes: dict[str, list[str]] = {}
        bound: dict[str, str] = {}
        for prefix, uri in declarations:
            if not prefix:
                continue
            # feedparser keeps one URI per prefix and lowercases prefixes in names.
            if bound.setdefault(prefix.lower(), uri) != uri:
                raise Unsure
            known = prefix_of(uri)
            if prefix.lower() in KNOWN_PREFIXES and known != prefix.lower():
                raise Unsure  # e.g. "dc" bound to another namespace
            if known is None:
                self._unknown_prefixes.setdefault(uri, []).append(prefix.lower())
        self._names: dict[str, str] = {}

    def name(self, element: ET.Element) -> str:
        """feedparser's name for the element, "" for an unknown one it cannot act on."""
        tag = element.tag
        name = self._names.get(tag)
        if name is None:
            name = self._names[tag] = self._name_of(tag)
        return name

    def _name_of(self, tag: str) -> str:
        if tag[0] != "{":
            return tag.lower()
        uri, _, local = tag[1:].partition("}")
        local = local.lower()
        prefix = prefix_of(uri)
        if prefix is not None:
            return f"{prefix}_{local}" if prefix else local
        # Unknown namespace: feedparser calls it "local" or "prefix_local"; inert only if
        # none of those has a handler or clashes.
        candidates = [local] + [f"{p}_{local}" for p in self._unknown_prefixes.get(uri, ())]
        if any(c in HANDLED or c in CLASHES for c in candidates):
            raise Unsure
        return ""

    # -- the feed -------------------------------------------------------------

    def rss_channel(self, root: ET.Element) -> ET.Element:
        """The channel of an RSS 2.x document that has one and nothing else."""
        children = list(root)
        if not attributes_of(root).get("version", "").startswith("2.") or len(children) != 1:
            raise Unsure  # feedparser reads other versions its own way
        channel = children[0]
        if self.name(channel) != "channel" or set(attributes_of(channel)) - {"xml:lang"}:
            raise Unsure  # a channel's href and lastmod attributes would set fields
        return channel

    def feed(self, channel: ET.Element) -> ParsedFeed:
        fields: _Fields = {}
        entries: list[ParsedEntry] = []
        for child in channel:
            name = self.name(child)
            if name in ("item", "entry"):
                entries.append(self.entry(child))
                continue
            read = _FEED_READERS.get(name)
            if read is not None:
                read(self, child, fields, False)
            else:
                self.inert(child)
        return make_feed(fields.get("title", ""), fields.get("link", ""), tuple(entries))

    def entry(self, item: ET.Element) -> ParsedEntry:
        if item.attrib and set(attributes_of(item)) - {"xml:lang"}:
            raise Unsure  # rdf:about, href and lastmod would set fields
        fields: _Fields = {}
        for child in item:
            name = self.name(child)
            read = _ENTRY_READERS.get(name)
            if read is not None:
                read(self, child, fields, True)
            else:
                self.inert(child)
        # parse.py's _summary_html: content when it is not empty, else the summary (which
        # feedparser fills from the content when there is no summary element).
        summary = fields.get("content") or fields.get("summary", "")
        return make_entry(
            title=fields.get("title", ""),
            link=fields.get("link", ""),
            guid=fields.get("id", ""),
            author=fields.get("author", ""),
            summary_html=summary,
            published=fields.get("published") or fields.get("updated"),
        )

    def inert(self, element: ET.Element) -> None:
        """Refuse an element, or anything inside it, that feedparser would act on."""
        for node in element.iter():  # iter(), not recursion: nesting depth is the feed's
            name = self.name(node)
            if name in HANDLED or name in CLASHES:
                raise Unsure

    # -- elements that set fields -----------------------------------------------

    def title(self, element: ET.Element, fields: _Fields, in_entry: bool) -> None:
        _once(fields, "once:title")
        check_content_attributes(element)
        fields["title"] = element_text(element)

    def summary(self, element: ET.Element, fields: _Fields, in_entry: bool) -> None:
        check_content_attributes(element)
        value = element_text(element)
        if in_entry:  # the feed's description is its subtitle, which parse.py ignores
            _once(fields, "once:summary element")
            fields["summary"] = value

    def content(self, element: ET.Element, fields: _Fields, in_entry: bool) -> None:
        _once(fields, "once:content element")
        if "src" in check_content_attributes(element):
            raise Unsure
        value = element_text(element)
        fields["content"] = value
        fields.setdefault("summary", value)  # feedparser's _end_content

    def guid(self, element: ET.Element, fields: _Fields, in_entry: bool) -> None:
        _once(fields, "once:id")
        is_link = attributes_of(element).get("ispermalink", "true") == "true"
        value = element_text(element, resolve=is_link)
        fields["id"] = value
        if is_link:
            fields.setdefault("link", value)  # a guid stands in for a missing link

    def link(self, element: ET.Element, fields: _Fields, in_entry: bool) -> None:
        # feedparser's _start_link: an href (or url, or uri) attribute is the link when
        # the link is an HTML alternate; with none, the element's text is the link.
        attributes = attributes_of(element)
        rel = attributes.setdefault("rel", "alternate")
        kind = attributes.setdefault(
            "type", "application/atom+xml" if rel == "self" else "text/html"
        )
        href = attributes.get("url", attributes.get("uri", attributes.get("href")))
        if href:
            attributes["href"] = href
        if len(element):
            raise Unsure
        if "href" in attributes:
            if rel == "alternate" and map_content_type(kind) in HTML_TYPES:
                fields["link"] = resolve_uri(attributes["href"])
            return
        value = element_text(element, resolve=True)
        if "&" in value:
            if in_entry:
                value = value.replace("&amp;", "&")
            value = ENTITY_LIKE.sub(r"&\g<1>", value)
        fields["link"] = value

    def author(self, element: ET.Element, fields: _Fields, in_entry: bool) -> None:
        if in_entry:
            _once(fields, "once:author")
        parts = list(element)
        if not parts:
            fields["author"] = element_text(element)
            return
        # Atom: the element's own text, then feedparser's _sync_author_detail from the
        # name and email children (taken as they are: feedparser does not repair them).
        detail: dict[str, str] = {}
        for part in parts:
            kind = self.name(part)
            if kind not in ("name", "email", "uri") or kind in detail or len(part):
                raise Unsure
            detail[kind] = (part.text or "").strip()
        own = "".join([element.text or ""] + [part.tail or "" for part in parts])
        name, email = detail.get("name"), detail.get("email")
        if name and email:
            fields["author"] = f"{name} ({email})"
        else:
            fields["author"] = name or email or repair_text(own)

    def published(self, element: ET.Element, fields: _Fields, in_entry: bool) -> None:
        parsed = _date(element)
        if in_entry:
            _once(fields, "once:published")
            fields["published"] = parsed

    def updated(self, element: ET.Element, fields: _Fields, in_entry: bool) -> None:
        parsed = _date(element)
        if in_entry:
            _once(fields, "once:updated")
            fields["updated"] = parsed

    # -- elements that set nothing parse.py reads ----------------------------------

    def plain(self, element: ET.Element, fields: _Fields, in_entry: bool) -> None:
        if len(element):
            raise Unsure

    def people(self, element: ET.Element, fields: _Fields, in_entry: bool) -> None:
        # Atom contributor: name, email, uri, nothing deeper.
        for part in element:
            if self.name(part) not in ("name", "email", "uri") or len(part):
                raise Unsure

    def image(self, element: ET.Element, fields: _Fields, in_entry: bool) -> None:
        # Its children go to feed.image; any other child would end that (feedparser's
        # "special hack") and send the rest to the feed itself.
        for part in element:
            if self.name(part) not in _IMAGE_PARTS or len(part):
                raise Unsure

    def text_input(self, element: ET.Element, fields: _Fields, in_entry: bool) -> None:
        for part in element:
            if self.name(part) not in _TEXT_INPUT_PARTS or len(part):
                raise Unsure


_IMAGE_PARTS = frozenset({"title", "link", "url", "description", "width", "height"})
_TEXT_INPUT_PARTS = frozenset({"title", "link", "description", "name"})
# Elements feedparser handles that set nothing parse.py reads, whatever their order.
_HARMLESS: dict[str, _Read] = {
    "category": Reader.plain,
    "dc_subject": Reader.plain,
    "contributor": Reader.people,
}
_ENTRY_READERS: dict[str, _Read] = {
    **_HARMLESS,
    "title": Reader.title,
    "link": Reader.link,
    "guid": Reader.guid,
    "id": Reader.guid,
    "description": Reader.summary,
    "summary": Reader.summary,
    "content": Reader.content,
    "content_encoded": Reader.content,
    "author": Reader.author,
    "dc_creator": Reader.author,
    "pubdate": Reader.published,
    "published": Reader.published,
    "updated": Reader.updated,
    "dc_date": Reader.updated,
    "enclosure": Reader.plain,
    "source": Reader.plain,  # RSS source: text and a url; Atom's has children
    "media_content": Reader.plain,
    "media_thumbnail": Reader.plain,
}
_FEED_READERS: dict[str, _Read] = {
    **_HARMLESS,
    "title": Reader.title,
    "link": Reader.link,
    "id": Reader.guid,
    "author": Reader.author,
    "dc_creator": Reader.author,
    "pubdate": Reader.published,
    "published": Reader.published,
    "updated": Reader.updated,
    "dc_date": Reader.updated,
    "lastbuilddate": Reader.updated,
    "description": Reader.summary,  # the feed's subtitle
    "subtitle": Reader.summary,
    "rights": Reader.plain,
    "copyright": Reader.plain,
    "dc_rights": Reader.plain,
    "language": Reader.plain,
    "dc_language": Reader.plain,
    "generator": Reader.plain,
    "cloud": Reader.plain,
    "managingeditor": Reader.plain,
    "webmaster": Reader.plain,
    "image": Reader.image,
    "textinput": Reader.text_input,
}


def _once(fields: _Fields, marker: _Once) -> None:
    # A field given twice falls back: feedparser's rules of depth, order and "summary
    # then content" for repeats are not copied.
    if marker in fields:
        raise Unsure
    fields[marker] = True


def _date(element: ET.Element) -> datetime | None:
    # Read in the feed too: its own dates are not used, but one the fast path cannot
    # read is still a reason to let feedparser read the feed.
    value = element_text(element)
    return parse_date(value) if value else None
