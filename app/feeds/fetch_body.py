"""A response body read within the size cap, gzip and deflate inflated with a bound.

httpx would inflate each network read whole; here no read, however small its compressed
form, produces more than the cap allows.
"""

from __future__ import annotations

import zlib
from typing import Protocol

import httpx

from app.i18n import _, ngettext

_MIB = 1024 * 1024


class Received(Protocol):
    """Where read_body counts the bytes as they arrive (a fetch cut short still tells)."""

    bytes_received: int


async def read_body(
    response: httpx.Response, max_bytes: int, progress: Received
) -> tuple[bytes, str]:
    """(the body, "") or (b"", why it was refused): over `max_bytes` once inflated, or
    compressed in a way Digwell does not read, or damaged."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        # Translators: {size} and {limit} are sizes: "12 MB", "10 MB".
        message = _("The feed is {size}, over Digwell's {limit} limit; it was not read.")
        return b"", message.format(size=size_words(int(declared)), limit=size_words(max_bytes))
    if response.is_stream_consumed:
        # Only transports built on httpx.Response(content=...), e.g. MockTransport:
        # httpx has already read and decoded the body.
        progress.bytes_received = len(response.content)
        if len(response.content) <= max_bytes:
            return response.content, ""
        return b"", _too_big(max_bytes)
    coding = response.headers.get("content-encoding", "")
    try:
        inflater = Inflater(coding)
    except ValueError:
        # Translators: {encoding} is an HTTP Content-Encoding, e.g. br.
        message = _("The server sent the feed in an encoding Digwell cannot read ({encoding}).")
        return b"", message.format(encoding=coding[:40])
    chunks: list[bytes] = []
    try:
        async for raw in response.aiter_raw():
            # One byte over the cap is enough to know; a bomb never inflates further.
            data = inflater.feed(raw, max_bytes - progress.bytes_received + 1)
            progress.bytes_received += len(data)
            if progress.bytes_received > max_bytes:
                return b"", _too_big(max_bytes)
            chunks.append(data)
        data = inflater.flush()
    except zlib.error:
        return b"", _("The server sent a damaged compressed feed; Digwell will try again later.")
    progress.bytes_received += len(data)
    if progress.bytes_received > max_bytes:
        return b"", _too_big(max_bytes)
    chunks.append(data)
    return b"".join(chunks), ""


def _too_big(max_bytes: int) -> str:
    # Translators: {limit} is a size: "10 MB".
    message = _("The feed is over Digwell's {limit} limit; it was not read.")
    return message.format(limit=size_words(max_bytes))


class Inflater:
    """Content-Encoding decoded here rather than by httpx.

    httpx inflates each network read whole, up to ~1000x its size: a 64 KB read of a
    gzip bomb becomes 64 MB. zlib's max_length bounds what one read can produce.
    """

    def __init__(self, content_encoding: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise ValueError(content_encoding)
        self._coding = codings[0] if codings else ""
        self._started = False
        self._zlib = None
        if self._coding == "deflate":
            self._zlib = zlib.decompressobj()
        elif self._coding:
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def feed(self, data: bytes, max_out: int) -> bytes:
        """Decode `data`, returning at most `max_out` (>= 1) bytes."""
        if self._zlib is None:
            return data
        first, self._started = not self._started, True
        try:
            return self._zlib.decompress(data, max_out)
        except zlib.error:
            if not (first and self._coding == "deflate"):
                raise
            # Some servers send raw deflate without the zlib wrapper.
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            return self._zlib.decompress(data, max_out)

    def flush(self) -> bytes:
        """What the decoder still holds once the last read is fed."""
        return self._zlib.flush() if self._zlib is not None else b""


def size_words(n: int) -> str:
    """A size as people say it: 10 MB, 1.5 KB, 12 bytes (1,5 KB in German)."""
    from app.i18n import formats  # babel: only when a size is to be shown

    for unit, scale in (("MB", _MIB), ("KB", 1024)):
        if n >= scale:
            value = n / scale
            digits = 0 if value >= 100 or value.is_integer() else 1
            return f"{formats.number(value, digits)} {unit}"
    return ngettext("{count} byte", "{count} bytes", n).format(count=n)
