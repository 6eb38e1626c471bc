"""An element's text and attributes as feedparser's pop() and handlers read them: links
through its _urljoin, text through its latin-1-as-UTF-8 repair and cp1252 map."""

from __future__ import annotations

import contextlib
import re
import xml.etree.ElementTree as ET

from app.feeds.fastparse_tables import CP1252, Unsure, prefix_of

HTML_TYPES = frozenset({"application/xhtml+xml", "text/html"})
_URI_FIXER = re.compile("^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")  # feedparser's _urifixer
ENTITY_LIKE = re.compile("&([A-Za-z0-9_]+);")


def attributes_of(element: ET.Element) -> dict[str, str]:
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
            prefix = prefix_of(uri)
            if prefix:
                name = f"{prefix}:{name}"
        name = name.lower()
        if name in out:
            raise Unsure  # two attributes feedparser would read as one
        out[name] = value.lower() if name in ("rel", "type") else value
    return out


def check_content_attributes(element: ET.Element) -> dict[str, str]:
    # Plain text or escaped HTML only: xhtml is read as markup, other types and
    # mode="base64" are base64-decoded by feedparser.
    if not element.attrib:
        return {}
    attributes = attributes_of(element)
    if "mode" in attributes or map_content_type(attributes.get("type", "text")) not in (
        "text/plain",
        "text/html",
    ):
        raise Unsure
    return attributes


def map_content_type(value: str) -> str:
    # feedparser's map_content_type
    value = value.lower()
    if value in ("text", "plain"):
        return "text/plain"
    if value == "html":
        return "text/html"
    if value == "xhtml":
        return "application/xhtml+xml"
    return value


def element_text(element: ET.Element, *, resolve: bool = False) -> str:
    if len(element):
        raise Unsure  # markup inside: feedparser would read it as inline XHTML
    value = (element.text or "").strip()
    if resolve and value:
        value = resolve_uri(value)
    return value if value.isascii() else repair_text(value)


def resolve_uri(uri: str) -> str:
    # feedparser's _urljoin with no base URI: only the slashes after "scheme://" go (the
    # regex can only match the first "://": its scheme part has no ":" or "/").
    at = uri.find("://")
    if at < 0 or uri[at + 3 : at + 4] != "/":
        return uri
    return _URI_FIXER.sub(r"\1\3", uri)


def repair_text(value: str) -> str:
    value = value.strip()
    if value.isascii():
        return value
    # feedparser takes text that is all Latin-1 but also valid UTF-8 for double-encoded.
    with contextlib.suppress(UnicodeError):
        value = value.encode("iso-8859-1").decode("utf-8")
    return value.translate(CP1252)
