"""Fetch feeds over HTTP, politely and within bounds.

Conditional requests spare publishers' bandwidth; the size cap and time limits bound
what one hostile or broken feed can cost. Messages name the host only: feed URLs and
the caller's headers may carry credentials.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import email.utils
import functools
import itertools
import os
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit, urlunsplit

import httpx

from app import __version__
from app.errors import DigwellError
from app.feeds.parse import MAX_FEED_BYTES

USER_AGENT = f"Digwell/{__version__} (feed reader; +https://digwell.invalid)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)
# Only what _Inflater decodes with a bound: never br or zstd.
ACCEPT_ENCODING = "gzip, deflate"
MAX_REDIRECTS = 5
# Connections per httpx client; more clients serve a higher concurrency (see fetch_all).
# httpcore checks every idle connection of a pool (a poll() each) as each request starts
# and ends: pools of 4 cost ~10% less CPU than pools of 8, and 1 or 2 no less than 4.
_POOL_SIZE = 4
PERMANENT_REDIRECTS = frozenset({301, 308})
FIRST_RETRY_S = 5 * 60
MAX_RETRY_S = 24 * 60 * 60
# So a misconfigured Retry-After or max-age cannot silence a feed for months.
MAX_WAIT_S = 7 * 24 * 60 * 60
_MIB = 1024 * 1024
_TOKEN_MARKS = "!#$%&'*+-.^_`|~"  # what a header name may hold besides letters and digits


class FetchRequest(NamedTuple):
    """One feed to fetch; `headers` (e.g. Authorization) never appear in messages or repr."""

    feed_id: int
    url: str
    etag: str | None = None
    last_modified: str | None = None
    headers: tuple[tuple[str, str], ...] = ()

    def __repr__(self) -> str:
        hidden = tuple((name, "<hidden>") for name, _ in self.headers)
        return (
            f"FetchRequest(feed_id={self.feed_id!r}, url={redact_url(self.url)!r}, "
            f"etag={self.etag!r}, last_modified={self.last_modified!r}, headers={hidden!r})"
        )


class FetchResult(NamedTuple):
    """What one fetch gave: status is "ok", "not_modified", "gone" or "error"."""

    feed_id: int
    url: str
    status: str
    http_status: int | None = None
    body: bytes | None = None
    headers: dict[str, str] = {}  # noqa: RUF012 -- NamedTuple default, never mutated
    etag: str | None = None
    last_modified: str | None = None
    new_url: str | None = None
    retry_after_s: float | None = None
    error: str = ""
    bytes_received: int = 0
    elapsed_s: float = 0.0

    def __repr__(self) -> str:
        body = None if self.body is None else f"<{len(self.body)} bytes>"
        new_url = None if self.new_url is None else redact_url(self.new_url)
        return (
            f"FetchResult(feed_id={self.feed_id!r}, url={redact_url(self.url)!r}, "
            f"status={self.status!r}, http_status={self.http_status!r}, body={body}, "
            f"etag={self.etag!r}, last_modified={self.last_modified!r}, new_url={new_url!r}, "
            f"retry_after_s={self.retry_after_s!r}, error={self.error!r}, "
            f"bytes_received={self.bytes_received!r}, elapsed_s={self.elapsed_s:.3f})"
        )


class Timeouts(NamedTuple):
    """Seconds: to connect, between two reads, and for the whole fetch including redirects."""

    connect: float = 10
    read: float = 20
    total: float = 60


# Sets a `digwell refresh` process's time limits: "CONNECT,READ,TOTAL" in seconds, e.g.
# "2,2,4". For tests (tests/e2e/test_hostile_feeds.py bounds a dripping and a silent
# server with it) and for very slow links; unset or empty, Timeouts()'s defaults.
TIMEOUTS_ENV = "DIGWELL_FETCH_TIMEOUTS"


def timeouts_from_env(environ: Mapping[str, str] = os.environ) -> Timeouts:
    """The time limits DIGWELL_FETCH_TIMEOUTS names, else the defaults."""
    value = environ.get(TIMEOUTS_ENV, "").strip()
    if not value:
        return Timeouts()
    try:
        seconds = [float(part) for part in value.split(",")]
    except ValueError:
        seconds = []
    if len(seconds) != 3 or not all(0 < s < float("inf") for s in seconds):
        raise DigwellError(
            f"{TIMEOUTS_ENV}={value!r} is not three time limits.",
            "Give connect, read and total seconds, e.g. 10,20,60, or unset it.",
        )
    return Timeouts(*seconds)


async def fetch_all(
    requests: Iterable[FetchRequest],
    *,
    concurrency: int = 32,
    timeouts: Timeouts = Timeouts(),  # noqa: B008 -- an immutable NamedTuple
    max_bytes: int = MAX_FEED_BYTES,
    on_result: Callable[[FetchResult], None] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> list[FetchResult]:
    """Fetch every request, at most `concurrency` at once; results in request order.

    `on_result` is called with each result as it finishes (for progress); an exception
    it raises cancels the other fetches and propagates. `transport` is for tests.
    """
    results: dict[int, FetchResult] = {}

    def keep(index: int, result: FetchResult) -> None:
        results[index] = result
        if on_result is not None:
            on_result(result)

    await _fetch_numbered(requests, keep, concurrency, timeouts, max_bytes, transport)
    return [results[index] for index in sorted(results)]


async def fetch_each(
    requests: Iterable[FetchRequest],
    on_result: Callable[[FetchResult], None],
    *,
    concurrency: int = 32,
    timeouts: Timeouts = Timeouts(),  # noqa: B008 -- an immutable NamedTuple
    max_bytes: int = MAX_FEED_BYTES,
    transport: httpx.AsyncBaseTransport | None = None,
) -> None:
    """`fetch_all` that keeps nothing: each result goes to `on_result` only, so a
    refresh's worker does not hold every body it fetched (~20 MB for 250 feeds).

    `requests` is read lazily, one request whenever a fetch ends: an iterator shared
    with other processes (refresh_worker's Claims) gives each the next feed nobody has
    taken.
    """
    await _fetch_numbered(
        requests, lambda _, result: on_result(result), concurrency, timeouts, max_bytes, transport
    )


async def _fetch_numbered(
    requests: Iterable[FetchRequest],
    deliver: Callable[[int, FetchResult], None],
    concurrency: int,
    timeouts: Timeouts,
    max_bytes: int,
    transport: httpx.AsyncBaseTransport | None,
) -> None:
    """Fetch `requests`, read lazily, and deliver each result with its request's index."""
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    numbered = enumerate(requests)
    first = next(numbered, None)
    if first is None:
        return
    numbered = itertools.chain([first], numbered)
    # Several small connection pools rather than one big one: httpcore scans every
    # connection of its pool on each request event, which made 32 connections in one
    # pool cost twice the CPU of 4 pools of 8 (and 64 in one pool, four times).
    shards = -(-concurrency // _POOL_SIZE)
    clients = [_client(timeouts, min(_POOL_SIZE, concurrency), transport) for _ in range(shards)]

    async def lane(client: httpx.AsyncClient) -> None:
        for index, request in numbered:  # the next request not yet taken by any lane
            deliver(index, await _fetch_one(client, request, timeouts, max_bytes))

    async with contextlib.AsyncExitStack() as stack:
        for client in clients:
            await stack.enter_async_context(client)
        lanes = [asyncio.ensure_future(lane(clients[i % shards])) for i in range(concurrency)]
        try:
            await asyncio.gather(*lanes)
        except BaseException:
            for task in lanes:
                task.cancel()
            await asyncio.gather(*lanes, return_exceptions=True)
            raise


def _client(
    timeouts: Timeouts, connections: int, transport: httpx.AsyncBaseTransport | None
) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        verify=_ssl_context(),
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING},
        timeout=httpx.Timeout(
            connect=timeouts.connect, read=timeouts.read, write=timeouts.read, pool=timeouts.total
        ),
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        follow_redirects=False,  # followed by hand: see _get
        transport=transport,
    )


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One per process: each costs ~40 ms (reading the CA bundle), and a refresh makes
    several clients in each of its processes."""
    return httpx.create_ssl_context()


def fetch_all_sync(requests: Iterable[FetchRequest], **options: Any) -> list[FetchResult]:
    """`fetch_all` for callers without an event loop (a worker thread, the CLI); takes
    the same keyword options."""
    return asyncio.run(fetch_all(requests, **options))


def fetch_each_sync(
    requests: Iterable[FetchRequest], on_result: Callable[[FetchResult], None], **options: Any
) -> None:
    """`fetch_each` for callers without an event loop; takes the same keyword options."""
    asyncio.run(fetch_each(requests, on_result, **options))


def retry_delay_s(consecutive_failures: int, retry_after_s: float | None = None) -> float:
    """Seconds to wait before retrying a failing feed: 5 min doubling, at most 24 h.

    Never less than what the server asked for with Retry-After.
    """
    delay = 0.0
    if consecutive_failures > 0:
        # The exponent is clamped so a feed failing for years cannot overflow.
        delay = float(min(FIRST_RETRY_S * 2 ** min(consecutive_failures - 1, 30), MAX_RETRY_S))
    return max(delay, retry_after_s or 0.0)


def redact_url(url: str) -> str:
    """The URL without any user:password@ part."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<invalid address>"
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


class _Progress:
    """What is known so far, so a fetch cut short by the total timeout still reports it."""

    __slots__ = ("bytes_received", "headers", "http_status", "url")

    def __init__(self, url: str) -> None:
        self.url = url
        self.http_status: int | None = None
        self.headers: dict[str, str] = {}
        self.bytes_received = 0


async def _fetch_one(
    client: httpx.AsyncClient, request: FetchRequest, timeouts: Timeouts, max_bytes: int
) -> FetchResult:
    started = time.monotonic()
    refusal = _refuse_address(request.url) or _refuse_headers(request.headers)
    if refusal:
        return _failure(request, refusal)
    progress = _Progress(request.url)
    try:
        result = await asyncio.wait_for(_get(client, request, max_bytes, progress), timeouts.total)
    except asyncio.TimeoutError:
        message = (
            f"{_host(progress.url)} took more than {timeouts.total:g} s to send the feed; "
            "Digwell gave up and will try again later."
        )
        result = _failure(request, message, progress)
    except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as exc:
        result = _failure(request, _network_message(exc, _host(progress.url), timeouts), progress)
    return result._replace(elapsed_s=time.monotonic() - started)


async def _get(
    client: httpx.AsyncClient, request: FetchRequest, max_bytes: int, progress: _Progress
) -> FetchResult:
    url, basic = _split_userinfo(request.url)
    headers = dict(request.headers)
    private = {name.lower() for name in headers}
    if basic and "authorization" not in private:
        headers["Authorization"] = basic
        private.add("authorization")
    if request.etag:
        headers["If-None-Match"] = request.etag
    if request.last_modified:
        headers["If-Modified-Since"] = request.last_modified
    outgoing = client.build_request("GET", url, headers=headers)
    first_host = outgoing.url.host
    hops: list[int] = []
    while True:
        progress.url = str(outgoing.url)
        response = await client.send(outgoing, stream=True)
        try:
            progress.http_status = response.status_code
            progress.headers = {k.lower(): v for k, v in response.headers.items()}
            following = response.next_request
            if following is None:
                return await _answer(request, response, hops, max_bytes, progress)
            # By hand rather than httpx's follow_redirects, which reads each redirect's
            # whole body (unbounded) and keeps custom headers across hosts.
            hops.append(response.status_code)
            host = _host(progress.url)
            if len(hops) > MAX_REDIRECTS:
                message = f"{host} redirected more than {MAX_REDIRECTS} times; Digwell stopped."
                return _failure(request, message, progress)
            if following.url.scheme not in ("http", "https"):
                message = f"{host} redirected to an address that is not http or https."
                return _failure(request, message, progress)
            if following.url.host != first_host:
                for name in private:
                    following.headers.pop(name, None)
            outgoing = following
        finally:
            await response.aclose()


async def _answer(
    request: FetchRequest,
    response: httpx.Response,
    hops: list[int],
    max_bytes: int,
    progress: _Progress,
) -> FetchResult:
    code = response.status_code
    headers = progress.headers
    host = _host(str(response.url))
    if code == 304 or 200 <= code < 300:
        new_url = None
        if hops and all(hop in PERMANENT_REDIRECTS for hop in hops):
            new_url = _restore_userinfo(str(response.url), request.url)
        fresh = _max_age(headers.get("cache-control", ""))
        if code == 304:
            return FetchResult(
                request.feed_id,
                request.url,
                "not_modified",
                http_status=code,
                headers=headers,
                etag=headers.get("etag") or request.etag,
                last_modified=headers.get("last-modified") or request.last_modified,
                new_url=new_url,
                retry_after_s=fresh,
            )
        body, refusal = await _read_body(response, max_bytes, progress)
        if refusal:
            return _failure(request, refusal, progress)
        return FetchResult(
            request.feed_id,
            request.url,
            "ok",
            http_status=code,
            body=body,
            headers=headers,
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
            new_url=new_url,
            retry_after_s=fresh,
            bytes_received=progress.bytes_received,
        )
    if code == 410:
        message = "The feed is gone (HTTP 410): the publisher removed it. Digwell paused it."
        return _failure(request, message, progress, status="gone")
    if code in (429, 503):
        wait = _retry_after(headers.get("retry-after", ""))
        when = f"at least {_duration(wait)}" if wait is not None else "a while"
        if code == 429:
            message = f"{host} asked Digwell to slow down (HTTP 429 Too Many Requests)"
        else:
            message = f"{host} is unavailable for now (HTTP 503 Service Unavailable)"
        message += f"; Digwell will wait {when} before asking again."
        return _failure(request, message, progress)._replace(retry_after_s=wait)
    return _failure(request, _status_message(host, code, response.reason_phrase), progress)


async def _read_body(
    response: httpx.Response, max_bytes: int, progress: _Progress
) -> tuple[bytes, str]:
    too_big = f"The feed is over Digwell's {_size(max_bytes)} limit; it was not read."
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        return b"", (
            f"The feed is {_size(int(declared))}, over Digwell's {_size(max_bytes)} limit; "
            "it was not read."
        )
    if response.is_stream_consumed:
        # Only transports built on httpx.Response(content=...), e.g. MockTransport:
        # httpx has already read and decoded the body.
        progress.bytes_received = len(response.content)
        return (response.content, "") if len(response.content) <= max_bytes else (b"", too_big)
    coding = response.headers.get("content-encoding", "")
    try:
        inflater = _Inflater(coding)
    except ValueError:
        return b"", f"The server sent the feed in an encoding Digwell cannot read ({coding[:40]})."
    chunks: list[bytes] = []
    try:
        async for raw in response.aiter_raw():
            # One byte over the cap is enough to know; a bomb never inflates further.
            data = inflater.feed(raw, max_bytes - progress.bytes_received + 1)
            progress.bytes_received += len(data)
            if progress.bytes_received > max_bytes:
                return b"", too_big
            chunks.append(data)
        data = inflater.flush()
    except zlib.error:
        return b"", "The server sent a damaged compressed feed; Digwell will try again later."
    progress.bytes_received += len(data)
    if progress.bytes_received > max_bytes:
        return b"", too_big
    chunks.append(data)
    return b"".join(chunks), ""


class _Inflater:
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
        return self._zlib.flush() if self._zlib is not None else b""


def _failure(
    request: FetchRequest, message: str, progress: _Progress | None = None, status: str = "error"
) -> FetchResult:
    if progress is None:
        return FetchResult(request.feed_id, request.url, status, headers={}, error=message)
    return FetchResult(
        request.feed_id,
        request.url,
        status,
        http_status=progress.http_status,
        headers=progress.headers,
        error=message,
        bytes_received=progress.bytes_received,
    )


def _refuse_address(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 -- raises ValueError on a malformed port
    except ValueError:
        return "The feed address is not a valid web address."
    if parts.scheme.lower() not in ("http", "https"):
        return "Digwell only fetches http:// and https:// addresses; check the feed address."
    if not parts.hostname:
        return "The feed address has no server name; check it."
    return ""


def _refuse_headers(headers: tuple[tuple[str, str], ...]) -> str:
    for name, value in headers:
        if not (_is_token(name) and value.isascii() and value.isprintable()):
            return "The extra request headers for this feed are not valid; check them."
    return ""


def _is_token(name: str) -> bool:
    return bool(name) and all(c.isascii() and (c.isalnum() or c in _TOKEN_MARKS) for c in name)


def _split_userinfo(url: str) -> tuple[str, str]:
    """The URL without user:password@, and the Basic Authorization header it implied.

    Sent as a header so the password is never in a URL that httpx logs.
    """
    parts = urlsplit(url.strip())
    userinfo, at, hostport = parts.netloc.rpartition("@")
    if not at:
        return url.strip(), ""
    user, _, password = userinfo.partition(":")
    token = base64.b64encode(f"{unquote(user)}:{unquote(password)}".encode()).decode("ascii")
    return urlunsplit(parts._replace(netloc=hostport)), f"Basic {token}"


def _restore_userinfo(new_url: str, requested: str) -> str:
    """Keep the subscription's credentials when a permanent redirect stays on the host."""
    old, new = urlsplit(requested.strip()), urlsplit(new_url)
    userinfo, at, _ = old.netloc.rpartition("@")
    if not at or old.hostname != new.hostname:
        return new_url
    return urlunsplit(new._replace(netloc=f"{userinfo}@{new.netloc}"))


def _host(url: str) -> str:
    """host or host:port, never user:password."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        return "the server"
    if not host:
        return "the server"
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{port}" if port else host


def _causes(exc: BaseException) -> list[BaseException]:
    """exc, its causes and contexts, and members of exception groups (anyio raises those)."""
    seen: list[BaseException] = []
    todo = [exc]
    while todo:
        current = todo.pop(0)
        if any(current is e for e in seen):
            continue
        seen.append(current)
        todo.extend(getattr(current, "exceptions", ()))
        todo.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return seen


def _network_message(exc: BaseException, host: str, timeouts: Timeouts) -> str:
    # str(exc) is only inspected, never shown: it can contain the URL.
    chain = _causes(exc)
    text = " ".join(str(e) for e in chain).lower()
    if isinstance(exc, httpx.ConnectTimeout):
        return f"{host} did not accept a connection within {timeouts.connect:g} s; try again later."
    if isinstance(exc, httpx.ReadTimeout):
        return f"{host} stopped sending for {timeouts.read:g} s; Digwell gave up."
    if isinstance(exc, httpx.TimeoutException):
        return f"{host} took too long to answer; Digwell gave up."
    if any(isinstance(e, ssl.SSLCertVerificationError) for e in chain) or (
        "certificate verify failed" in text
    ):
        return (
            f"The secure connection to {host} failed: its certificate is not trusted "
            "or not valid for this name."
        )
    if any(isinstance(e, ssl.SSLError) for e in chain):
        return f"The secure connection to {host} failed (TLS handshake error)."
    if any(isinstance(e, socket.gaierror) for e in chain) or any(
        marker in text
        for marker in (
            "name or service not known",
            "nodename nor servname",
            "getaddrinfo failed",
            "temporary failure in name resolution",
            "no address associated",
        )
    ):
        return (
            f"Digwell could not find the server {host}: the name does not resolve. "
            "Check the address and your internet connection."
        )
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or ("connection refused" in text):
        return f"{host} refused the connection: no web server is answering there."
    if isinstance(exc, httpx.ConnectError):
        return f"Digwell could not connect to {host}; check your internet connection."
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"{host} closed the connection or sent a malformed answer."
    if isinstance(exc, httpx.LocalProtocolError):
        return "The extra request headers for this feed are not valid; check them."
    if isinstance(exc, (httpx.NetworkError, OSError)):
        return f"The connection to {host} broke while fetching the feed; try again later."
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL, ValueError)):
        return "The feed address is not a valid web address."
    return f"Fetching the feed from {host} failed ({type(exc).__name__})."


def _status_message(host: str, code: int, reason: str) -> str:
    phrase = httpx.codes.get_reason_phrase(code)
    if not phrase:
        # The server's own words, trimmed: they are untrusted text.
        phrase = "".join(c for c in reason if c.isprintable())[:60].strip() or "no reason given"
    message = f"{host} answered HTTP {code} ({phrase})"
    hints = {
        401: "the feed needs a login",
        403: "the server refuses Digwell access",
        404: "the feed is not at this address; look for its new address on the site",
    }
    if code in hints:
        return f"{message}: {hints[code]}."
    if code >= 500:
        return f"{message}: a problem on the server; Digwell will try again later."
    return f"{message}."


def _retry_after(value: str) -> float | None:
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


def _max_age(cache_control: str) -> float | None:
    for directive in cache_control.split(","):
        name, _, value = directive.strip().partition("=")
        value = value.strip().strip('"')
        if name.strip().lower() == "max-age" and value.isdigit():
            return min(float(value), float(MAX_WAIT_S))
    return None


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.0f} h"


def _size(n: int) -> str:
    for unit, scale in (("MB", _MIB), ("KB", 1024)):
        if n >= scale:
            value = n / scale
            digits = 0 if value >= 100 or value.is_integer() else 1
            return f"{value:.{digits}f} {unit}"
    return f"{n} bytes"
