"""A fast path for plain RSS 2.0 and Atom 1.0 feeds: ElementTree instead of feedparser.

feedparser stays the parser of record, but it costs ~40 ms per 80 KB feed (Python code for
every SAX event) where ElementTree (expat, in C) takes ~1 ms. parse_simple() reads a
document only when it can give exactly the ParsedFeed that parse.py gets from feedparser
6.0 (sanitizer and URI resolution off), and returns None otherwise, so that feedparser
reads it as before.

It mirrors feedparser's own rules (mixin.py, namespaces/_base.py, encodings.py and
datetimes/ in feedparser 6.0): element names matched lowercased, values stripped, links
through its _urljoin, text through its latin-1-as-UTF-8 repair and cp1252 map, a guid or
Atom id standing in for a missing link, the Atom author as "name (email)", dates through
its W3C-DTF then RFC 822 rules. It falls back on everything it has not vetted: elements
feedparser handles that are not in the tables below, a field given twice, encodings other
than UTF-8 and US-ASCII, a Content-Type feedparser flags, DOCTYPEs, base URIs, attributes
that change how text is read (type, mode, src), namespace prefixes that would make
feedparser see another element, and dates outside the two formats.
tests/feeds/test_fastparse.py checks both paths agree, and that the tables copied from
feedparser still match the installed one.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone

from app.feeds.records import make_entry, make_feed
from app.types import ParsedEntry, ParsedFeed


class _Unsure(Exception):
    """Raised anywhere the fast path might differ from feedparser: fall back."""


def parse_simple(body: bytes, headers: Mapping[str, str] | None = None) -> ParsedFeed | None:
    """The feed read with ElementTree, or None when feedparser must read it."""
    data = _readable(body, dict(headers or {}))
    if data is None:
        return None
    try:
        events = ET.iterparse(io.BytesIO(data), events=("start-ns",))
        declarations = [declaration for _, declaration in events]
        root = events.root
    except (ET.ParseError, ValueError, LookupError):
        return None
    try:
        reader = _Reader(declarations)
        if root.tag == "rss":
            return reader.feed(reader.rss_channel(root))
        if root.tag == "{http://www.w3.org/2005/Atom}feed":
            return reader.feed(root)
    except _Unsure:
        pass
    return None


# ---------------------------------------------------------------------------
# Bytes: only what feedparser would decode as UTF-8 or US-ASCII without complaint

_APPLICATION_XML = (
    "application/xml",
    "application/xml-dtd",
    "application/xml-external-parsed-entity",
)
_TEXT_XML = ("text/xml", "text/xml-external-parsed-entity")
_WIDE_STARTS = (  # what feedparser takes for UTF-32 (BOM) or '<?xm' in UTF-16, 32, EBCDIC
    b"\x00\x00\xfe\xff",
    b"\x4c\x6f\xa7\x94",
    b"\x00\x3c\x00\x3f",
    b"\x3c\x00\x3f\x00",
    b"\x00\x00\x00\x3c",
    b"\x3c\x00\x00\x00",
)
# feedparser's own regex for the declared encoding, to see what it sees...
_FEEDPARSER_ENCODING = re.compile(rb"^<\?.*encoding=['\"](.*?)['\"].*\?>")
# ...and the declaration expat reads, which must agree with it.
_XML_DECLARATION = re.compile(rb"<\?xml\s[^>]*?\?>")
_DECLARED_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([^\"']*)[\"']")
# A base URI (xml:base or a bare base attribute, in any case) changes how feedparser
# resolves every later link, even outside the element that sets it. A literal first, for
# speed; whether an attribute name ends there is checked after.
_BASE_ATTRIBUTE = re.compile(rb"base\s*=")


def _readable(body: bytes, headers: dict) -> bytes | None:
    """The document's bytes if feedparser would read them as we do, without a warning."""
    if body[:3] == codecs.BOM_UTF8:
        data = body[3:]
    elif body[:2] in (b"\xfe\xff", b"\xff\xfe") or body[:4] in _WIDE_STARTS:
        return None
    else:
        data = body
    match = _FEEDPARSER_ENCODING.match(data)
    try:
        xml_encoding = match.group(1).decode("utf-8").lower() if match else ""
    except UnicodeDecodeError:
        return None
    declaration = _XML_DECLARATION.match(data)
    declared = _DECLARED_ENCODING.search(declaration.group()) if declaration else None
    if (declared.group(1).lower() if declared else b"") != xml_encoding.encode():
        return None
    if xml_encoding not in ("", "utf-8", "us-ascii"):
        return None
    # The choice feedparser makes in encodings.convert_to_utf8 (RFC 3023); any other
    # outcome sets its bozo flag, which parse.py turns into a warning.
    mime, charset = _split_content_type(headers.get("content-type") or "")
    if mime in _APPLICATION_XML or (mime.startswith("application/") and mime.endswith("+xml")):
        encoding = charset or xml_encoding or "utf-8"
    elif mime in _TEXT_XML or (mime.startswith("text/") and mime.endswith("+xml")):
        encoding = charset or "us-ascii"
    elif headers:
        return None  # "not an XML media type" or "no Content-type specified"
    else:
        encoding = xml_encoding or "utf-8"
    encoding = encoding.lower()
    if encoding not in ("utf-8", "us-ascii") or "content-location" in headers:
        return None
    if not data.isascii():
        if "us-ascii" in (encoding, xml_encoding):
            return None
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return None
    if b"<!DOCTYPE" in data or _sets_base_uri(data):
        return None
    return data


def _sets_base_uri(data: bytes) -> bool:
    lowered = data.lower()
    return any(
        lowered[match.start() - 1 : match.start()] in (b" ", b"\t", b"\r", b"\n", b":")
        for match in _BASE_ATTRIBUTE.finditer(lowered)
    )


def _split_content_type(line: str) -> tuple[str, str]:
    # feedparser's parse_content_type: the type is not lowercased, the charset is unquoted.
    chunks = line.split(";")
    charset = ""
    for chunk in chunks[1:]:
        key, _, value = chunk.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'")
    return chunks[0].strip(), charset


# ---------------------------------------------------------------------------
# Names: what feedparser calls an element, from its namespace and local name

# feedparser's _FeedParserMixin.namespaces: URI -> the prefix it uses for handler names.
_FEEDPARSER_NAMESPACES = {
    "": "",
    "http://backend.userland.com/rss": "",
    "http://blogs.law.harvard.edu/tech/rss": "",
    "http://purl.org/rss/1.0/": "",
    "http://my.netscape.com/rdf/simple/0.9/": "",
    "http://example.com/newformat#": "",
    "http://example.com/necho": "",
    "http://purl.org/echo/": "",
    "uri/of/echo/namespace#": "",
    "http://purl.org/pie/": "",
    "http://purl.org/atom/ns#": "",
    "http://www.w3.org/2005/Atom": "",
    "http://purl.org/rss/1.0/modules/rss091#": "",
    "http://webns.net/mvcb/": "admin",
    "http://purl.org/rss/1.0/modules/aggregation/": "ag",
    "http://purl.org/rss/1.0/modules/annotate/": "annotate",
    "http://media.tangent.org/rss/1.0/": "audio",
    "http://backend.userland.com/blogChannelModule": "blogChannel",
    "http://creativecommons.org/ns#license": "cc",
    "http://web.resource.org/cc/": "cc",
    "http://cyber.law.harvard.edu/rss/creativeCommonsRssModule.html": "creativeCommons",
    "http://backend.userland.com/creativeCommonsRssModule": "creativeCommons",
    "http://purl.org/rss/1.0/modules/company": "co",
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://my.theinfo.org/changed/1.0/rss/": "cp",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://purl.org/rss/1.0/modules/email/": "email",
    "http://purl.org/rss/1.0/modules/event/": "ev",
    "http://rssnamespace.org/feedburner/ext/1.0": "feedburner",
    "http://freshmeat.net/rss/fm/": "fm",
    "http://xmlns.com/foaf/0.1/": "foaf",
    "http://www.w3.org/2003/01/geo/wgs84_pos#": "geo",
    "http://www.georss.org/georss": "georss",
    "http://www.opengis.net/gml": "gml",
    "http://postneo.com/icbm/": "icbm",
    "http://purl.org/rss/1.0/modules/image/": "image",
    "http://www.itunes.com/DTDs/PodCast-1.0.dtd": "itunes",
    "http://example.com/DTDs/PodCast-1.0.dtd": "itunes",
    "http://purl.org/rss/1.0/modules/link/": "l",
    "http://search.yahoo.com/mrss": "media",
    "http://search.yahoo.com/mrss/": "media",
    "http://madskills.com/public/xml/rss/module/pingback/": "pingback",
    "http://prismstandard.org/namespaces/1.2/basic/": "prism",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
    "http://purl.org/rss/1.0/modules/reference/": "ref",
    "http://purl.org/rss/1.0/modules/richequiv/": "reqv",
    "http://purl.org/rss/1.0/modules/search/": "search",
    "http://purl.org/rss/1.0/modules/slash/": "slash",
    "http://schemas.xmlsoap.org/soap/envelope/": "soap",
    "http://purl.org/rss/1.0/modules/servicestatus/": "ss",
    "http://hacks.benhammersley.com/rss/streaming/": "str",
    "http://purl.org/rss/1.0/modules/subscription/": "sub",
    "http://purl.org/rss/1.0/modules/syndication/": "sy",
    "http://schemas.pocketsoap.com/rss/myDescModule/": "szf",
    "http://purl.org/rss/1.0/modules/taxonomy/": "taxo",
    "http://purl.org/rss/1.0/modules/threading/": "thr",
    "http://purl.org/rss/1.0/modules/textinput/": "ti",
    "http://madskills.com/public/xml/rss/module/trackback/": "trackback",
    "http://wellformedweb.org/commentAPI/": "wfw",
    "http://purl.org/rss/1.0/modules/wiki/": "wiki",
    "http://www.w3.org/1999/xhtml": "xhtml",
    "http://www.w3.org/1999/xlink": "xlink",
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://podlove.org/simple-chapters": "psc",
}
# feedparser matches namespace URIs case-insensitively.
_PREFIXES = {uri.lower(): prefix.lower() for uri, prefix in _FEEDPARSER_NAMESPACES.items()}
_KNOWN_PREFIXES = frozenset(_PREFIXES.values()) - {""}

# Every element name feedparser 6.0 has a _start_/_end_ handler for, lowercased.
_HANDLED = frozenset(
    """
    abstract author body category cc_license channel cloud content content_encoded
    contributor copyright created creativecommons_license dc_author dc_contributor
    dc_creator dc_date dc_description dc_language dc_publisher dc_rights dc_subject dc_title
    dcterms_created dcterms_issued dcterms_modified dcterms_valid description email
    enclosure entry expirationdate feed feedburner_browserfriendly fullitem generator geom
    georss_box georss_line georss_point georss_polygon georss_where georssgeom gml_exterior
    gml_linearring gml_linestring gml_point gml_polygon gml_pos gml_poslist guid height
    homepage id image info issued item itunes_author itunes_block itunes_category
    itunes_email itunes_explicit itunes_image itunes_keywords itunes_link itunes_name
    itunes_owner itunes_subtitle itunes_summary keywords language lastbuilddate link
    managingeditor media_category media_content media_credit media_description media_group
    media_keywords media_license media_player media_rating media_restriction
    media_thumbnail media_title modified name newlocation psc_chapter psc_chapters pubdate
    published rights rss source subtitle summary tagline tags textinput title updated uri
    url webmaster where width xhtml_body
    """.split()  # noqa: SIM905 -- a word list, as feedparser's method names read
)
# An element feedparser has no handler for is stored under its own name, which must not
# be one parse.py reads (feedparser's dict maps the last three to the first two).
_CLASHES = frozenset(
    {"published_parsed", "updated_parsed", "date_parsed", "modified_parsed", "issued_parsed"}
)


def _prefix_of(uri: str) -> str | None:
    """feedparser's prefix for a namespace ("" for RSS and Atom), None if it does not know it."""
    lower = uri.lower()
    if "backend.userland.com/rss" in lower:
        return ""
    return _PREFIXES.get(lower)


class _Reader:
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
                raise _Unsure
            known = _prefix_of(uri)
            if prefix.lower() in _KNOWN_PREFIXES and known != prefix.lower():
                raise _Unsure  # e.g. "dc" bound to another namespace
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
        prefix = _prefix_of(uri)
        if prefix is not None:
            return f"{prefix}_{local}" if prefix else local
        # Unknown namespace: feedparser calls it "local" or "prefix_local"; inert only if
        # none of those has a handler or clashes.
        candidates = [local] + [f"{p}_{local}" for p in self._unknown_prefixes.get(uri, ())]
        if any(c in _HANDLED or c in _CLASHES for c in candidates):
            raise _Unsure
        return ""

    # -- the feed -------------------------------------------------------------

    def rss_channel(self, root: ET.Element) -> ET.Element:
        """The channel of an RSS 2.x document that has one and nothing else."""
        children = list(root)
        if not _attributes(root).get("version", "").startswith("2.") or len(children) != 1:
            raise _Unsure  # feedparser reads other versions its own way
        channel = children[0]
        if self.name(channel) != "channel" or set(_attributes(channel)) - {"xml:lang"}:
            raise _Unsure  # a channel's href and lastmod attributes would set fields
        return channel

    def feed(self, channel: ET.Element) -> ParsedFeed:
        fields: dict = {}
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
        if item.attrib and set(_attributes(item)) - {"xml:lang"}:
            raise _Unsure  # rdf:about, href and lastmod would set fields
        fields: dict = {}
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
            if name in _HANDLED or name in _CLASHES:
                raise _Unsure

    # -- elements that set fields -----------------------------------------------

    def title(self, element: ET.Element, fields: dict, in_entry: bool) -> None:
        _once(fields, "title")
        _check_content_attributes(element)
        fields["title"] = _text(element)

    def summary(self, element: ET.Element, fields: dict, in_entry: bool) -> None:
        _check_content_attributes(element)
        value = _text(element)
        if in_entry:  # the feed's description is its subtitle, which parse.py ignores
            _once(fields, "summary element")
            fields["summary"] = value

    def content(self, element: ET.Element, fields: dict, in_entry: bool) -> None:
        _once(fields, "content element")
        if "src" in _check_content_attributes(element):
            raise _Unsure
        value = _text(element)
        fields["content"] = value
        fields.setdefault("summary", value)  # feedparser's _end_content

    def guid(self, element: ET.Element, fields: dict, in_entry: bool) -> None:
        _once(fields, "id")
        is_link = _attributes(element).get("ispermalink", "true") == "true"
        value = _text(element, resolve=is_link)
        fields["id"] = value
        if is_link:
            fields.setdefault("link", value)  # a guid stands in for a missing link

    def link(self, element: ET.Element, fields: dict, in_entry: bool) -> None:
        # feedparser's _start_link: an href (or url, or uri) attribute is the link when
        # the link is an HTML alternate; with none, the element's text is the link.
        attributes = _attributes(element)
        rel = attributes.setdefault("rel", "alternate")
        kind = attributes.setdefault(
            "type", "application/atom+xml" if rel == "self" else "text/html"
        )
        href = attributes.get("url", attributes.get("uri", attributes.get("href")))
        if href:
            attributes["href"] = href
        if len(element):
            raise _Unsure
        if "href" in attributes:
            if rel == "alternate" and _content_type(kind) in _HTML_TYPES:
                fields["link"] = _resolve(attributes["href"])
            return
        value = _text(element, resolve=True)
        if "&" in value:
            if in_entry:
                value = value.replace("&amp;", "&")
            value = _ENTITY_LIKE.sub(r"&\g<1>", value)
        fields["link"] = value

    def author(self, element: ET.Element, fields: dict, in_entry: bool) -> None:
        if in_entry:
            _once(fields, "author")
        parts = list(element)
        if not parts:
            fields["author"] = _text(element)
            return
        # Atom: the element's own text, then feedparser's _sync_author_detail from the
        # name and email children (taken as they are: feedparser does not repair them).
        detail: dict[str, str] = {}
        for part in parts:
            kind = self.name(part)
            if kind not in ("name", "email", "uri") or kind in detail or len(part):
                raise _Unsure
            detail[kind] = (part.text or "").strip()
        own = "".join([element.text or ""] + [part.tail or "" for part in parts])
        name, email = detail.get("name"), detail.get("email")
        if name and email:
            fields["author"] = f"{name} ({email})"
        else:
            fields["author"] = name or email or _clean(own)

    def published(self, element: ET.Element, fields: dict, in_entry: bool) -> None:
        _date(element, fields, "published" if in_entry else "")

    def updated(self, element: ET.Element, fields: dict, in_entry: bool) -> None:
        _date(element, fields, "updated" if in_entry else "")

    # -- elements that set nothing parse.py reads ----------------------------------

    def plain(self, element: ET.Element, fields: dict, in_entry: bool) -> None:
        if len(element):
            raise _Unsure

    def people(self, element: ET.Element, fields: dict, in_entry: bool) -> None:
        # Atom contributor: name, email, uri, nothing deeper.
        for part in element:
            if self.name(part) not in ("name", "email", "uri") or len(part):
                raise _Unsure

    def image(self, element: ET.Element, fields: dict, in_entry: bool) -> None:
        # Its children go to feed.image; any other child would end that (feedparser's
        # "special hack") and send the rest to the feed itself.
        for part in element:
            if self.name(part) not in _IMAGE_PARTS or len(part):
                raise _Unsure

    def text_input(self, element: ET.Element, fields: dict, in_entry: bool) -> None:
        for part in element:
            if self.name(part) not in _TEXT_INPUT_PARTS or len(part):
                raise _Unsure


_Read = Callable[[_Reader, ET.Element, dict, bool], None]
_IMAGE_PARTS = frozenset({"title", "link", "url", "description", "width", "height"})
_TEXT_INPUT_PARTS = frozenset({"title", "link", "description", "name"})
# Elements feedparser handles that set nothing parse.py reads, whatever their order.
_HARMLESS: dict[str, _Read] = {
    "category": _Reader.plain,
    "dc_subject": _Reader.plain,
    "contributor": _Reader.people,
}
_ENTRY_READERS: dict[str, _Read] = {
    **_HARMLESS,
    "title": _Reader.title,
    "link": _Reader.link,
    "guid": _Reader.guid,
    "id": _Reader.guid,
    "description": _Reader.summary,
    "summary": _Reader.summary,
    "content": _Reader.content,
    "content_encoded": _Reader.content,
    "author": _Reader.author,
    "dc_creator": _Reader.author,
    "pubdate": _Reader.published,
    "published": _Reader.published,
    "updated": _Reader.updated,
    "dc_date": _Reader.updated,
    "enclosure": _Reader.plain,
    "source": _Reader.plain,  # RSS source: text and a url; Atom's has children
    "media_content": _Reader.plain,
    "media_thumbnail": _Reader.plain,
}
_FEED_READERS: dict[str, _Read] = {
    **_HARMLESS,
    "title": _Reader.title,
    "link": _Reader.link,
    "id": _Reader.guid,
    "author": _Reader.author,
    "dc_creator": _Reader.author,
    "pubdate": _Reader.published,
    "published": _Reader.published,
    "updated": _Reader.updated,
    "dc_date": _Reader.updated,
    "lastbuilddate": _Reader.updated,
    "description": _Reader.summary,  # the feed's subtitle
    "subtitle": _Reader.summary,
    "rights": _Reader.plain,
    "copyright": _Reader.plain,
    "dc_rights": _Reader.plain,
    "language": _Reader.plain,
    "dc_language": _Reader.plain,
    "generator": _Reader.plain,
    "cloud": _Reader.plain,
    "managingeditor": _Reader.plain,
    "webmaster": _Reader.plain,
    "image": _Reader.image,
    "textinput": _Reader.text_input,
}


def _once(fields: dict, key: str) -> None:
    # A field given twice falls back: feedparser's rules of depth, order and "summary
    # then content" for repeats are not copied.
    marker = "once:" + key
    if marker in fields:
        raise _Unsure
    fields[marker] = True


def _date(element: ET.Element, fields: dict, key: str) -> None:
    # The feed's own dates (key "") are not used, but one the fast path cannot read is
    # still a reason to let feedparser read the feed.
    value = _text(element)
    parsed = _parse_date(value) if value else None
    if key:
        _once(fields, key)
        fields[key] = parsed


# ---------------------------------------------------------------------------
# Values: feedparser's pop() for an element's text

_HTML_TYPES = frozenset({"application/xhtml+xml", "text/html"})
_URI_FIXER = re.compile("^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")  # feedparser's _urifixer
_ENTITY_LIKE = re.compile("&([A-Za-z0-9_]+);")
# feedparser's _cp1252: C1 controls read as the Windows-1252 characters they stand for.
_CP1252 = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # undefined in cp1252
}


def _attributes(element: ET.Element) -> dict[str, str]:
    """Attributes keyed as feedparser's handlers read them, rel and type values lowercased.

    Names are lowercased; one in a namespace feedparser knows is "prefix:name" (xml:lang,
    rdf:about, xlink:href), one in another namespace is its bare name, as if it had none.
    """
    out: dict[str, str] = {}
    if not element.attrib:
        return out
    for name, value in element.attrib.items():
        if name[0] == "{":
            uri, _, name = name[1:].partition("}")
            prefix = _prefix_of(uri)
            if prefix:
                name = f"{prefix}:{name}"
        name = name.lower()
        if name in out:
            raise _Unsure  # two attributes feedparser would read as one
        out[name] = value.lower() if name in ("rel", "type") else value
    return out


def _check_content_attributes(element: ET.Element) -> dict[str, str]:
    # Plain text or escaped HTML only: xhtml is read as markup, other types and
    # mode="base64" are base64-decoded by feedparser.
    if not element.attrib:
        return {}
    attributes = _attributes(element)
    if "mode" in attributes or _content_type(attributes.get("type", "text")) not in (
        "text/plain",
        "text/html",
    ):
        raise _Unsure
    return attributes


def _content_type(value: str) -> str:
    # feedparser's map_content_type
    value = value.lower()
    if value in ("text", "plain"):
        return "text/plain"
    if value == "html":
        return "text/html"
    if value == "xhtml":
        return "application/xhtml+xml"
    return value


def _text(element: ET.Element, *, resolve: bool = False) -> str:
    if len(element):
        raise _Unsure  # markup inside: feedparser would read it as inline XHTML
    value = (element.text or "").strip()
    if resolve and value:
        value = _resolve(value)
    return value if value.isascii() else _clean(value)


def _resolve(uri: str) -> str:
    # feedparser's _urljoin with no base URI: only the slashes after "scheme://" go (the
    # regex can only match the first "://": its scheme part has no ":" or "/").
    at = uri.find("://")
    if at < 0 or uri[at + 3 : at + 4] != "/":
        return uri
    return _URI_FIXER.sub(r"\1\3", uri)


def _clean(value: str) -> str:
    value = value.strip()
    if value.isascii():
        return value
    # feedparser takes text that is all Latin-1 but also valid UTF-8 for double-encoded.
    with contextlib.suppress(UnicodeError):
        value = value.encode("iso-8859-1").decode("utf-8")
    return value.translate(_CP1252)


# ---------------------------------------------------------------------------
# Dates: feedparser tries W3C-DTF first, then RFC 822; these are the forms of each whose
# result is certain, computed its way. Anything else is left to feedparser.

_W3DTF = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)(?:[Tt](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?([Zz]|[+-]\d\d:\d\d)?)?",
    re.ASCII,
)
_RFC822 = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(\d{1,2})\s+"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(\d{4})\s+"
    r"(\d{1,2}):(\d\d)(?::(\d\d))?\s+([+-]\d\d:?\d\d|[a-z]+)",
    re.ASCII | re.IGNORECASE,
)
_MONTHS = {
    month: number
    for number, month in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
# feedparser's rfc822 timezone_names; a name it does not know counts as UTC.
_ZONES = {
    "ut": 0, "gmt": 0, "z": 0, "adt": -3, "ast": -4, "at": -4, "edt": -4, "est": -5,
    "et": -5, "cdt": -5, "cst": -6, "ct": -6, "mdt": -6, "mst": -7, "mt": -7, "pdt": -7,
    "pst": -8, "pt": -8, "a": -1, "n": 1, "m": -12, "y": 12, "met": 1, "mest": 2,
}  # fmt: skip


def _parse_date(value: str) -> datetime:
    """What feedparser's _parse_date and records.utc_time make of the date, or _Unsure."""
    match = _W3DTF.fullmatch(value)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        hours = minutes = 0
        if zone and zone[0] in "+-":
            sign = -1 if zone[0] == "-" else 1
            hours, minutes = sign * int(zone[1:3]), sign * int(zone[4:])
        return _utc(year, month, day, hour or 0, minute or 0, second or 0, hours, minutes)
    match = _RFC822.fullmatch(value)
    if match:
        day, month, year, hour, minute, second, zone = match.groups()
        zone = zone.lower()
        if zone[0] in "+-":
            sign = -1 if zone[0] == "-" else 1
            hours, minutes = sign * int(zone[1:3]), sign * int(zone[-2:])
        else:
            if zone.startswith("gmt"):
                zone = zone[3:] or "gmt"
            hours, minutes = _ZONES.get(zone, 0), 0
        month = _MONTHS[month[:3].lower()]
        return _utc(year, month, day, hour, minute, second or 0, hours, minutes)
    raise _Unsure


# records.utc_time goes through a Unix timestamp, which some platforms refuse outside these
# years (Windows: before 1970 and from 3000); inside them it gives the same datetime as
# this shorter way.
_EARLIEST = datetime(1970, 1, 2)
_LATEST = datetime(2999, 12, 31)
_OFFSETS: dict[tuple[int, int], timedelta] = {}


def _utc(year, month, day, hour, minute, second, hours: int, minutes: int) -> datetime:
    try:
        stamp = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second))
        if hours or minutes:
            offset = _OFFSETS.get((hours, minutes))
            if offset is None:
                offset = _OFFSETS[hours, minutes] = timedelta(hours=hours, minutes=minutes)
            stamp -= offset
    except (ValueError, OverflowError):
        raise _Unsure from None  # feedparser would try its other date formats
    if not _EARLIEST <= stamp <= _LATEST:
        raise _Unsure
    return stamp.replace(tzinfo=timezone.utc)
