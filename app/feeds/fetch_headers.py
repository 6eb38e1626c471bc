"""Headers a fetch sends and reads: the caller's extra headers checked, and how long the
server asks Digwell to wait (Retry-After, Cache-Control max-age), within a bound."""

from __future__ import annotations

import email.utils
from datetime import datetime, timezone

from app.i18n import _

# So a misconfigured Retry-After or max-age cannot silence a feed for months.
MAX_WAIT_S = 7 * 24 * 60 * 60
_TOKEN_MARKS = "!#$%&'*+-.^_`|~"  # what a header name may hold besides letters and digits


def refuse_headers(headers: tuple[tuple[str, str], ...]) -> str:
    """Why the caller's extra headers cannot be sent, or "" when they can."""
    for name, value in headers:
        if not (_is_token(name) and value.isascii() and value.isprintable()):
            return _("The extra request headers for this feed are not valid; check them.")
    return ""


def _is_token(name: str) -> bool:
    return bool(name) and all(c.isascii() and (c.isalnum() or c in _TOKEN_MARKS) for c in name)


def retry_after(value: str) -> float | None:
    """Retry-After as seconds from now: either a number of seconds or an HTTP-date."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - datetime.now(timezone.utc)).total_seconds()
    return min(max(seconds, 0.0), float(MAX_WAIT_S))


def max_age(cache_control: str) -> float | None:
    """Cache-Control max-age as seconds, at most MAX_WAIT_S; None without one."""
    for directive in cache_control.split(","):
        name, _equals, value = directive.strip().partition("=")
        value = value.strip().strip('"')
        if name.strip().lower() == "max-age" and value.isdigit():
            return min(float(value), float(MAX_WAIT_S))
    return None
