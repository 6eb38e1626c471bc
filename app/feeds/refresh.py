"""One refresh: fetch due feeds concurrently, parse on all cores, store one feed per
transaction, and report progress as each feed finishes.

Used by `digwell refresh` and, through that command in its own process, by the GUI.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from datetime import datetime, timedelta
from typing import NamedTuple

from app.clock import Clock
from app.errors import DigwellError
from app.feeds.fetch import FetchRequest, FetchResult, fetch_all_sync, retry_delay_s
from app.store import feeds as feeds_q
from app.store import items as items_q
from app.store import settings as settings_q
from app.store.database import Database, to_db_time
from app.types import ParsedFeed

# Below this many bodies, starting worker processes costs more than it saves.
_POOL_THRESHOLD = 8
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
    *,
    force: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_progress: Progress | None = None,
    workers: int | None = None,
) -> RefreshReport:
    """Refresh every due feed (all unpaused feeds if `force`)."""
    started = time.perf_counter()
    now = clock.now()
    rows = feeds_q.due_feeds(db, now, force=force)
    titles = {r["id"]: r["title"] for r in rows}  # "" until a feed names itself
    failures = {r["id"]: r["failures"] for r in rows}
    requests, outcomes = _requests(rows)
    total = len(rows)
    if on_start:
        on_start(total)

    done = 0
    counts = {"ok": 0, "not_modified": 0, "error": 0, "gone": 0}
    added = updated = received = 0

    def report(outcome: FeedOutcome) -> None:
        nonlocal done, added, updated
        done += 1
        counts[outcome.status] += 1
        added += outcome.added
        updated += outcome.updated
        if on_progress:
            on_progress(done, total, outcome)

    for outcome in outcomes:  # feeds that could not even be asked (e.g. keyring)
        _store_failure(db, clock, outcome, failures[outcome.feed_id], None)
        report(outcome)

    results: queue.Queue[FetchResult | BaseException] = queue.Queue()

    def download() -> None:
        try:
            fetch_all_sync(requests, on_result=results.put)
        except BaseException as err:  # surfaced in the main thread below
            results.put(err)

    fetcher = threading.Thread(target=download, name="digwell-fetch", daemon=True)
    fetcher.start()
    pool: Executor | None = None
    if len(requests) >= _POOL_THRESHOLD:
        pool = ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1)
    parsing: dict[Future, FetchResult] = {}
    fetched = 0
    try:
        while fetched < len(requests) or parsing:
            if fetched < len(requests):
                try:
                    item = results.get(timeout=0.02 if parsing else None)
                except queue.Empty:
                    item = None
                if isinstance(item, BaseException):
                    raise item
                if item is not None:
                    fetched += 1
                    received += item.bytes_received
                    if item.status == "ok" and item.body is not None:
                        if pool is None:
                            report(_store(db, clock, item, _parse_safely(item), titles, failures))
                        else:
                            parsing[pool.submit(_parse_safely, item)] = item
                    else:
                        report(_store(db, clock, item, None, titles, failures))
            if parsing:
                finished, _ = wait(
                    parsing,
                    timeout=0 if fetched < len(requests) else None,
                    return_when=FIRST_COMPLETED,
                )
                for future in finished:
                    item = parsing.pop(future)
                    report(_store(db, clock, item, future.result(), titles, failures))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    fetcher.join(timeout=5)
    with db.transaction() as conn:
        items_q.index_pending(conn)  # one batch: far cheaper than row by row
        settings_q.set_setting(conn, settings_q.LAST_REFRESH_KEY, to_db_time(now))
    return RefreshReport(
        feeds=total,
        ok=counts["ok"],
        not_modified=counts["not_modified"],
        errors=counts["error"] + counts["gone"],
        added=added,
        updated=updated,
        elapsed_s=time.perf_counter() - started,
        bytes_received=received,
    )


def _requests(rows) -> tuple[list[FetchRequest], list[FeedOutcome]]:
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
                refused.append(
                    _refused(r, "Its password is missing from the keyring; enter it again.")
                )
                continue
            headers = tuple(auth_headers(secret).items())
        requests.append(
            FetchRequest(r["id"], r["url"], r["etag"], r["last_modified"], headers=headers)
        )
    return requests, refused


def _refused(row, error: str) -> FeedOutcome:
    return FeedOutcome(row["id"], row["url"], row["title"] or row["url"], "error", error=error)


def _parse_safely(result: FetchResult) -> ParsedFeed | str:
    """Runs in a worker process: the parsed feed, or why it could not be read."""
    from app.feeds.jsonfeed import looks_like_json_feed, parse_json_feed
    from app.feeds.parse import parse_feed

    body = result.body or b""
    try:
        if looks_like_json_feed(body, result.headers.get("content-type", "")):
            return parse_json_feed(body)
        return parse_feed(body, result.headers)
    except DigwellError as err:
        return err.message


def _store(
    db: Database,
    clock: Clock,
    result: FetchResult,
    parsed: ParsedFeed | str | None,
    titles: dict[int, str],
    failures: dict[int, int],
) -> FeedOutcome:
    """Write what one feed's fetch and parse learned, in one transaction."""
    now = clock.now()
    feed_id = result.feed_id
    title = titles.get(feed_id) or result.url
    if result.status == "gone":
        with db.transaction() as conn:
            feeds_q.record_failure(conn, feed_id, result.error, now, now)
            feeds_q.set_paused(conn, feed_id, True, result.error)
        return FeedOutcome(feed_id, result.url, title, "gone", error=result.error)
    if result.status == "error" or isinstance(parsed, str):
        error = parsed if isinstance(parsed, str) else result.error
        outcome = FeedOutcome(feed_id, result.url, title, "error", error=error)
        _store_failure(db, clock, outcome, failures.get(feed_id, 0), result.retry_after_s)
        return outcome
    next_fetch = now + timedelta(seconds=max(_MIN_INTERVAL_S, result.retry_after_s or 0))
    with db.transaction() as conn:
        url = result.url
        if result.new_url and feeds_q.move_url(conn, feed_id, result.new_url):
            url = result.new_url
        if result.status == "not_modified" or parsed is None:
            feeds_q.record_not_modified(conn, feed_id, now, next_fetch)
            return FeedOutcome(feed_id, url, title, "not_modified")
        counts = items_q.upsert_entries(conn, feed_id, parsed.entries, now)
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
    return FeedOutcome(
        feed_id, url, titles.get(feed_id) or parsed.title or url, "ok", counts.added, counts.updated
    )


def _store_failure(
    db: Database, clock: Clock, outcome: FeedOutcome, failures: int, retry_after_s: float | None
) -> None:
    now: datetime = clock.now()
    delay = retry_delay_s(failures + 1, retry_after_s)
    with db.transaction() as conn:
        feeds_q.record_failure(
            conn, outcome.feed_id, outcome.error, now, now + timedelta(seconds=delay)
        )
