"""A whole refresh against a local server: new items, conditional repeats, failures
with backoff, 410 pauses, 301 moves, and the JSON progress the GUI reads."""

import json
from datetime import timedelta

import pytest

from app.cli import main
from app.store import feeds as feeds_q
from tests.conftest import open_folder
from tests.feed_server import FeedServer, rss


@pytest.fixture
def server():
    with FeedServer() as srv:
        yield srv


def _subscribe(db, planner, *urls):
    with db.transaction() as conn:
        return [feeds_q.add_feed(conn, url, "", planner.clock.now()) for url in urls]


def test_cold_then_warm_refresh(db, planner, server):
    for name in ("alpha", "beta"):
        server.route(f"/{name}.xml", body=rss(name, 5), etag=f'"{name}-1"')
    _subscribe(db, planner, server.url("/alpha.xml"), server.url("/beta.xml"))
    seen = []
    report = planner.feeds.refresh(on_progress=lambda d, t, o: seen.append(o))
    assert report.ok == 2 and report.added == 10 and report.errors == 0
    assert {o.title for o in seen} == {"alpha", "beta"}  # titles learned from the feeds
    assert planner.inbox.item_count() == 10
    # Left for the full-text index to catch up with, after the refresh.
    assert db.read("SELECT count(*) FROM items_fts_pending")[0][0] == 10
    assert planner.inbox.index_for_search() == 10
    hits = db.read("SELECT count(*) FROM items_fts WHERE items_fts MATCH 'beta'")
    assert hits[0][0] == 5

    warm = planner.feeds.refresh(force=True)
    assert warm.not_modified == 2 and warm.added == 0
    later = server.headers_seen["/alpha.xml"][1:]
    assert later and all({k.lower(): v for k, v in h.items()}.get("if-none-match") for h in later)

    server.route("/alpha.xml", body=rss("alpha", 6), etag='"alpha-2"')
    changed = planner.feeds.refresh(force=True)
    assert changed.added == 1 and changed.not_modified == 1


def test_failures_back_off_gone_pauses_and_moved_updates(db, planner, server):
    server.route("/broken.xml", status=500)
    server.route("/gone.xml", status=410)
    server.route("/old.xml", status=301, redirect_to="/new.xml")
    server.route("/new.xml", body=rss("moved", 2))
    server.route("/notafeed.xml", body=b"<html><body>hello</body></html>", content_type="text/html")
    broken, gone, old, junk = _subscribe(
        db,
        planner,
        server.url("/broken.xml"),
        server.url("/gone.xml"),
        server.url("/old.xml"),
        server.url("/notafeed.xml"),
    )
    report = planner.feeds.refresh()
    assert report.feeds == 4 and report.ok == 1 and report.errors == 3
    feeds = {f.id: f for f in feeds_q.list_feeds(db)}
    assert "500" in feeds[broken].last_error and feeds[broken].failures == 1
    assert feeds[broken].next_fetch_at >= planner.clock.now() + timedelta(minutes=5)
    assert feeds[gone].paused and "410" in feeds[gone].paused_reason
    assert feeds[old].url == server.url("/new.xml") and feeds[old].item_count == 2
    assert feeds[junk].last_error  # a readable reason, and the feed is kept
    # Nothing is due now: the broken feed waits, the gone one is paused.
    again = planner.feeds.refresh()
    assert again.feeds == 0


def test_background_refresh_lowers_its_cpu_priority(tmp_path, monkeypatch, capsys):
    import os

    calls = []
    monkeypatch.setattr(os, "nice", calls.append, raising=False)
    assert main(["refresh", "--data-dir", str(tmp_path)]) == 0
    assert calls == []
    assert main(["refresh", "--background", "--data-dir", str(tmp_path)]) == 0
    assert calls == [10]
    assert "Nothing to refresh" in capsys.readouterr().out


def test_background_refresh_lowers_its_priority_on_windows_too(tmp_path, monkeypatch):
    import ctypes
    import os
    import sys

    calls = []

    class Kernel32:
        def GetCurrentProcess(self):
            return "this process"

        def SetPriorityClass(self, process, priority):
            calls.append((process, priority))
            return 1

    monkeypatch.delattr(os, "nice", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(
        ctypes, "windll", type("WinDLL", (), {"kernel32": Kernel32()}), raising=False
    )
    assert main(["refresh", "--background", "--data-dir", str(tmp_path)]) == 0
    assert calls == [("this process", 0x4000)]  # BELOW_NORMAL_PRIORITY_CLASS


def test_refresh_command_prints_json_progress(tmp_path, server, capsys):
    server.route("/a.xml", body=rss("a", 3))
    server.route("/b.xml", status=404)
    data = str(tmp_path)

    planner, db = open_folder(tmp_path)
    _subscribe(db, planner, server.url("/a.xml"), server.url("/b.xml"))
    planner.close()
    code = main(["refresh", "--json-progress", "--data-dir", data])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert lines[0] == {"event": "start", "total": 2}
    feed_events = [e for e in lines if e["event"] == "feed"]
    assert [e["done"] for e in feed_events] == [1, 2]
    assert {e["status"] for e in feed_events} == {"ok", "error"}
    assert lines[-1]["event"] == "done" and lines[-1]["added"] == 3


def test_many_feeds_are_parsed_in_worker_processes(db, planner, server):
    urls = []
    for i in range(12):
        server.route(f"/f{i}.xml", body=rss(f"f{i}", 4))
        urls.append(server.url(f"/f{i}.xml"))
    _subscribe(db, planner, *urls)
    report = planner.feeds.refresh(workers=2)
    assert report.ok == 12 and report.added == 48 and planner.inbox.item_count() == 48


def _drain(claims, conn):
    conn.send([request.feed_id for request in claims])
    conn.close()


@pytest.mark.parametrize("start", ["fork", "spawn"])  # spawn: macOS and Windows
def test_workers_share_the_requests_each_taken_once(start):
    import multiprocessing

    from app.feeds.fetch import FetchRequest
    from app.feeds.refresh_worker import Claims

    if start not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {start} here")
    context = multiprocessing.get_context(start)
    requests = [FetchRequest(i, f"https://x.example/{i}") for i in range(2000)]
    claims = Claims(requests, context.Value("l", 0))
    pipes = [context.Pipe(duplex=False) for _ in range(3)]
    workers = [context.Process(target=_drain, args=(claims, w)) for _, w in pipes]
    for worker in workers:
        worker.start()
    taken = [reader.recv() for reader, _ in pipes]
    for worker in workers:
        worker.join()
    assert sorted(i for ids in taken for i in ids) == list(range(2000))
    assert all(ids == sorted(ids) for ids in taken)  # each in the order given
    assert list(claims) == []  # nothing left for a late one


def test_worker_processes_store_every_feed_for_the_index_to_catch_up(db, planner, server):
    urls = []
    for i in range(16):
        server.route(f"/f{i}.xml", body=rss(f"feed{i}", 5), latency_ms=30 * (i % 4))
        urls.append(server.url(f"/f{i}.xml"))
    _subscribe(db, planner, *urls)
    report = planner.feeds.refresh(workers=2)
    assert report.ok == 16 and report.added == 80
    assert db.read("SELECT count(*) FROM items_fts_pending")[0][0] == 80
    assert planner.inbox.index_for_search() == 80
    for i in (0, 7, 15):
        query = "SELECT count(*) FROM items_fts WHERE items_fts MATCH ?"
        assert db.read(query, (f"feed{i}",))[0][0] == 5


@pytest.mark.skipif(
    __import__("multiprocessing").get_start_method() != "fork",
    reason="the replaced worker must reach the child process, which only fork does",
)
def test_a_worker_that_dies_is_a_clear_error_and_stored_feeds_stay(
    db, planner, server, monkeypatch
):
    import os

    import app.feeds.refresh as refresh_module
    from app.errors import DigwellError
    from app.feeds.refresh_worker import fetch_and_read

    def dies_at_the_second_feed(claims, concurrency, conn, timeouts, language):
        def taking():
            for request in claims:
                if request.url.endswith("/f1.xml"):  # whichever worker takes it dies
                    os._exit(3)
                yield request

        fetch_and_read(taking(), concurrency, conn.send)
        conn.send(None)

    monkeypatch.setattr(refresh_module, "run_worker", dies_at_the_second_feed)
    urls = []
    for i in range(8):
        server.route(f"/f{i}.xml", body=rss(f"f{i}", 2))
        urls.append(server.url(f"/f{i}.xml"))
    _subscribe(db, planner, *urls)
    with pytest.raises(DigwellError, match="worker process stopped unexpectedly"):
        planner.feeds.refresh(workers=2)
    stored = {f.url: f.item_count for f in feeds_q.list_feeds(db)}
    assert sum(stored.values()) <= 8  # what arrived before the failure, whole feeds only
    assert all(count in (0, 2) for count in stored.values())


def test_a_worker_stops_fetching_when_nobody_listens(server):
    import multiprocessing

    from app.feeds.fetch import FetchRequest
    from app.feeds.refresh_worker import run_worker

    for i in range(20):
        server.route(f"/f{i}.xml", body=rss(f"f{i}", 2), latency_ms=20)
    requests = [FetchRequest(i, server.url(f"/f{i}.xml")) for i in range(20)]
    reader, writer = multiprocessing.Pipe(duplex=False)
    reader.close()  # the refresh has gone
    run_worker(requests, 1, writer)  # returns quietly
    assert sum(server.hits.values()) < 5  # and did not fetch the rest


def test_terminated_refresh_leaves_no_worker_processes(tmp_path, server):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    urls = []
    for i in range(12):
        server.route(f"/f{i}.xml", body=rss(f"f{i}", 2), latency_ms=5000)
        urls.append(server.url(f"/f{i}.xml"))
    planner, db = open_folder(tmp_path)
    _subscribe(db, planner, *urls)
    planner.close()
    marker = str(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "refresh", "--json-progress", "--data-dir", marker],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, NO_PROXY="127.0.0.1", no_proxy="127.0.0.1"),
    )
    assert json.loads(proc.stdout.readline())["event"] == "start"
    deadline = time.monotonic() + 10
    while sum(server.hits.values()) < 12 and time.monotonic() < deadline:
        time.sleep(0.02)  # every worker is waiting on its slow answers
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=10) == 128 + signal.SIGTERM
    proc.stdout.close()

    def refreshing() -> list[str]:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    line = (entry / "cmdline").read_bytes()
                except OSError:
                    continue
                if marker.encode() in line:
                    found.append(entry.name)
        return found

    deadline = time.monotonic() + 5
    while refreshing() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert refreshing() == []


def test_a_parser_bug_costs_one_feed_not_the_refresh(db, planner, server, monkeypatch):
    import app.feeds.parse as parse_module

    real = parse_module.parse_feed

    def buggy(body, headers=None):
        if b"<title>bad</title>" in body:
            raise ValueError("a bug")
        return real(body, headers)

    monkeypatch.setattr(parse_module, "parse_feed", buggy)
    server.route("/good.xml", body=rss("good", 2))
    server.route("/bad.xml", body=rss("bad", 2))
    good, bad = _subscribe(db, planner, server.url("/good.xml"), server.url("/bad.xml"))
    report = planner.feeds.refresh()
    assert report.ok == 1 and report.errors == 1 and report.added == 2
    feeds = {f.id: f for f in feeds_q.list_feeds(db)}
    assert "internal error: ValueError" in feeds[bad].last_error
    assert feeds[good].item_count == 2


def test_json_that_is_not_a_json_feed_says_so(db, planner, server):
    server.route(
        "/api.json", body=b'{"status": "ok", "data": [1, 2]}', content_type="application/json"
    )
    server.route("/list.json", body=b" [1, 2, 3]", content_type="text/plain")
    api, listed = _subscribe(db, planner, server.url("/api.json"), server.url("/list.json"))
    report = planner.feeds.refresh()
    assert report.errors == 2
    feeds = {f.id: f for f in feeds_q.list_feeds(db)}
    for feed_id in (api, listed):
        assert feeds[feed_id].last_error == (
            "This JSON is not a JSON Feed: it does not declare a jsonfeed.org version. "
            "Check the address: it may point to a web API rather than a feed."
        )  # the hint too: the Feeds page shows what to do


@pytest.mark.parametrize("workers", [1, 2])
def test_refresh_fetches_within_the_given_timeouts(db, planner, server, workers):
    from app.feeds.fetch import Timeouts

    server.route("/silent.xml", body=rss("silent", 1), latency_ms=3000)
    urls = [server.url("/silent.xml")]
    for i in range(7):
        server.route(f"/f{i}.xml", body=rss(f"f{i}", 1))
        urls.append(server.url(f"/f{i}.xml"))
    silent, *_ = _subscribe(db, planner, *urls)
    timeouts = Timeouts(connect=5, read=0.3, total=5)
    report = planner.feeds.refresh(workers=workers, timeouts=timeouts)
    assert report.ok == 7 and report.errors == 1
    error = feeds_q.find_feed(db, str(silent)).last_error
    assert error == f"127.0.0.1:{server.port} stopped sending for 0.3 s; Digwell gave up."


def test_refresh_command_takes_its_timeouts_from_the_environment(
    tmp_path, server, monkeypatch, capsys
):

    server.route("/silent.xml", body=rss("silent", 1), latency_ms=3000)
    planner, db = open_folder(tmp_path)
    _subscribe(db, planner, server.url("/silent.xml"))
    planner.close()
    monkeypatch.setenv("DIGWELL_FETCH_TIMEOUTS", "5,0.3,5")
    assert main(["refresh", "--data-dir", str(tmp_path)]) == 1
    assert "stopped sending for 0.3 s" in capsys.readouterr().err

    monkeypatch.setenv("DIGWELL_FETCH_TIMEOUTS", "soon")
    assert main(["refresh", "--all", "--data-dir", str(tmp_path)]) != 0
    assert "DIGWELL_FETCH_TIMEOUTS='soon' is not three time limits" in capsys.readouterr().err
