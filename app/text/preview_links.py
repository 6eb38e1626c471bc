"""A preview link's target: opened only if http(s), and shown beside the link (host and
path, punycode for look-alike hosts) unless the link's own text already says it."""

from __future__ import annotations

import contextlib
import re

from app.text.links import safe_link

# Text and attribute values as Qt should never see them.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_URL_JUNK = re.compile(r"[\t\n\r]")  # browsers ignore these anywhere in a URL
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_HOST_PATH = re.compile(r"[a-zA-Z]+://([^/?#]*)([^?#]*)")
_SCHEME_WWW = re.compile(r"^(?:https?://)?(?:www\.)?")
_NOTE_LIMIT = 60  # characters of a link target shown next to the link


def link_target(href: str | None) -> str:
    """The URL a feed's href opens if it is http(s), else ""."""
    if not href:
        return ""
    url = _URL_JUNK.sub("", href).strip("\x00 \f\v")  # "java\tscript:" is javascript:
    if CONTROL.search(url):
        return ""
    return safe_link(url)


def target_note(url: str, link_text: str) -> str:
    """What is shown next to a link: its host and path, shortened; "" when the link text
    already says it."""
    parts = _HOST_PATH.match(url)  # as urlsplit reads a URL safe_link passed, ~5x faster
    host, path = parts.groups() if parts else ("", "")
    host = host.rpartition("@")[2].lower()  # never "trusted.org@" from user info
    if not host.isascii():  # punycode, as browsers show look-alike hosts
        with contextlib.suppress(UnicodeError):
            host = host.encode("idna").decode("ascii")
    if path == "/":
        path = ""
    said = " ".join(link_text.split()).lower()
    if "." in said or ":" in said:  # only then can it be a URL or host
        said = _bare(said)
        if said in (_bare(url), _bare(host), _bare(host + path)):
            return ""
    shown = _INVISIBLE.sub("", host + path)
    if len(shown) > _NOTE_LIMIT:
        shown = shown[: _NOTE_LIMIT - 1] + "…"
    return shown


def _bare(text: str) -> str:
    # A URL or host as people write it: no scheme, no www., no trailing slash.
    return _SCHEME_WWW.sub("", text.lower()).rstrip("/")
