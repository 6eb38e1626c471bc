"""Which bytes the fast path reads: only what feedparser would decode as UTF-8 or US-ASCII
without complaint (encodings.py, RFC 3023), with no DOCTYPE and no base URI."""

from __future__ import annotations

import codecs
import re

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


def readable(body: bytes, headers: dict[str, str]) -> bytes | None:
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
