"""One refresh: fetch due feeds concurrently and parse them on all cores (worker
processes, see refresh_worker), store each feed whole (never half of one: a few waiting
feeds share a transaction), and report progress as each feed is stored.

New and changed items wait for the full-text index (items.index_pending): it is ~10% of
a large refresh's CPU (tokenizing ~1 KB of text an item), which the window spends after
the refresh, in the background, and a search before it searches. lemon24/reader does
the same (update_search is apart from update_feeds).

Used by `digwell refresh` and, through that command in its own process, by the GUI.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from multiprocessing.connection import Connection, wait
from typing import NamedTuple, cast

from app.clock import Clock
from app.errors import DigwellError, StorageError
from app.feeds.fetch import FetchRequest, Timeouts, retry_delay_s
from app.feeds.refresh_worker import Claims, Fetched, WorkerFailed, fetch_and_read, run_worker
from app.i18n import _, language, ngettext
from app.store import feeds as feeds_q
from app.store import items as items_q
from app.store import settings as settings_q
from app.store.database import Database, to_db_time
from app.store.items import Ranker

# Requests in flight at once, over all workers.
_CONCURRENCY = 32
# Starting a worker process has a cost (more where processes are spawned, not forked):
# each must have at least this many feeds, or the refresh runs in its own process.
_FEEDS_PER_WORKER = 4
# At most this many of the feeds waiting are stored in one transaction, each whole, so
# a crash still never leaves a half-written feed. Four at a time made storing ~20% cheaper
# than one (pages every feed writes, e.g. index roots, go to the WAL once per commit).
_STORE_BATCH = 8
# WAL pages between checkpoints while storing (SQLite's default: 1,000). Pages written
# by every feed's transaction (index roots, the index queue) are copied once per
# checkpoint: fewer checkpoints made storing ~15% cheaper. The WAL grows to ~40 MB.
_CHECKPOINT_PAGES = 10_000
# SQLite's page cache while storing (its default: 2 MiB). With 2 MiB a 500-feed refresh
# read 92k pages back and spilled pages mid-transaction that it wrote again at commit;
# with 16 MiB it read 27k and wrote 21% fewer (more made no difference).
_CACHE_MIB = 16
# Asked again no sooner than this after a success, whatever the server's max-age says.
_MIN_INTERVAL_S = 5 * 60


class FeedOutcome(NamedTuple):
    """What one feed's refresh did, as reported to the CLI and the GUI."""

    feed_id: int
    url: str
    title: str
    status: str  # ok | not_modified | error | gone
    added: int = 0
    updated: int = 0
    error: str = ""


class RefreshReport(NamedTuple):
    feeds: int
    ok: int
    not_modified: int
    errors: int
    added: int
    updated: int
    elapsed_s: float
    bytes_received: int


Progress = Callable[[int, int, FeedOutcome], None]  # (done, total, outcome)


def refresh(
    db: Database,
    clock: Clock,
    ranker: Callable[[sqlite3.Connection], Ranker],
    *,
    force: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_progress: Progress | None = None,
    workers: int | None = None,
    timeouts: Timeouts = Timeouts(),  # noqa: B008 -- an immutable NamedTuple
) -> RefreshReport:
    """Refresh every due feed (all unpaused feeds if `force`), each fetch within `timeouts`.
    New and changed items are ranked by `ranker(conn)`, asked in each storing transaction
    (the strategy's scorer: a re-score may switch it while a refresh runs)."""
    started = time.perf_counter()
    now = clock.now()
    rows = feeds_q.due_feeds(db, now, force=force)
    run = _Run(db, clock, ranker, rows, on_progress)
    requests, refused = _requests(rows)
    if on_start:
        on_start(len(rows))
    if refused:  # feeds that could not even be asked (e.g. keyring)
        run.store_refused(refused)
    count = min(workers or os.cpu_count() or 1, len(requests) // _FEEDS_PER_WORKER)
    with db.bulk_writes(_CHECKPOINT_PAGES, _CACHE_MIB):
        if count < 2:
            fetch_and_read(requests, _CONCURRENCY, lambda fetched: run.store([fetched]), timeouts)
        else:
            _in_workers(requests, count, run.store, timeouts)
    with db.transaction() as conn:
        settings_q.set_setting(conn, settings_q.LAST_REFRESH_KEY, to_db_time(now))
    return run.report(time.perf_counter() - started)


class _Run:
    """One refresh's storing: whole feeds at a time, each reported as it is stored."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        ranker: Callable[[sqlite3.Connection], Ranker],
        rows: list[sqlite3.Row],
        on_progress: Progress | None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._ranker = ranker
        self._on_progress = on_progress
        self._titles = {r["id"]: r["title"] for r in rows}  # "" until a feed names itself
        self._failures = {r["id"]: r["failures"] for r in rows}
        self._total = len(rows)
        self._done = 0
        self._counts = {"ok": 0, "not_modified": 0, "error": 0, "gone": 0}
        self._added = self._updated = self._received = 0

    def store_refused(self, outcomes: list[FeedOutcome]) -> None:
        """Record the feeds that could not be asked, in one transaction, then report them."""
        with self._db.transaction() as conn:
            for outcome in outcomes:
                failures = self._failures[outcome.feed_id]
                _store_failure(conn, self._clock, outcome, failures, None)
        for outcome in outcomes:
            self._report(outcome)

    def store(self, batch: list[Fetched]) -> None:
        """Store whole feeds in one transaction, then report them."""
        try:
            with self._db.transaction() as conn:
                stored = [
                    _store(conn, self._clock, fetched, self._titles, self._failures, self._ranker)
                    for fetched in batch
                ]
        except StorageError as err:
            raise _stopped_storing(err, self._done) from err
        for fetched, outcome in zip(batch, stored, strict=True):
            self._received += fetched.result.bytes_received
            self._report(outcome)

    def _report(self, outcome: FeedOutcome) -> None:
        self._done += 1
        self._counts[outcome.status] += 1
        self._added += outcome.added
        self._updated += outcome.updated
        if self._on_progress:
            self._on_progress(self._done, self._total, outcome)

    def report(self, elapsed_s: float) -> RefreshReport:
        """What the refresh did, once every feed is stored."""
        return RefreshReport(
            feeds=self._total,
            ok=self._counts["ok"],
            not_modified=self._counts["not_modified"],
            errors=self._counts["error"] + self._counts["gone"],
            added=self._added,
            updated=self._updated,
            elapsed_s=elapsed_s,
            bytes_received=self._received,
        )


def _stopped_storing(err: StorageError, done: int) -> StorageError:
    """A refresh that could not store a feed (a full disk): what it stored before stays,
    whole, and the message says so instead of "nothing was saved"."""
    if not done:
        return err
    message = err.message
    # Translators: how the message "The disk holding {path} is full; nothing was saved."
    # ends; it is cut off when a refresh kept some feeds. Translate it as that ending.
    for ending in ("; nothing was saved.", _("; nothing was saved.")):
        message = message.removesuffix(ending)
    message = message.rstrip(".")
    # Translators: {problem} is what went wrong ("The disk holding … is full");
    # {count} how many feeds the refresh stored before it stopped.
    text = ngettext(
        "{problem}: the refresh stopped; the {count} feed it had finished is kept, whole, "
        "and the rest were not stored.",
        "{problem}: the refresh stopped; the {count} feeds it had finished are kept, whole, "
        "and the rest were not stored.",
        done,
    )
    return StorageError(text.format(problem=message, count=done), err.hint)


def _in_workers(
    requests: list[FetchRequest],
    count: int,
    store: Callable[[list[Fetched]], None],
    timeouts: Timeouts,
) -> None:
    """Fetch and read in `count` worker processes, which share the requests (each takes
    the next one nobody has) and the concurrency, and store what they send back as it
    arrives."""
    context = multiprocessing.get_context()
    claims = Claims(requests, context.Value("l", 0))
    readers, processes = [], []
    try:
        for index in range(count):
            reader, writer = context.Pipe(duplex=False)
            process = context.Process(
                target=run_worker,
                args=(claims, max(1, _CONCURRENCY // count), writer, timeouts, language()),
                name=f"digwell-refresh-{index + 1}",
                daemon=True,
            )
            process.start()
            writer.close()  # the worker holds the only write end: EOF when it dies
            readers.append(reader)
            processes.append(process)
        live = list(readers)
        while live:
            batch: list[Fetched] = []
            try:
                # Once per wait, not per feed: wait gives back some of the Connections given.
                for reader in cast("list[Connection]", wait(live)):
                    # What this worker has sent so far, up to a batch in all.
                    while len(batch) < _STORE_BATCH:
                        message = _receive(reader)
                        if message is None:  # that worker is done
                            live.remove(reader)
                            break
                        batch.append(message)
                        if not reader.poll():
                            break
            finally:
                if batch:  # even when a worker failed: what arrived whole is kept
                    store(batch)
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)
        for reader in readers:
            reader.close()


def _receive(reader: Connection) -> Fetched | None:
    """A worker's next message: a feed, or None when it is done; a worker that failed or
    died raises."""
    try:
        message: Fetched | WorkerFailed | None = reader.recv()
    except EOFError:
        raise DigwellError(
            _("A refresh worker process stopped unexpectedly; the feeds stored so far are kept.")
        ) from None
    if isinstance(message, WorkerFailed):
        raise RuntimeError(f"A refresh worker failed:\n{message.details}")
    return message


def _requests(rows: list[sqlite3.Row]) -> tuple[list[FetchRequest], list[FeedOutcome]]:
    """Fetch requests, with each private feed's secret read from the keyring now."""
    requests: list[FetchRequest] = []
    refused: list[FeedOutcome] = []
    for r in rows:
        headers: tuple[tuple[str, str], ...] = ()
        if r["secret_ref"]:
            from app.credentials import auth_headers, load_secret

            try:
                secret = load_secret(r["secret_ref"])
            except DigwellError as err:
                refused.append(_refused(r, str(err)))
                continue
            if secret is None:
                why = _("Its password is missing from the keyring; enter it again.")
                refused.append(_refused(r, why))
                continue
            headers = tuple(auth_headers(secret).items())
        requests.append(
            FetchRequest(r["id"], r["url"], r["etag"], r["last_modified"], headers=headers)
        )
    return requests, refused


def _refused(row: sqlite3.Row, error: str) -> FeedOutcome:
    return FeedOutcome(row["id"], row["url"], row["title"] or row["url"], "error", error=error)


def _store(
    conn: sqlite3.Connection,
    clock: Clock,
    fetched: Fetched,
    titles: dict[int, str],
    failures: dict[int, int],
    ranker: Callable[[sqlite3.Connection], Ranker],
) -> FeedOutcome:
    """Write what one feed's fetch and parse learned; the caller owns the transaction."""
    result, parsed = fetched
    now = clock.now()
    feed_id = result.feed_id
    title = titles.get(feed_id) or result.url
    if result.status == "gone":
        feeds_q.record_failure(conn, feed_id, result.error, now, now)
        feeds_q.set_paused(conn, feed_id, True, result.error)
        return FeedOutcome(feed_id, result.url, title, "gone", error=result.error)
    if result.status == "error" or isinstance(parsed, str):
        error = parsed if isinstance(parsed, str) else result.error
        outcome = FeedOutcome(feed_id, result.url, title, "error", error=error)
        _store_failure(conn, clock, outcome, failures.get(feed_id, 0), result.retry_after_s)
        return outcome
    next_fetch = now + timedelta(seconds=max(_MIN_INTERVAL_S, result.retry_after_s or 0))
    url = result.url
    if result.new_url and feeds_q.move_url(conn, feed_id, result.new_url):
        url = result.new_url
    if result.status == "not_modified" or parsed is None:
        feeds_q.record_not_modified(conn, feed_id, now, next_fetch)
        return FeedOutcome(feed_id, url, title, "not_modified")
    # The site address first: items are matched to their authors by it (docs/PEOPLE.md).
    feeds_q.record_success(
        conn,
        feed_id,
        parsed.title,
        parsed.site_url,
        now,
        etag=result.etag,
        last_modified=result.last_modified,
        next_fetch_at=next_fetch,
    )
    counts = items_q.upsert_rows(conn, feed_id, parsed.rows, now, ranker(conn))
    return FeedOutcome(
        feed_id, url, titles.get(feed_id) or parsed.title or url, "ok", counts.added, counts.updated
    )


def _store_failure(
    conn: sqlite3.Connection,
    clock: Clock,
    outcome: FeedOutcome,
    failures: int,
    retry_after_s: float | None,
) -> None:
    now: datetime = clock.now()
    delay = retry_delay_s(failures + 1, retry_after_s)
    feeds_q.record_failure(
        conn, outcome.feed_id, outcome.error, now, now + timedelta(seconds=delay)
    )
