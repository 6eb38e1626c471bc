"""Crash safety, end to end: the refresh and the window are SIGKILLed at seeded random
moments, then the data folder is opened again as the next start would open it.

What "nothing lost" means here, precisely:

- the database passes `PRAGMA integrity_check` and `foreign_key_check` after every kill;
- no feed is half-updated. Every version `v` of served feed `n` has a known, distinct
  content: items `0 .. 40 + n % 3 + v - 1` (a version adds an item and retitles the
  others), each titled with `v`, under the ETag `"n.v"`. A feed's items and its row
  (ETag, last success) are written in one transaction, so after any kill the items
  stored for a feed are exactly the items of the version its row's ETag names, every
  one carrying that version's title (no item of an older or newer version, none
  missing), and a feed whose row has no ETag has no items. The rows written with items
  (their rank under theme 0, the unread count, the full-text queue) must agree with the
  items as well;
- every draft text the composer autosaved (reported by the child after the save
  committed) is in the database, and so is all text typed at least GRACE_S before the
  kill (autosave waits 0.8 s after the last keystroke; docs/ARCHITECTURE.md allows 2 s).
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import random
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from app.clock import NOW_ENV
from app.store import Database
from app.store.migrations import LATEST_VERSION
from tests.conftest import NOW, open_folder
from tests.feed_server import FeedServer

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and killpg are POSIX")

SEED = 20261123
DB_NAME = "digwell.sqlite3"

# --- the refresh ------------------------------------------------------------------

FEEDS = 40
FAILING = frozenset({7, 23})  # always answer 500: never stored
FLAKY = 11  # answers 500 every third round
REFRESH_KILLS = 40
FINISH_EVERY = 5  # the 1st, 6th, 11th... refresh is left to finish


def _item_count(n: int, version: int) -> int:
    return 40 + n % 3 + version


def _item_title(n: int, i: int, version: int) -> str:
    return f"Feed {n} item {i} v{version}"


def _feed_body(n: int, version: int) -> bytes:
    items = "".join(
        f"<item><title>{_item_title(n, i, version)}</title>"
        f"<link>https://example.org/f{n}/{i}</link><guid>f{n}-{i}</guid>"
        "<pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>"
        f"<description>Item {i} of feed {n}, version {version}</description></item>"
        for i in range(_item_count(n, version))
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>'
        f"<link>https://example.org/f{n}</link>{items}</channel></rss>"
    ).encode()


def _expected_items(n: int, version: int) -> set[tuple[str, str]]:
    return {(f"f{n}-{i}", _item_title(n, i, version)) for i in range(_item_count(n, version))}


def check_whole_feeds(path: Path, served: dict[int, int]) -> dict[int, int]:
    """Open the database as the next start would; assert it is intact and that no feed is
    half-updated (see the module's docstring). Returns each stored feed's version."""
    db = Database(path)
    try:
        assert db.read("PRAGMA integrity_check")[0][0] == "ok"
        assert not db.read("PRAGMA foreign_key_check")
        stored: dict[int, int] = {}
        for feed in db.read("SELECT id, url, etag, last_success FROM feeds"):
            n = int(re.search(r"/f(\d+)\.xml$", feed["url"]).group(1))
            items = {
                (r["guid"], r["title"])
                for r in db.read("SELECT guid, title FROM items WHERE feed_id = ?", (feed["id"],))
            }
            if feed["etag"] is None:
                assert not items, f"feed {n} has items but its row says it was never stored"
                assert feed["last_success"] is None
                continue
            tag_feed, version = (int(x) for x in feed["etag"].strip('"').split("."))
            assert tag_feed == n and version <= served[n]
            assert feed["last_success"] is not None
            assert items == _expected_items(n, version), (
                f"feed {n} is half-updated: its row names version {version}, its items "
                f"are {sorted(items)}"
            )
            stored[n] = version
        # Written in the same transactions as the items they follow.
        unranked = db.read(
            "SELECT count(*) FROM items"
            " WHERE id NOT IN (SELECT item_id FROM ranks WHERE theme_id = 0)"
        )[0][0]
        assert unranked == 0
        unread = db.read(
            "SELECT count(*) FROM ranks WHERE theme_id = 0 AND read = 0 AND dismissed = 0"
        )[0][0]
        counted = db.read("SELECT coalesce(sum(unread), 0) FROM unread_counts WHERE theme_id = 0")
        assert counted[0][0] == unread
        lost = db.read(  # neither waiting for the full-text index nor in it
            "SELECT count(*) FROM items WHERE id NOT IN (SELECT item_id FROM items_fts_pending)"
            " AND id NOT IN (SELECT id FROM items_fts_docsize)"
        )[0][0]
        assert lost == 0
        return stored
    finally:
        db.close()


class _Lines:
    """A child's stdout lines, each with the monotonic time it was read, from a thread."""

    def __init__(self, stream) -> None:
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for line in stream:
            self._queue.put((time.monotonic(), line))
        self._queue.put((time.monotonic(), None))

    def next(self, timeout: float) -> tuple[float, str | None]:
        """The next line (None at the end), or raise queue.Empty after `timeout` s."""
        return self._queue.get(timeout=timeout)

    def until(self, deadline: float) -> list[tuple[float, str]]:
        """Every line read before `deadline` (monotonic), waiting for it."""
        lines = []
        while (left := deadline - time.monotonic()) > 0:
            try:
                at, line = self._queue.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            lines.append((at, line))
        return lines

    def rest(self) -> list[tuple[float, str]]:
        """The lines left once the child is dead."""
        self._thread.join(timeout=10)
        lines = []
        while not self._queue.empty():
            at, line = self._queue.get()
            if line is not None:
                lines.append((at, line))
        return lines


def _kill_group(proc: subprocess.Popen) -> bool:
    """SIGKILL the child's whole process group (the refresh's workers too); whether the
    kill is what ended it. A child already gone is only waited for: its id may be reused."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    return proc.returncode == -signal.SIGKILL


def _subscribe(data: Path, server: FeedServer) -> None:
    from app.planner import Planner

    planner = Planner.open(data)
    try:
        for n in range(FEEDS):
            planner.feeds.subscribe(server.url(f"/f{n}.xml"), themes=["Platform"] if n % 2 else [])
    finally:
        planner.close()


def test_refresh_killed_at_random_moments_never_half_stores_a_feed(tmp_path):
    rng = random.Random(SEED)
    data = tmp_path / "data"
    path = data / DB_NAME
    env = {**os.environ, NOW_ENV: NOW.isoformat()}
    command = [sys.executable, "-m", "app", "refresh", "--json-progress", "--all"]
    command += ["--data-dir", str(data)]
    latency = {n: rng.choice((0, 0, 10, 30, 80)) for n in range(FEEDS)}
    served = dict.fromkeys(range(FEEDS), 0)
    stored: dict[int, int] = {}
    kills, finished, rounds, stored_at_kill = 0, 0, 0, []
    duration = 1.0  # of a whole refresh, measured on each one left to finish

    with FeedServer() as server:  # its backlog takes a refresh's connections at once

        def publish(n: int, up: bool = True) -> None:
            if not up or n in FAILING:
                server.route(f"/f{n}.xml", status=500, body=b"down", latency_ms=latency[n])
                return
            body, etag = _feed_body(n, served[n]), f'"{n}.{served[n]}"'
            server.route(f"/f{n}.xml", body=body, etag=etag, latency_ms=latency[n])

        for n in range(FEEDS):
            publish(n)
        _subscribe(data, server)

        while kills < REFRESH_KILLS:
            rounds += 1
            assert rounds <= 3 * REFRESH_KILLS, "the refresh kept ending before the kill"
            for n in rng.sample(range(FEEDS), FEEDS // 2):  # half the feeds change
                served[n] += 1
            flaky_up = rounds % 3 != 0
            for n in range(FEEDS):
                publish(n, up=flaky_up or n != FLAKY)
            stderr = tmp_path / f"refresh-{rounds}.err"
            with stderr.open("w") as err:
                proc = subprocess.Popen(
                    command,
                    stdout=subprocess.PIPE,
                    stderr=err,
                    text=True,
                    env=env,
                    start_new_session=True,  # its own group: the kill reaches its workers
                )
            started = time.monotonic()
            lines = _Lines(proc.stdout)
            try:
                if rounds % FINISH_EVERY == 1:
                    assert proc.wait(timeout=60) == 0, stderr.read_text()
                    duration = time.monotonic() - started
                    finished += 1
                else:
                    progress = 0
                    if rng.random() < 0.5:  # just after a random number of stored feeds
                        target = rng.randrange(0, FEEDS - 2)
                        while progress <= target:
                            _, line = lines.next(timeout=60)
                            if line is None:
                                break
                            progress += json.loads(line)["event"] == "feed"
                        time.sleep(rng.uniform(0, 0.01))
                    else:  # any time in a refresh: starting, opening, fetching, storing
                        time.sleep(rng.uniform(0, duration))
                    if _kill_group(proc):
                        kills += 1
                        # Feeds it had stored when killed: every line it wrote came before.
                        events = [json.loads(line)["event"] for _, line in lines.rest()]
                        stored_at_kill.append(progress + events.count("feed"))
            finally:
                _kill_group(proc)
                proc.stdout.close()
            stored = check_whole_feeds(path, served)
            if rounds % FINISH_EVERY == 1:  # a whole refresh brings every feed up to date
                up = {n for n in range(FEEDS) if n not in FAILING and (flaky_up or n != FLAKY)}
                assert {n: stored.get(n) for n in up} == {n: served[n] for n in up}

    assert kills >= REFRESH_KILLS and finished >= 3
    # Many kills came mid-way: some feeds stored, others not yet.
    assert sum(0 < n < FEEDS for n in stored_at_kill) >= REFRESH_KILLS // 3, stored_at_kill
    assert stored and not set(stored) & FAILING
    # The full-text index catches up with whatever the kills left waiting.
    from app.types import InboxFilter

    planner, db = open_folder(data)
    try:
        assert planner.inbox.search(InboxFilter(search="Feed 3 item"))
        db.conn.execute("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)")
    finally:
        planner.close()


# --- the window, while a draft is being typed ------------------------------------

APP_KILLS = 10
PAUSE_MS = 900  # between bursts of typing: the autosave (0.8 s) runs in each pause
# Text typed this long before a kill must have been autosaved: the composer saves 0.8 s
# after the last keystroke; docs/ARCHITECTURE.md ("A draft's life") allows 2 s.
GRACE_S = 2.0
KILL_WINDOW_S = (0.3, 3.8)  # after the composer is ready

TYPIST = textwrap.dedent(
    """
    import json, sys
    from datetime import datetime, timezone
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication
    from app.clock import FixedClock
    from app.planner import Planner
    from app.ui.views.composer import Composer

    app = QApplication([])
    clock = FixedClock(datetime(2026, 11, 23, 9, tzinfo=timezone.utc))
    planner = Planner.open(Path(sys.argv[1]), clock=clock)
    bursts, pause_ms = json.loads(sys.argv[2]), int(sys.argv[3])
    draft = planner.drafting.new_draft([], "original-insight", text=sys.argv[4])
    composer = Composer(planner)
    composer.show_draft(draft)
    composer.editor.moveCursor(QTextCursor.MoveOperation.End)

    def report(event, text):
        print(json.dumps({"event": event, "draft": draft.id, "text": text}), flush=True)

    # After the save committed: the composer reads the draft back from the database.
    composer.saved.connect(lambda _id: report("saved", composer.draft.text))

    def type_burst(burst=0, word=0):
        if burst >= len(bursts):
            return  # typed it all: idle until killed
        composer.editor.insertPlainText(bursts[burst][word] + " ")
        if word + 1 < len(bursts[burst]):
            QTimer.singleShot(15, lambda: type_burst(burst, word + 1))
            return
        report("typed", composer.editor.toPlainText())
        QTimer.singleShot(pause_ms, lambda: type_burst(burst + 1))

    report("ready", composer.editor.toPlainText())
    QTimer.singleShot(0, type_burst)
    app.exec()
    """
)
WORDS = (  # typed in bursts of a few
    *("paved", "roads", "golden", "paths", "small", "teams", "ship", "faster", "when"),
    *("the", "platform", "is", "boring", "and", "docs", "are", "kind", "to", "newcomers"),
)


def test_window_killed_while_typing_keeps_every_autosaved_draft(tmp_path):
    rng = random.Random(SEED)
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    kept: dict[int, str] = {}  # draft id -> the text it must keep
    promised = 0  # rounds where some typing was old enough to be owed a save
    # One kill moment in each tenth of the window, in a seeded random order.
    low, high = KILL_WINDOW_S
    step = (high - low) / APP_KILLS
    delays = [low + step * (i + rng.random()) for i in range(APP_KILLS)]
    rng.shuffle(delays)

    for round_no, delay in enumerate(delays, start=1):
        bursts = [rng.sample(WORDS, rng.randint(2, 4)) for _ in range(5)]
        start = f"Round {round_no}:\n\n"
        full = start + "".join(w + " " for burst in bursts for w in burst)
        stderr = tmp_path / f"typist-{round_no}.err"
        args = [str(data), json.dumps(bursts), str(PAUSE_MS), start]
        with stderr.open("w") as err:
            proc = subprocess.Popen(
                [sys.executable, "-c", TYPIST, *args],
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                env=env,
                start_new_session=True,
            )
        lines = _Lines(proc.stdout)
        try:
            ready_at, line = lines.next(timeout=60)
            assert line is not None, stderr.read_text()
            ready = json.loads(line)
            assert ready["event"] == "ready" and ready["text"] == start
            kill_at = ready_at + delay
            before = lines.until(kill_at)
            os.kill(proc.pid, signal.SIGKILL)  # the window's own process, as a crash
            killed_at = time.monotonic()
            assert proc.wait(timeout=30) == -signal.SIGKILL, stderr.read_text()
        finally:
            _kill_group(proc)  # should the test fail before the kill
        after = lines.rest()  # written before the kill, read after it
        proc.stdout.close()
        events = [(at, json.loads(line)) for at, line in before + after]
        draft_id = ready["draft"]

        db = Database(data / DB_NAME)
        try:
            assert db.read("PRAGMA integrity_check")[0][0] == "ok"
            text = db.read("SELECT text FROM drafts WHERE id = ?", (draft_id,))[0][0]
            for other, other_text in kept.items():  # earlier rounds' drafts are intact
                assert db.read("SELECT text FROM drafts WHERE id = ?", (other,))[0][0] == (
                    other_text
                )
        finally:
            db.close()
        # Typing only appends: what is stored is the text as it stood at some moment.
        assert text.startswith(start) and full.startswith(text)
        saved = [e["text"] for _, e in events if e["event"] == "saved"]
        if saved:
            assert text.startswith(saved[-1]), "an autosaved text was lost"
        owed = [
            e["text"] for at, e in events if e["event"] == "typed" and at <= killed_at - GRACE_S
        ]
        for typed in owed:
            assert text.startswith(typed), (
                f"round {round_no}: text typed {GRACE_S} s before the kill was not saved"
            )
        promised += bool(owed)
        kept[draft_id] = text

    assert len(kept) == APP_KILLS
    assert promised >= 3, "too few kills came long enough after typing to test the autosave"


# --- a crash's leftovers at the next start ---------------------------------------


def test_a_window_killed_leaves_no_lock_that_blocks_the_next_start(tmp_path):
    from app.running_instance import server_name_for, socket_path
    from app.ui.app import EXIT_ON_PAINT_ENV, PAINTED_MARKER

    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    socket = Path(socket_path(server_name_for(data)))
    first = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not socket.exists() and time.monotonic() < deadline and first.poll() is None:
            time.sleep(0.05)
        assert socket.exists(), "the first window never listened"
    finally:
        assert _kill_group(first)
    try:
        assert socket.exists()  # the crash left its socket behind
        second = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(data)],
            env={**env, EXIT_ON_PAINT_ENV: "1"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert PAINTED_MARKER in second.stdout
        assert "already running" not in second.stdout
    finally:
        socket.unlink(missing_ok=True)


def test_a_database_from_a_newer_digwell_is_refused_everywhere_and_untouched(tmp_path, clock):
    from app.planner import Planner
    from app.ui.app import EXIT_ON_PAINT_ENV, PAINTED_MARKER

    data = tmp_path / "newer"
    planner = Planner.open(data, clock=clock)
    planner.drafting.new_draft([], "original-insight", text="Written by a newer Digwell")
    planner.close()
    conn = sqlite3.connect(data / DB_NAME)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    before = (data / DB_NAME).read_bytes()
    assert sorted(p.name for p in data.iterdir()) == [DB_NAME]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", EXIT_ON_PAINT_ENV: "1"}

    for args in (["feeds", "list"], ["refresh"], ["inbox"], []):  # [] is the window
        out = subprocess.run(
            [sys.executable, "-m", "app", *args, "--data-dir", str(data)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.returncode == 2, (args, out.stdout, out.stderr)
        assert "written by a newer Digwell" in out.stderr, args
        assert "left untouched" in out.stderr and "Install the newer Digwell" in out.stderr
        assert PAINTED_MARKER not in out.stdout
        assert (data / DB_NAME).read_bytes() == before, args
        assert sorted(p.name for p in data.iterdir()) == [DB_NAME], args
