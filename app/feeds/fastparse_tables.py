"""What the fast path copies from feedparser 6.0, and how it steps aside.

Unsure is raised anywhere the fast path might differ from feedparser. The tables are
feedparser's own: the namespaces it knows (mixin.py), the elements it has handlers for,
its cp1252 map (html.py) and its time zone names (datetimes/rfc822.py).
tests/feeds/test_fastparse_tables.py checks they still match the installed feedparser.
"""

from __future__ import annotations


class Unsure(Exception):
    """Raised anywhere the fast path might differ from feedparser: fall back."""


# feedparser's _FeedParserMixin.namespaces: URI -> the prefix it uses for handler names.
FEEDPARSER_NAMESPACES = {
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
_PREFIXES = {uri.lower(): prefix.lower() for uri, prefix in FEEDPARSER_NAMESPACES.items()}
KNOWN_PREFIXES = frozenset(_PREFIXES.values()) - {""}

# Every element name feedparser 6.0 has a _start_/_end_ handler for, lowercased.
HANDLED = frozenset(
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
CLASHES = frozenset(
    {"published_parsed", "updated_parsed", "date_parsed", "modified_parsed", "issued_parsed"}
)


def prefix_of(uri: str) -> str | None:
    """feedparser's prefix for a namespace ("" for RSS and Atom), None if it does not know it."""
    lower = uri.lower()
    if "backend.userland.com/rss" in lower:
        return ""
    return _PREFIXES.get(lower)


# feedparser's _cp1252: C1 controls read as the Windows-1252 characters they stand for.
CP1252 = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # undefined in cp1252
}

# feedparser's rfc822 timezone_names; a name it does not know counts as UTC.
ZONES = {
    "ut": 0, "gmt": 0, "z": 0, "adt": -3, "ast": -4, "at": -4, "edt": -4, "est": -5,
    "et": -5, "cdt": -5, "cst": -6, "ct": -6, "mdt": -6, "mst": -7, "mt": -7, "pdt": -7,
    "pst": -8, "pt": -8, "a": -1, "n": 1, "m": -12, "y": 12, "met": 1, "mest": 2,
}  # fmt: skip
