"""What a refresh does away from the database: fetch feeds, parse each body as it
arrives and make its entries table rows. Runs in worker processes for a large refresh
(one per core, each with its own event loop and connections, taking the next feed
nobody has taken as each fetch ends), in the refresh's own process for a small one.

Only the rows travel back to the refresh's process, never the bodies: that process
stores, and it was the bottleneck while it also fetched and unpickled bodies.
"""

from __future__ import annotations

import queue
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, NamedTuple

from app.errors import DigwellError
from app.feeds.fetch import FetchRequest, FetchResult, Timeouts
from app.feeds.fetch_pool import fetch_each_sync
from app.i18n import _
from app.store.items import EntryRow, entry_row

if TYPE_CHECKING:
    from multiprocessing.sharedctypes import Synchronized


class ReadFeed(NamedTuple):
    """A parsed feed ready to store."""

    title: str
    site_url: str
    rows: tuple[EntryRow, ...]


class Fetched(NamedTuple):
    """One feed's fetch (its body dropped) and what its body gave: the feed, why it could
    not be read, or None when there was no body (not modified, failed)."""

    result: FetchResult
    feed: ReadFeed | str | None


class WorkerFailed(NamedTuple):
    """A worker's unexpected error, as text: the traceback of its process."""

    details: str


def read(result: FetchResult) -> Fetched:
    """Parse a fetched body into rows; a body that cannot be read becomes its reason."""
    if result.status != "ok" or result.body is None:
        return Fetched(result, None)
    from app.feeds.jsonfeed import looks_like_json_feed, parse_json_feed
    from app.feeds.parse import parse_feed

    body = result.body
    try:
        if looks_like_json_feed(body, result.headers.get("content-type", "")) or _is_json(body):
            parsed = parse_json_feed(body)  # which says when JSON is not a JSON Feed
        else:
            parsed = parse_feed(body, result.headers)
    except DigwellError as err:
        return Fetched(result._replace(body=None), str(err))  # with its hint: what to do
    except Exception as err:  # a parser bug must cost this feed, not the whole refresh
        # Translators: {error} is the name of a Python exception.
        reason = _(
            "Digwell could not read this feed (an internal error: {error}); "
            "it will try again later."
        ).format(error=type(err).__name__)
        return Fetched(result._replace(body=None), reason)
    rows = tuple(entry_row(entry) for entry in parsed.entries)
    return Fetched(result._replace(body=None), ReadFeed(parsed.title, parsed.site_url, rows))


def _is_json(body: bytes) -> bool:
    """Whether a body starts as JSON does, as no XML document can: feedparser would call
    it "not well-formed (invalid token)"."""
    return body[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()[:1] in (b"{", b"[")


class Claims(Iterator[FetchRequest]):
    """A refresh's requests, shared by its workers: each takes the next one nobody has
    taken, through a counter in shared memory. A worker that runs slower (a busier core,
    slower feeds) takes fewer, so all end together; with fixed halves, measured here,
    one ended up to 0.9 s before the other, which then ran alone."""

    def __init__(self, requests: Sequence[FetchRequest], taken: Synchronized[int]) -> None:
        self._requests = requests
        self._taken = taken  # a multiprocessing Value("l", 0), with its lock

    def __next__(self) -> FetchRequest:
        with self._taken.get_lock():
            index = self._taken.value
            if index >= len(self._requests):
                raise StopIteration
            self._taken.value = index + 1
        return self._requests[index]


def fetch_and_read(
    requests: Iterable[FetchRequest],
    concurrency: int,
    deliver: Callable[[Fetched], None],
    timeouts: Timeouts = Timeouts(),  # noqa: B008 -- an immutable NamedTuple
) -> None:
    """Fetch every request, `concurrency` at once, and deliver each one read as it
    arrives. An exception from `deliver` stops the fetching and propagates."""
    fetch_each_sync(
        requests, lambda result: deliver(read(result)), concurrency=concurrency, timeouts=timeouts
    )


def run_worker(
    requests: Iterable[FetchRequest],
    concurrency: int,
    conn: Connection,
    timeouts: Timeouts = Timeouts(),  # noqa: B008 -- an immutable NamedTuple
    language: str = "",
) -> None:
    """A worker process's entry point: sends a Fetched per request it takes from
    `requests` (Claims), then None; or a WorkerFailed. Ends quietly when the refresh's
    process is gone (stopped). `language`: the refresh's (app.i18n.language()), which
    the messages of the feeds that fail are written in; "" keeps this process's."""
    from app.logs import setup_logging

    setup_logging(process="worker")  # a spawned worker starts without the refresh's
    if language:  # nor its language: a spawned worker starts in English
        from app.i18n import use_language

        use_language(language)
    sender = _Sender(conn)
    try:
        fetch_and_read(requests, concurrency, sender.send, timeouts)
        sender.send(None)
    except (BrokenPipeError, EOFError, ConnectionResetError, KeyboardInterrupt):
        pass  # stopped, or Ctrl+C, which the refresh's process reports
    except Exception:
        sender.send(WorkerFailed(traceback.format_exc()))
    finally:
        sender.close()


class _Sender:
    """Sends from a thread of its own. A message (~100 KB) never fits the pipe's buffer,
    so a send waits until the refresh's process reads it; the event loop must not wait
    with it, or no other download moves meanwhile (measured: ~15% of a worker's time)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()  # messages, then _CLOSE
        self._broken = False
        self._thread = threading.Thread(target=self._run, name="digwell-send", daemon=True)
        self._thread.start()

    def send(self, message: Fetched | WorkerFailed | None) -> None:
        if self._broken:
            raise BrokenPipeError("the refresh stopped listening")
        self._queue.put(message)

    def close(self) -> None:
        self._queue.put(_CLOSE)
        self._thread.join()
        self._conn.close()

    def _run(self) -> None:
        while (message := self._queue.get()) is not _CLOSE:
            if self._broken:
                continue  # drain: nobody is listening
            try:
                self._conn.send(message)
            except (BrokenPipeError, EOFError, ConnectionResetError, OSError):
                self._broken = True


_CLOSE = object()
