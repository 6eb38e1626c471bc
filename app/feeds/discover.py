"""Find the feed behind a web address, the way browsers and feed readers do.

No I/O here: `discover` is given a `get` function, so the caller decides about timeouts,
size limits and user agents, and tests run on sample pages.
"""

import codecs
import contextlib
import hashlib
import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit, urlunsplit

from app.errors import DigwellError, FeedError
from app.feeds.jsonfeed import looks_like_json_feed, parse_json_feed
from app.feeds.parse import parse_feed
from app.i18n import _
from app.text.links import safe_link

MAX_PAGE_BYTES = 2 * 1024 * 1024
# Fallback probing stops after this many distinct feeds: enough to offer a choice
# (posts, comments) without knocking on every door of the site.
MAX_FALLBACK_HITS = 3

# application/json is what many JSON Feed publishers declare in their <link> tag.
_LINK_TYPES = {
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/feed+json": "json",
    "application/json": "json",
}
# Only consulted for XML whose root element lies past what sniffing looks at.
_FEED_CONTENT_TYPES = {"application/rss+xml": "rss", "application/atom+xml": "atom"}

# Where site generators put their feed, in the order worth trying: WordPress (/feed),
# Ghost (/rss, which redirects to /rss/), Jekyll (/feed.xml), Hugo (/index.xml), Blogger
# (/feeds/posts/default). Kept short: each one is a request when a site announces nothing.
_ROOT_PATHS = (
    "/feed",
    "/feed/",
    "/rss",
    "/rss.xml",
    "/atom.xml",
    "/feed.xml",
    "/index.xml",
    "/feed.json",
    "/blog/feed",
    "/blog/rss.xml",
    "/blog/index.xml",
    "/feeds/posts/default",
)
# Tried first under the path the user gave (example.com/engineering/ -> .../engineering/feed).
_SUB_PATHS = ("feed", "feed/", "rss", "rss.xml", "atom.xml", "feed.xml", "index.xml", "feed.json")


class DiscoveryError(DigwellError):
    """No feed could be found for a web address."""


class FeedLink(NamedTuple):
    """A feed found for a page: its absolute URL, a title if known, and rss|atom|json."""

    url: str
    title: str
    kind: str


def find_feed_links(html: bytes, base_url: str) -> list[FeedLink]:
    """Feeds a page announces with <link rel="alternate" type=...>, in document order.

    Relative addresses are resolved against <base href> or `base_url`; only http(s) is
    kept, each URL once. Only the first 2 MB are read: the links live in <head>.
    """
    finder = _LinkFinder()
    try:
        finder.feed(_decode(html[:MAX_PAGE_BYTES]))
        finder.close()
    except AssertionError:
        # HTMLParser's last resort on markup it cannot place; the links found so far count.
        pass
    base = base_url
    if finder.base:
        base = safe_link(_join(base_url, finder.base)) or base_url
    links: list[FeedLink] = []
    seen: set[str] = set()
    for href, title, kind in finder.found:
        url = safe_link(_join(base, href))
        if not url or url in seen or (kind == "json" and _is_wordpress_api(url)):
            continue
        seen.add(url)
        links.append(FeedLink(url=url, title=title, kind=kind))
    return links


class _LinkFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base = ""
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("link", "base"):
            return
        # HTMLParser lower-cases names; a repeated attribute counts once, the first, as in HTML.
        values: dict[str, str] = {}
        for name, value in attrs:
            values.setdefault(name, (value or "").strip())
        if tag == "base":
            # Only the first <base href> sets the document's base URL.
            self.base = self.base or values.get("href", "")
            return
        if "alternate" not in values.get("rel", "").lower().split():
            return
        kind = _LINK_TYPES.get(values.get("type", "").split(";", 1)[0].strip().lower())
        href = values.get("href", "")
        if kind and href:
            self.found.append((href, " ".join(values.get("title", "").split()), kind))

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # The stdlib raises AssertionError on an unknown <![keyword[ ... ]]> section, which
        # would end the parse there; browsers read it as a bogus comment, and so do we.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i, report)


def _decode(data: bytes) -> str:
    """Page bytes as text: byte order mark, else <meta charset>, else UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    match = _META_CHARSET.search(data[:4096])
    charset = "utf-8"
    if match:
        with contextlib.suppress(LookupError):  # an unknown charset: read it as UTF-8
            charset = codecs.lookup(match.group(1).decode("ascii")).name
    # As browsers do: a page that could state its charset in ASCII is not UTF-16, and
    # "latin-1" on the web means windows-1252.
    if charset.startswith("utf-16"):
        charset = "utf-8"
    elif charset in ("latin-1", "iso8859-1", "ascii"):
        charset = "cp1252"
    # "replace": the 2 MB cut may split a character, and one bad byte must not cost the page.
    return data.decode(charset, "replace")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _join(base: str, href: str) -> str:
    try:
        return urljoin(base, href)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return ""


def _is_wordpress_api(url: str) -> bool:
    # WordPress announces its REST API as rel="alternate" type="application/json": not a feed.
    parts = urlsplit(url)
    return "/wp-json/" in parts.path + "/" or "rest_route=" in parts.query


def sniff_feed_kind(body: bytes, content_type: str) -> str | None:
    """ "rss", "atom" or "json" if this response body is itself a feed, else None.

    The document's own start decides (its root element, or a JSON Feed version); the
    content type only settles what the start does not show, since servers often label
    feeds text/xml or text/html and feed types are sometimes put on error pages.
    """
    head = _head_text(body[:4096])
    start = head.lstrip()
    if start.startswith("{"):
        return "json" if looks_like_json_feed(body, content_type) else None
    if not start.startswith("<"):
        return None
    root = _root_element(start)
    if root is None:
        media = content_type.split(";", 1)[0].strip().lower()
        return _FEED_CONTENT_TYPES.get(media)
    local = root.rsplit(":", 1)[-1]
    if local == "rss" or local == "rdf":  # rdf:RDF is RSS 1.0
        return "rss"
    if local == "feed":
        return "atom"
    return None


def _head_text(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", "replace")
    elif head.startswith(b"<\x00"):
        return head.decode("utf-16-le", "replace")
    elif head.startswith(b"\x00<"):
        return head.decode("utf-16-be", "replace")
    return head.decode("utf-8", "replace")


_NAME = re.compile(r"<([A-Za-z_][\w.:-]*)")


def _root_element(text: str) -> str | None:
    """The first element's lower-cased name, past the declaration, comments and DOCTYPE."""
    pos = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if text.startswith("<?", pos):
            end, step = text.find("?>", pos), 2
        elif text.startswith("<!--", pos):
            end, step = text.find("-->", pos), 3
        elif text.startswith("<!", pos):
            # A DOCTYPE with an internal subset ends at "]>", not at its first ">".
            bracket, close = text.find("[", pos), text.find(">", pos)
            if 0 <= bracket < close:
                end, step = text.find("]>", pos), 2
            else:
                end, step = close, 1
        else:
            match = _NAME.match(text, pos)
            return match.group(1).lower() if match else None
        if end < 0:
            return None  # the prolog runs past what we looked at
        pos = end + step


def candidate_paths(site_url: str) -> list[str]:
    """Absolute URLs where a site's feed often is, for when its pages announce none."""
    parts = urlsplit(site_url.strip())
    origin = (parts.scheme or "https", parts.netloc)
    path = parts.path or "/"
    if "." in path.rsplit("/", 1)[-1]:  # a page such as /blog/post.html: use its folder
        path = path.rsplit("/", 1)[0] + "/"
    folder = path if path.endswith("/") else path + "/"
    paths = [folder + sub for sub in _SUB_PATHS] if folder != "/" else []
    paths.extend(_ROOT_PATHS)
    urls: list[str] = []
    for candidate in paths:
        url = urlunsplit((*origin, candidate, "", ""))
        if url not in urls:
            urls.append(url)
    return urls


Get = Callable[[str], tuple[int, dict[str, str], bytes]]


def discover(url: str, get: Get) -> list[FeedLink]:
    """The feeds for a web address: itself if it is a feed, else the ones its page links
    to, else feeds answering at the usual addresses (first few, 200 and a real feed).

    `get(url)` returns (status, lower-cased headers, body). What it raises for the address
    itself reaches the caller; a DigwellError on a fallback address only skips that one.
    Raises DiscoveryError when nothing is found.
    """
    start = _normalize(url)
    status, headers, body = get(start)
    content_type = _content_type(headers)
    if status == 200:
        kind = sniff_feed_kind(body, content_type)
        if kind:
            return [FeedLink(url=start, title=_feed_title(body, kind) or "", kind=kind)]
        links = find_feed_links(body, start)
        if links:
            return links

    if status in (401, 403):
        raise DiscoveryError(
            # Translators: {host} is a server's name, e.g. example.com; {status} 401 or 403.
            _("{host} asks for a sign-in (HTTP {status}).").format(
                host=urlsplit(start).hostname or start, status=status
            ),
            _(
                "If this is a private feed, enter its user name and password, or its token, "
                "and try again."
            ),
        )
    found = _usual_addresses(start, get)
    if found:
        return found
    raise _nothing_found(start, status)


def _usual_addresses(start: str, get: Get) -> list[FeedLink]:
    """The feeds answering at the usual addresses (the first few, 200 and a real feed)."""
    found: list[FeedLink] = []
    seen_bodies: set[bytes] = set()
    for candidate in candidate_paths(start):
        if candidate == start:
            continue
        try:
            c_status, c_headers, c_body = get(candidate)
        except DigwellError:
            continue
        kind = sniff_feed_kind(c_body, _content_type(c_headers)) if c_status == 200 else None
        if not kind:
            continue
        # /feed and /feed/ usually serve the same document: offer it once.
        digest = hashlib.sha256(c_body).digest()
        if digest in seen_bodies:
            continue
        seen_bodies.add(digest)
        title = _feed_title(c_body, kind)
        if title is None:
            continue  # looked like a feed but does not parse: not worth offering
        found.append(FeedLink(url=candidate, title=title, kind=kind))
        if len(found) >= MAX_FALLBACK_HITS:
            break
    return found


def _nothing_found(start: str, status: int) -> DiscoveryError:
    """Why no feed was found for the address, and what to do instead."""
    host = urlsplit(start).hostname or start
    if status == 200:
        # Translators: {host} is a server's name, e.g. example.com.
        message = _(
            "No feed found at {host}: the page links to none and none of the usual feed "
            "addresses answered."
        )
    else:
        # Translators: {host} is a server's name; {status} an HTTP status code, e.g. 404.
        message = _(
            "No feed found at {host}: the page answered {status} and none of the usual feed "
            "addresses answered."
        )
    return DiscoveryError(
        message.format(host=host, status=status),
        _(
            "If the site has a feed, copy its address from the site (look for an RSS or feed "
            "icon) and add that instead."
        ),
    )


# "javascript:x" or "mailto:x" has a scheme; "example.com:8080" has a port.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")


def _normalize(url: str) -> str:
    text = url.strip()
    if text and "://" not in text and not _SCHEME.match(text):
        text = "https://" + text  # what people paste: "example.com/blog", "localhost:8080"
    checked = safe_link(text)
    if not checked:
        # Translators: stands for an address the user left empty.
        address = url.strip() or _("(empty)")
        raise DiscoveryError(
            # Translators: {address} is what the user typed as the address.
            _(
                "Cannot look for a feed at {address}: only web addresses (http or https) "
                "can be followed."
            ).format(address=address),
            _("Paste the address of the site or of its feed, e.g. https://example.com/blog."),
        )
    return checked


def _content_type(headers: dict[str, str]) -> str:
    for name, value in headers.items():
        if name.lower() == "content-type":
            return value
    return ""


def _feed_title(body: bytes, kind: str) -> str | None:
    """The feed's own title; None when the document does not parse as a feed."""
    try:
        if kind == "json":
            return parse_json_feed(body).title
        return parse_feed(body).title
    except FeedError:
        return None
