"""Fetch one feed over HTTP, politely and within bounds.

Conditional requests spare publishers' bandwidth; the size cap and time limits bound
what one hostile or broken feed can cost. Messages name the host only: feed URLs and
the caller's headers may carry credentials.

Here: a fetch's request, result and time limits, and one exchange (redirects followed
by hand, the answer made a FetchResult). fetch_pool fetches many at once; beside them,
fetch_addresses (a feed's URL), fetch_headers (extra headers, how long to wait),
fetch_body (reading within the cap) and fetch_messages (what a failure says).
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Mapping
from typing import NamedTuple

import httpx

from app import __version__
from app.errors import DigwellError
from app.feeds.fetch_addresses import (
    host_of,
    redact_url,
    refuse_address,
    restore_userinfo,
    split_userinfo,
)
from app.feeds.fetch_body import read_body
from app.feeds.fetch_headers import max_age, refuse_headers, retry_after
from app.feeds.fetch_messages import duration_words, network_message, status_message
from app.i18n import _, ngettext

USER_AGENT = f"Digwell/{__version__} (feed reader; +https://digwell.invalid)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)
# Only what Inflater decodes with a bound: never br or zstd.
ACCEPT_ENCODING = "gzip, deflate"
MAX_REDIRECTS = 5
PERMANENT_REDIRECTS = frozenset({301, 308})
FIRST_RETRY_S = 5 * 60
MAX_RETRY_S = 24 * 60 * 60


class FetchRequest(NamedTuple):
    """One feed to fetch; `headers` (e.g. Authorization) never appear in messages or repr."""

    feed_id: int
    url: str
    etag: str | None = None
    last_modified: str | None = None
    headers: tuple[tuple[str, str], ...] = ()

    def __repr__(self) -> str:
        hidden = tuple((name, "<hidden>") for name, _value in self.headers)
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
            # Translators: {variable} is an environment variable's name, {value} its value.
            _("{variable}={value} is not three time limits.").format(
                variable=TIMEOUTS_ENV, value=repr(value)
            ),
            _("Give connect, read and total seconds, e.g. 10,20,60, or unset it."),
        )
    return Timeouts(*seconds)


def retry_delay_s(consecutive_failures: int, retry_after_s: float | None = None) -> float:
    """Seconds to wait before retrying a failing feed: 5 min doubling, at most 24 h.

    Never less than what the server asked for with Retry-After.
    """
    delay = 0.0
    if consecutive_failures > 0:
        # The exponent is clamped so a feed failing for years cannot overflow.
        delay = float(min(FIRST_RETRY_S * 2 ** min(consecutive_failures - 1, 30), MAX_RETRY_S))
    return max(delay, retry_after_s or 0.0)


class _Progress:
    """What is known so far, so a fetch cut short by the total timeout still reports it."""

    __slots__ = ("bytes_received", "headers", "http_status", "url")

    def __init__(self, url: str) -> None:
        self.url = url
        self.http_status: int | None = None
        self.headers: dict[str, str] = {}
        self.bytes_received = 0


async def fetch_one(
    client: httpx.AsyncClient, request: FetchRequest, timeouts: Timeouts, max_bytes: int
) -> FetchResult:
    """Fetch one feed with `client`, never raising: a failure is a result with its words."""
    started = time.monotonic()
    refusal = refuse_address(request.url) or refuse_headers(request.headers)
    if refusal:
        return _failure(request, refusal)
    progress = _Progress(request.url)
    try:
        result = await asyncio.wait_for(_get(client, request, max_bytes, progress), timeouts.total)
    except asyncio.TimeoutError:
        # Translators: {host} is a server's name, e.g. example.com; {seconds} a number.
        message = _(
            "{host} took more than {seconds} s to send the feed; "
            "Digwell gave up and will try again later."
        ).format(host=host_of(progress.url), seconds=f"{timeouts.total:g}")
        result = _failure(request, message, progress)
    except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as exc:
        result = _failure(
            request,
            network_message(exc, host_of(progress.url), timeouts.connect, timeouts.read),
            progress,
        )
    return result._replace(elapsed_s=time.monotonic() - started)


async def _get(
    client: httpx.AsyncClient, request: FetchRequest, max_bytes: int, progress: _Progress
) -> FetchResult:
    url, basic = split_userinfo(request.url)
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
            host = host_of(progress.url)
            if len(hops) > MAX_REDIRECTS:
                # Translators: {host} is a server's name, e.g. example.com.
                message = ngettext(
                    "{host} redirected more than {count} time; Digwell stopped.",
                    "{host} redirected more than {count} times; Digwell stopped.",
                    MAX_REDIRECTS,
                ).format(host=host, count=MAX_REDIRECTS)
                return _failure(request, message, progress)
            if following.url.scheme not in ("http", "https"):
                # Translators: {host} is a server's name, e.g. example.com.
                message = _("{host} redirected to an address that is not http or https.")
                return _failure(request, message.format(host=host), progress)
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
    host = host_of(str(response.url))
    if code == 304 or 200 <= code < 300:
        new_url = None
        if hops and all(hop in PERMANENT_REDIRECTS for hop in hops):
            new_url = restore_userinfo(str(response.url), request.url)
        fresh = max_age(headers.get("cache-control", ""))
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
        body, refusal = await read_body(response, max_bytes, progress)
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
        message = _("The feed is gone (HTTP 410): the publisher removed it. Digwell paused it.")
        return _failure(request, message, progress, status="gone")
    if code in (429, 503):
        wait = retry_after(headers.get("retry-after", ""))
        message = _busy_message(host, code, wait)
        return _failure(request, message, progress)._replace(retry_after_s=wait)
    return _failure(request, status_message(host, code, response.reason_phrase), progress)


def _busy_message(host: str, code: int, wait: float | None) -> str:
    """What HTTP 429 or 503 means for the feed, and how long Digwell waits (None: its own
    retry delay)."""
    if code == 429:
        if wait is None:
            # Translators: {host} is a server's name, e.g. example.com.
            message = _(
                "{host} asked Digwell to slow down (HTTP 429 Too Many Requests); "
                "Digwell will wait a while before asking again."
            )
        else:
            # Translators: {host} is a server's name; {duration} is "45 s", "12 min", "3 h".
            message = _(
                "{host} asked Digwell to slow down (HTTP 429 Too Many Requests); "
                "Digwell will wait at least {duration} before asking again."
            )
    elif wait is None:
        # Translators: {host} is a server's name, e.g. example.com.
        message = _(
            "{host} is unavailable for now (HTTP 503 Service Unavailable); "
            "Digwell will wait a while before asking again."
        )
    else:
        # Translators: {host} is a server's name; {duration} is "45 s", "12 min", "3 h".
        message = _(
            "{host} is unavailable for now (HTTP 503 Service Unavailable); "
            "Digwell will wait at least {duration} before asking again."
        )
    duration = duration_words(wait) if wait is not None else ""
    return message.format(host=host, duration=duration)


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
