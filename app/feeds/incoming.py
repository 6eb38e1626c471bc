"""One guard for bytes about to be parsed: a size cap, an empty body, refused markers.

RSS/Atom, OPML and JSON Feed each call refuse_unreadable with their own Guard (limit,
words, markers), so the checks are written once and each format still says what it
always said. A Guard's words are English, marked with N_: they are translated when
raised.
"""

from __future__ import annotations

from typing import NamedTuple

from app.errors import DigwellError
from app.i18n import _

MIB = 1024 * 1024
# The encodings expat reads without help: a marker is refused in each of them.
MARKER_CODECS = ("utf-8", "utf-16-le", "utf-16-be")


def encoded_markers(*markers: str) -> tuple[bytes, ...]:
    """Each marker as bytes in every encoding of MARKER_CODECS."""
    return tuple(marker.encode(codec) for marker in markers for codec in MARKER_CODECS)


class Guard(NamedTuple):
    """What one format accepts, and what it says when it refuses."""

    error: type[DigwellError]  # raised with (message, hint)
    # "The feed is {size} MB, over Digwell's {limit} MB limit; it was not read."
    too_big: str
    empty: str  # "The feed is empty."
    max_bytes: int
    too_big_hint: str
    empty_hint: str
    markers: tuple[bytes, ...] = ()  # refused anywhere in the body
    refused: tuple[str, str] = ("", "")  # (message, hint) when a marker is found
    ignored_prefix: bytes = b""  # not counted as content (JSON Feed: a UTF-8 BOM)


def refuse_unreadable(body: bytes, guard: Guard) -> None:
    """Raise guard.error when `body` is over the cap, empty, or holds a refused marker."""
    if len(body) > guard.max_bytes:
        raise guard.error(
            _(guard.too_big).format(size=f"{len(body) / 1e6:.0f}", limit=guard.max_bytes // MIB),
            _(guard.too_big_hint),
        )
    if not body.removeprefix(guard.ignored_prefix).strip():
        raise guard.error(_(guard.empty), _(guard.empty_hint))
    # The whole body, not its start: comments or spaces can push a DOCTYPE back, and
    # feedparser's loose parser took 6 s and 800 MB on a 1 MB billion laughs padded so.
    # ~2 ms a MB.
    if any(marker in body for marker in guard.markers):
        message, hint = guard.refused
        raise guard.error(_(message), _(hint))
