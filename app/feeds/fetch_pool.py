"""Many feeds fetched at once: lanes that each take the next request, over several small
httpx connection pools; and the same for callers without an event loop."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import ssl
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import httpx

from app.feeds.fetch import (
    ACCEPT,
    ACCEPT_ENCODING,
    USER_AGENT,
    FetchRequest,
    FetchResult,
    Timeouts,
    fetch_one,
)
from app.feeds.parse import MAX_FEED_BYTES

if TYPE_CHECKING:
    from typing import TypedDict

    from typing_extensions import Unpack  # typing's from Python 3.11

    class EachOptions(TypedDict, total=False):
        """fetch_each's keyword options, as the *_sync functions pass them on."""

        concurrency: int
        timeouts: Timeouts
        max_bytes: int
        transport: httpx.AsyncBaseTransport | None

    class AllOptions(EachOptions, total=False):
        """fetch_all's keyword options."""

        on_result: Callable[[FetchResult], None] | None


# Connections per httpx client; more clients serve a higher concurrency (see fetch_all).
# httpcore checks every idle connection of a pool (a poll() each) as each request starts
# and ends: pools of 4 cost ~10% less CPU than pools of 8, and 1 or 2 no less than 4.
_POOL_SIZE = 4


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
    numbered: Iterator[tuple[int, FetchRequest]] = enumerate(requests)
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
            deliver(index, await fetch_one(client, request, timeouts, max_bytes))

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
        follow_redirects=False,  # followed by hand: see fetch._get
        transport=transport,
    )


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One per process: each costs ~40 ms (reading the CA bundle), and a refresh makes
    several clients in each of its processes."""
    return httpx.create_ssl_context()


def fetch_all_sync(
    requests: Iterable[FetchRequest], **options: Unpack[AllOptions]
) -> list[FetchResult]:
    """`fetch_all` for callers without an event loop (a worker thread, the CLI); takes
    the same keyword options."""
    return asyncio.run(fetch_all(requests, **options))


def fetch_each_sync(
    requests: Iterable[FetchRequest],
    on_result: Callable[[FetchResult], None],
    **options: Unpack[EachOptions],
) -> None:
    """`fetch_each` for callers without an event loop; takes the same keyword options."""
    asyncio.run(fetch_each(requests, on_result, **options))
