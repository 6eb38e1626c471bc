"""Which links Digwell will store, show as clickable, or open: http(s) only."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_SAFE_SCHEMES = frozenset({"http", "https"})
# http(s)://, a host of printable ASCII, then anything without a tab, CR or LF: urlsplit
# accepts all of these as they are. Others (brackets, non-ASCII hosts, characters it
# removes) go through urlsplit itself. The host's class is printable ASCII but / ? # [ ]
# spelled out: the same set as [^/?#\[\]\x00-\x20\x7f-\U0010ffff], which took ~2 ms of
# start-up to compile (tests/text/test_links.py checks every code point).
_PLAIN_URL = re.compile(
    r"https?://[\x21\x22\x24-\x2e\x30-\x3e\x40-\x5a\x5c\x5e-\x7e]+(?:[/?#][^\t\r\n]*)?\Z"
)


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
