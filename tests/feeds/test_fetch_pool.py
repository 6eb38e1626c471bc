"""Many feeds at once: lanes over small pools, results in request order or handed over."""

from __future__ import annotations

import asyncio

import pytest

from app.feeds.fetch import FetchRequest, FetchResult, Timeouts
from app.feeds.fetch_pool import fetch_all, fetch_all_sync, fetch_each_sync
from tests.feed_server import FeedServer

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
QUICK = Timeouts(connect=5, read=5, total=10)


@pytest.fixture
def server():
    with FeedServer() as s:
        yield s


def test_many_feeds_are_fetched_concurrently_with_progress(server):
    for i in range(12):
        server.route(f"/feed{i}", body=RSS + str(i).encode(), latency_ms=150)
    requests = [FetchRequest(i, server.url(f"/feed{i}")) for i in range(12)]
    reported: list[FetchResult] = []
    results = fetch_all_sync(requests, concurrency=4, timeouts=QUICK, on_result=reported.append)
    assert [r.feed_id for r in results] == list(range(12))  # request order
    assert [r.body for r in results] == [RSS + str(i).encode() for i in range(12)]
    assert sorted(r.feed_id for r in reported) == list(range(12))  # once per feed
    assert 1 < server.max_in_flight <= 4


def test_fetch_each_hands_over_every_result_and_keeps_none(server):
    for i in range(6):
        server.route(f"/feed{i}", body=RSS + str(i).encode(), latency_ms=50)
    requests = iter([FetchRequest(i, server.url(f"/feed{i}")) for i in range(6)])
    reported: list[FetchResult] = []
    assert fetch_each_sync(requests, reported.append, concurrency=3, timeouts=QUICK) is None
    assert sorted((r.feed_id, r.body) for r in reported) == [
        (i, RSS + str(i).encode()) for i in range(6)
    ]
    assert 1 < server.max_in_flight <= 3


def test_fetch_all_is_a_coroutine_and_accepts_nothing():
    assert asyncio.run(fetch_all([])) == []
    with pytest.raises(ValueError, match="concurrency"):
        fetch_all_sync([FetchRequest(1, "https://feeds.invalid/")], concurrency=0)


def test_requests_are_taken_lazily_one_as_each_fetch_ends(server):
    server.route("/feed", body=RSS)
    taken: list[int] = []

    def requests():
        for i in range(5):
            taken.append(i)
            yield FetchRequest(i, server.url("/feed"))

    seen: list[tuple[int, int]] = []
    fetch_each_sync(requests(), lambda r: seen.append((r.feed_id, len(taken))), concurrency=1)
    # With one lane, request i+1 is only taken once result i is handed over.
    assert seen == [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]
