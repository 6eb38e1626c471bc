"""The window's refresh runs `digwell refresh --json-progress` in its own process."""

import sys

import pytest

from app.ui.refresh_runner import RefreshRunner
from tests.feed_server import rss

TIMEOUT_MS = 30_000


def _fake(code: str) -> tuple[str, list[str]]:
    """A stand-in for `digwell`: Python running `code` (the refresh arguments follow)."""
    return sys.executable, ["-c", code]


@pytest.fixture
def collect(qtbot):
    def attach(runner: RefreshRunner) -> dict:
        seen: dict = {"planned": [], "progress": [], "finished": [], "failed": []}
        runner.planned.connect(seen["planned"].append)
        runner.progressed.connect(lambda d, t, o: seen["progress"].append((d, t, o)))
        runner.finished.connect(seen["finished"].append)
        runner.failed.connect(seen["failed"].append)
        return seen

    return attach


def test_a_real_refresh_reports_each_feed_and_stores_items(
    db, qtbot, planner, feed_server, add_feeds, refresh_clock, collect
):
    feed_server.route("/a.xml", body=rss("alpha", 3))
    feed_server.route("/b.xml", status=404, body=b"no")
    add_feeds(planner, feed_server.url("/a.xml"), feed_server.url("/b.xml"))
    runner = RefreshRunner(db.path.parent)
    seen = collect(runner)

    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS):
        assert runner.start()
        assert runner.is_running()
        assert not runner.start()  # one at a time

    assert not runner.is_running()
    assert seen["planned"] == [2]
    assert [(d, t) for d, t, _ in seen["progress"]] == [(1, 2), (2, 2)]
    by_status = {o["status"]: o for _, _, o in seen["progress"]}
    assert by_status["ok"]["added"] == 3
    assert "404" in by_status["error"]["error"]
    (report,) = seen["finished"]
    assert (report["feeds"], report["ok"], report["errors"], report["added"]) == (2, 1, 1, 3)
    assert planner.inbox.item_count() == 3
    assert planner.feeds.last_refresh() is not None


def test_progress_lines_are_read_across_partial_writes_and_noise_is_ignored(qtbot, collect):
    code = (
        "import json, sys, time\n"
        "out = sys.stdout\n"
        "out.write('a library said hello\\n'); out.flush()\n"
        "out.write(json.dumps({'event': 'start', 'total': 1})[:10]); out.flush()\n"
        "time.sleep(0.1)\n"
        "out.write(json.dumps({'event': 'start', 'total': 1})[10:] + '\\n')\n"
        "out.write(json.dumps({'event': 'feed', 'done': 1, 'total': 1, 'feed_id': 7,"
        " 'status': 'ok', 'added': 2}) + '\\n')\n"
        "out.write('[1, 2]\\n')\n"
        "out.write(json.dumps({'event': 'done', 'feeds': 1, 'added': 2}))\n"  # no newline
    )
    runner = RefreshRunner("unused", command=_fake(code))
    seen = collect(runner)
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS):
        runner.start()
    assert seen["planned"] == [1]
    assert seen["progress"] == [(1, 1, {"feed_id": 7, "status": "ok", "added": 2})]
    assert seen["finished"] == [{"feeds": 1, "added": 2}]
    assert seen["failed"] == []


def test_a_failing_refresh_reports_the_commands_own_message(qtbot, collect):
    code = "import sys; print('digwell: The database is damaged.', file=sys.stderr); sys.exit(2)"
    runner = RefreshRunner("unused", command=_fake(code))
    seen = collect(runner)
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS):
        runner.start()
    assert seen["failed"] == ["The refresh failed (exit code 2): The database is damaged."]
    assert not runner.is_running()


def test_a_program_that_cannot_start_is_reported(qtbot, tmp_path, collect):
    runner = RefreshRunner("unused", command=(str(tmp_path / "no-such-program"), []))
    seen = collect(runner)
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS):
        runner.start()
    assert seen["failed"][0].startswith("The refresh could not start")
    assert not runner.is_running()
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS):
        assert runner.start()  # a failed start does not block the next attempt
    assert len(seen["failed"]) == 2


def test_stopping_a_refresh_says_what_was_kept(qtbot, collect):
    runner = RefreshRunner("unused", command=_fake("import time; time.sleep(60)"))
    seen = collect(runner)
    runner.start()
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS):
        runner.stop()
    assert seen["failed"] == ["The refresh was stopped; the feeds fetched so far are kept."]
    assert not runner.is_running()
