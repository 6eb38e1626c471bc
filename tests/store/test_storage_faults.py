"""Storage faults through the real API: a full disk and a read-only data folder give a
message that says so (and what to do), corrupt nothing, and keep what was saved before.

A full disk is simulated two ways: SQLite's `PRAGMA max_page_count` (the database may not
grow, everywhere), and a real, tiny tmpfs in a private mount namespace (where `unshare`
may make one). A read-only folder: permissions, which root ignores, and a read-only bind
mount in a private mount namespace, which binds root too.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.errors import StorageError
from app.planner import Planner
from app.store import Database
from tests.feed_server import FeedServer

DB_NAME = "digwell.sqlite3"
FEEDS = 6
FULL_WORDS = ("disk", "is full", "nothing was saved", "Free some space")
# A refresh that stops part way says what it kept (is or are "kept, whole").
REFRESH_FULL_WORDS = ("disk", "is full", "refresh stopped", "kept, whole", "Free some space")
READ_ONLY_WORDS = ("is read-only", "Check the folder's permissions", "--data-dir")


def _body(n: int, version: int, items: int) -> bytes:
    """Feed `n` at `version`: `items` items, each titled with the version."""
    entries = "".join(
        f"<item><title>Feed {n} item {i} v{version}</title><guid>f{n}-{i}</guid>"
        f"<link>https://example.org/f{n}/{i}</link>"
        f"<description>{'Words about platforms. ' * 40}</description></item>"
        for i in range(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>'
        f"{entries}</channel></rss>"
    ).encode()


def _publish(server: FeedServer, version: int, items: int) -> None:
    for n in range(FEEDS):
        server.route(f"/f{n}.xml", body=_body(n, version, items), etag=f'"{n}.{version}"')


def _feed_versions(db: Database) -> dict[int, int | None]:
    """Each feed's stored version, after checking its items are exactly that version's
    (no feed half-updated: its items and its row are written in one transaction)."""
    versions: dict[int, int | None] = {}
    for feed in db.read("SELECT id, etag FROM feeds ORDER BY id"):
        titles = {r[0] for r in db.read("SELECT title FROM items WHERE feed_id = ?", (feed[0],))}
        if feed["etag"] is None:
            assert not titles
            versions[feed[0]] = None
            continue
        version = int(feed["etag"].strip('"').split(".")[1])
        assert titles and all(t.endswith(f" v{version}") for t in titles), (feed[0], titles)
        versions[feed[0]] = version
    return versions


def _intact(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()


def _no_room_to_grow(db: Database, spare_pages: int = 0) -> None:
    """From now on the database file may grow by `spare_pages` pages at most."""
    pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
    db.conn.execute(f"PRAGMA max_page_count = {pages + spare_pages}")


# --- a full disk ---------------------------------------------------------------------


def test_a_full_disk_refuses_a_draft_save_clearly_and_keeps_the_last_save(db, planner):
    draft = planner.drafting.new_draft([], "original-insight", text="First take")
    planner.drafting.save_draft(draft.id, text="Second take, saved")
    _no_room_to_grow(db)
    with pytest.raises(StorageError) as info:
        planner.drafting.save_draft(draft.id, text="A long take. " * 20_000)
    assert all(words in str(info.value) for words in FULL_WORDS), str(info.value)
    assert planner.drafting.draft(draft.id).text == "Second take, saved"  # rolled back whole
    planner.drafting.save_draft(draft.id, text="Third take")  # a write that fits still works
    path = db.path
    planner.close()
    _intact(path)
    again = Planner.open(path.parent)
    try:
        assert again.drafting.draft(draft.id).text == "Third take"
    finally:
        again.close()


def test_a_full_disk_mid_refresh_stops_it_clearly_and_keeps_every_feed_whole(db, planner):
    draft = planner.drafting.new_draft([], "original-insight", text="Saved before the disk filled")
    with FeedServer() as server:
        _publish(server, version=0, items=3)
        for n in range(FEEDS):
            planner.feeds.subscribe(server.url(f"/f{n}.xml"))
        planner.feeds.refresh(workers=1)
        assert set(_feed_versions(db).values()) == {0}

        _publish(server, version=1, items=40)  # ~20 pages a feed: two or so fit
        _no_room_to_grow(db, spare_pages=50)
        with pytest.raises(StorageError) as info:
            planner.feeds.refresh(force=True, workers=1)
        assert all(words in str(info.value) for words in REFRESH_FULL_WORDS), str(info.value)
        versions = _feed_versions(db)
        assert set(versions.values()) == {0, 1}  # stopped part way, each feed whole
        assert planner.drafting.draft(draft.id).text == "Saved before the disk filled"
        _intact(db.path)

        # Once there is room again, the next refresh completes.
        db.conn.execute("PRAGMA max_page_count = 1073741823")
        planner.feeds.refresh(force=True, workers=1)
        assert set(_feed_versions(db).values()) == {1}


@functools.cache
def _private_mounts() -> str:
    """Why private mount namespaces cannot be used here, or "" when they can."""
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return "needs Linux and unshare"
    probe = subprocess.run(
        ["unshare", "--map-root-user", "--mount", "sh", "-c", "mount -t tmpfs none /mnt"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return f"no private mount namespace here: {probe.stderr.strip()}"
    return ""


# Runs inside a private mount namespace: what it mounts nobody else sees, and it is
# gone when the process ends. Argument: a JSON object (see its uses).
IN_NAMESPACE = textwrap.dedent(
    """
    import json, os, shutil, subprocess, sys
    job = json.loads(sys.argv[1])
    data = job["data"]
    for args in job["mounts"]:
        subprocess.run(args, check=True)
    for name in os.listdir(job["seed"]):
        shutil.copy(os.path.join(job["seed"], name), data)
    if job.get("free_bytes") is not None:  # fill the disk but for this much
        left = shutil.disk_usage(data).free - job["free_bytes"]
        with open(os.path.join(data, "filler"), "wb", buffering=0) as filler:
            try:
                while left > 0:
                    left -= filler.write(bytes(min(left, 1 << 16)))
            except OSError:  # full already: tmpfs counts whole pages
                pass
    results = []
    for args in job["commands"]:
        out = subprocess.run(
            [sys.executable, "-m", "app", *args, "--data-dir", data],
            capture_output=True, text=True, timeout=120,
        )
        results.append([out.returncode, out.stdout, out.stderr])
    if job.get("free_bytes") is not None:
        os.remove(os.path.join(data, "filler"))
    for name in os.listdir(data):  # what is left, for the test to look at
        shutil.copy(os.path.join(data, name), job["out"])
    print(json.dumps(results))
    """
)


def _in_private_mounts(job: dict) -> list[tuple[int, str, str]]:
    """Run `job` in a private mount namespace; each command's (exit code, out, err)."""
    from app.ui.app import EXIT_ON_PAINT_ENV

    out = subprocess.run(
        [
            "unshare",
            "--map-root-user",
            "--mount",
            sys.executable,
            "-c",
            IN_NAMESPACE,
            json.dumps(job),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, EXIT_ON_PAINT_ENV: "1"},  # should a window open after all
    )
    assert out.returncode == 0, out.stderr
    return [tuple(result) for result in json.loads(out.stdout)]


def _seed(folder: Path, server: FeedServer, clock) -> int:
    """A data folder with feeds stored at version 0 and a draft; returns the draft's id."""
    planner = Planner.open(folder, clock=clock)
    try:
        draft = planner.drafting.new_draft(
            [], "original-insight", text="Saved before the disk filled"
        )
        for n in range(FEEDS):
            planner.feeds.subscribe(server.url(f"/f{n}.xml"))
        planner.feeds.refresh(workers=1)
        return draft.id
    finally:
        planner.close()


def test_a_really_full_disk_stops_the_refresh_clearly_and_keeps_every_feed_whole(tmp_path, clock):
    if reason := _private_mounts():
        pytest.skip(reason)
    seed, data, out = tmp_path / "seed", tmp_path / "mnt", tmp_path / "out"
    data.mkdir()
    out.mkdir()
    with FeedServer() as server:
        _publish(server, version=0, items=3)
        draft_id = _seed(seed, server, clock)
        _publish(server, version=1, items=40)
        job = {
            "data": str(data),
            "seed": str(seed),
            "out": str(out),
            "mounts": [["mount", "-t", "tmpfs", "-o", "size=2m", "none", str(data)]],
            "free_bytes": 256 * 1024,  # its WAL index, then a feed or two (~85 KB each)
            "commands": [["refresh", "--all"]],
        }
        [(refresh_rc, _, refresh_err)] = _in_private_mounts(job)
    assert refresh_rc == 2, refresh_err
    assert all(words in refresh_err for words in REFRESH_FULL_WORDS), refresh_err
    _intact(out / DB_NAME)
    db = Database(out / DB_NAME)
    try:
        assert set(_feed_versions(db).values()) == {0, 1}
        assert db.read("SELECT text FROM drafts WHERE id = ?", (draft_id,))[0][0] == (
            "Saved before the disk filled"
        )
    finally:
        db.close()


@pytest.mark.skipif(
    sys.version_info < (3, 11), reason="Python 3.10 does not name SQLite's extended error codes"
)
def test_opening_on_a_disk_full_to_the_last_byte_says_the_disk_is_full(tmp_path, clock):
    if reason := _private_mounts():
        pytest.skip(reason)
    seed, data, out = tmp_path / "seed", tmp_path / "mnt", tmp_path / "out"
    data.mkdir()
    out.mkdir()
    planner = Planner.open(seed, clock=clock)
    draft = planner.drafting.new_draft([], "original-insight", text="Kept")
    planner.close()
    before = (seed / DB_NAME).read_bytes()
    job = {
        "data": str(data),
        "seed": str(seed),
        "out": str(out),
        "mounts": [["mount", "-t", "tmpfs", "-o", "size=1m", "none", str(data)]],
        "free_bytes": 0,
        "commands": [["feeds", "list"], ["draft", "--item", "1"]],
    }
    for rc, _, err in _in_private_mounts(job):
        assert rc == 2, err
        assert all(words in err for words in ("disk", "is full", "Free some space")), err
    assert (out / DB_NAME).read_bytes() == before
    again = Planner.open(out, clock=clock)
    try:
        assert again.drafting.draft(draft.id).text == "Kept"
    finally:
        again.close()


# --- a read-only folder ----------------------------------------------------------------


def _make_folder(tmp_path: Path, clock) -> tuple[Path, int]:
    data = tmp_path / "data"
    planner = Planner.open(data, clock=clock)
    draft = planner.drafting.new_draft([], "original-insight", text="Written while it was writable")
    planner.close()
    assert sorted(p.name for p in data.iterdir()) == [DB_NAME]  # closed cleanly
    return data, draft.id


def _modes_bind(tmp_path: Path) -> bool:
    """Whether a folder's mode stops this process writing there (not for root, whose
    CAP_DAC_OVERRIDE ignores it, nor on Windows)."""
    probe = tmp_path / "probe"
    probe.mkdir()
    probe.chmod(0o555)
    try:
        (probe / "file").touch()
    except PermissionError:
        return True
    else:
        return False
    finally:
        probe.chmod(0o755)


def test_a_read_only_folder_by_its_permissions_is_named_read_only(tmp_path, clock):
    if sys.platform == "win32" or not _modes_bind(tmp_path):
        pytest.skip("folder modes do not bind this user (root, or Windows)")
    data, draft_id = _make_folder(tmp_path, clock)
    before = (data / DB_NAME).read_bytes()
    data.chmod(0o555)
    try:
        with pytest.raises(StorageError) as info:
            Planner.open(data, clock=clock)
        assert all(words in str(info.value) for words in READ_ONLY_WORDS), str(info.value)
        # The file itself read-only, in a writable folder: it opens, writes are refused.
        data.chmod(0o755)
        (data / DB_NAME).chmod(0o444)
        planner = Planner.open(data, clock=clock)
        try:
            with pytest.raises(StorageError) as info:
                planner.drafting.save_draft(draft_id, text="Not saved")
            assert all(words in str(info.value) for words in READ_ONLY_WORDS)
            assert planner.drafting.draft(draft_id).text == "Written while it was writable"
        finally:
            planner.close()
    finally:
        data.chmod(0o755)
        (data / DB_NAME).chmod(0o644)
    assert (data / DB_NAME).read_bytes() == before
    _intact(data / DB_NAME)


def test_a_read_only_mounted_folder_is_named_read_only_by_every_entry_point(tmp_path, clock):
    if reason := _private_mounts():
        pytest.skip(reason)
    data, draft_id = _make_folder(tmp_path, clock)
    out = tmp_path / "out"
    out.mkdir()
    before = (data / DB_NAME).read_bytes()
    bind = ["mount", "--bind", str(data), str(data)]
    read_only = ["mount", "-o", "remount,bind,ro", str(data)]
    job = {
        "data": str(data),
        "seed": str(tmp_path / "empty"),
        "out": str(out),
        "mounts": [bind, read_only],
        "commands": [["feeds", "list"], ["inbox"], []],  # [] is the window
    }
    (tmp_path / "empty").mkdir()
    for rc, _, err in _in_private_mounts(job):
        assert rc == 2, err
        assert all(words in err for words in READ_ONLY_WORDS), err
    assert sorted(p.name for p in data.iterdir()) == [DB_NAME]
    assert (data / DB_NAME).read_bytes() == before
    planner = Planner.open(data, clock=clock)
    try:
        assert planner.drafting.draft(draft_id).text == "Written while it was writable"
    finally:
        planner.close()


def test_a_database_that_refuses_writes_says_it_is_read_only(db, planner):
    """Where modes cannot be tested (root): SQLite's query_only refuses writes the way a
    read-only file does (SQLITE_READONLY)."""
    draft = planner.drafting.new_draft([], "original-insight", text="Kept")
    db.conn.execute("PRAGMA query_only = 1")
    with pytest.raises(StorageError) as info:
        planner.drafting.save_draft(draft.id, text="Not saved")
    assert all(words in str(info.value) for words in READ_ONLY_WORDS), str(info.value)
    db.conn.execute("PRAGMA query_only = 0")
    assert planner.drafting.draft(draft.id).text == "Kept"
