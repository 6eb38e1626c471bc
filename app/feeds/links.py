"""Which links Digwell will store, show as clickable, or open: http(s) only."""

from __future__ import annotations

from urllib.parse import urlsplit

_SAFE_SCHEMES = frozenset({"http", "https"})


def safe_link(url: str | None) -> str:
    """The URL if it is http or https with a host, else '' (drops javascript:, data:, file:)."""
    if not url:
        return ""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return ""
    return url
