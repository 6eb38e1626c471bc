"""Which links Digwell will store, show as clickable, or open: http(s) only."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_SAFE_SCHEMES = frozenset({"http", "https"})
# http(s)://, a host of printable ASCII, then anything without a tab, CR or LF: urlsplit
# accepts all of these as they are. Others (brackets, non-ASCII hosts, characters it
# removes) go through urlsplit itself.
_PLAIN_URL = re.compile(r"https?://[^/?#\[\]\x00-\x20\x7f-\U0010ffff]+(?:[/?#][^\t\r\n]*)?\Z")


def safe_link(url: str | None) -> str:
    """The URL if it is http or https with a host, else '' (drops javascript:, data:, file:)."""
    if not url:
        return ""
    url = url.strip()
    if url.startswith(("https://", "http://")) and _PLAIN_URL.match(url):
        return url  # what urlsplit would accept, without its cost (a refresh has ~25k)
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return ""
    return url
