"""Making a backup: the archive's members, its manifest, and writing it all or nothing."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
import threading
import time
import zipfile
from datetime import timedelta

import pytest

from app import __version__
from app.backup import layout
from app.errors import DigwellError
from app.feeds.opml import parse_opml
from app.paths import DB_FILENAME
from app.store.migrations import LATEST_VERSION
from app.strategy.document import strategy_to_json
from tests.backup.conftest import FORMULA, PRIVATE_FEED, SECRET, USER_TEMPLATES
from tests.conftest import BERLIN, NOW


def _members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def test_a_backup_holds_every_member_and_a_manifest_that_checks_them(rich_planner, tmp_path):
    target = tmp_path / "backup.zip"
    report = rich_planner.backups.back_up(target)

    members = _members(target)
    templates = {f"templates/{name}" for name in USER_TEMPLATES}
    assert set(members) == {
        "manifest.json",
        "digwell.sqlite3",
        "subscriptions.opml",
        "strategy.json",
        "drafts.json",
        "posts.json",
        "people.csv",
        *templates,
    }
    manifest = json.loads(members.pop("manifest.json"))
    assert manifest["format"] == "digwell-backup"
    assert manifest["version"] == 1
    assert manifest["app_version"] == __version__
    assert manifest["schema_version"] == LATEST_VERSION
    assert manifest["created_at"] == "2026-11-23T10:00:00+01:00"  # the clock, user's zone
    posts = len(rich_planner.cadence.posts())
    people = rich_planner.people.count()  # archived people are not counted
    counts = {
        **{"feeds": 6, "themes": 3, "items": 100, "drafts": 5, "posts": posts},
        **{"people": people, "templates": 2},
    }
    assert manifest["counts"] == counts
    assert manifest["files"] == {
        name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in members.items()
    }
    assert report.path == target
    assert report.size == target.stat().st_size
    assert report.counts == counts
    assert report.created_at == NOW.astimezone(BERLIN)
    assert set(report.members) == set(members) | {"manifest.json"}
    for name, text in USER_TEMPLATES.items():
        assert members[f"templates/{name}"].decode() == text


def test_members_carry_the_clocks_time_and_private_permissions(rich_planner, tmp_path):
    target = tmp_path / "backup.zip"
    rich_planner.backups.back_up(target)
    with zipfile.ZipFile(target) as zf:
        for info in zf.infolist():
            assert info.date_time == (2026, 11, 23, 10, 0, 0)
            assert info.compress_type == zipfile.ZIP_DEFLATED
            assert (info.external_attr >> 16) & 0o777 == 0o600
    assert target.stat().st_mode & 0o077 == 0


def test_the_readable_members_parse_and_agree_with_the_database(rich_planner, tmp_path):
    target = tmp_path / "backup.zip"
    rich_planner.backups.back_up(target)
    members = _members(target)

    opml = parse_opml(members["subscriptions.opml"])
    assert sorted(f.url for f in opml.feeds) == sorted(
        f.url for f in rich_planner.feeds.list_feeds()
    )
    assert members["strategy.json"].decode() == strategy_to_json(rich_planner.strategy.load())

    drafts = json.loads(members["drafts.json"])
    assert [d["state"] for d in drafts] == ["draft", "planned", "archived", "posted", "planned"]
    planned = drafts[1]
    assert planned["planned_for"] == "2026-11-24T10:00:00+01:00"
    assert planned["take"] == "take 1"
    assert planned["items"][0]["title"] == rich_planner.inbox.item(planned["items"][0]["id"]).title
    assert drafts[4]["planned_for"] is None
    assert drafts[4]["items"] == []
    assert drafts[4]["theme"] == rich_planner.strategy.themes()[0].name

    posts = json.loads(members["posts.json"])
    assert len(posts) == len(rich_planner.cadence.posts())
    assert posts[0]["posted_at"] < posts[-1]["posted_at"]  # oldest first
    marked = posts[-1]
    assert marked["url"] == "https://www.linkedin.com/posts/alex-1"
    assert marked["draft_id"] is not None
    assert marked["link"] == rich_planner.inbox.item(drafts[3]["items"][0]["id"]).link
    assert {p["theme"] for p in posts} <= {t.name for t in rich_planner.strategy.themes()} | {""}


def test_the_people_member_is_the_export_with_formulas_neutralised(rich_planner, tmp_path):
    target = tmp_path / "backup.zip"
    rich_planner.backups.back_up(target)
    exported = tmp_path / "people.csv"
    rich_planner.people.export_csv(exported)
    member = _members(target)["people.csv"]
    assert member == exported.read_bytes()  # the same file `digwell people export` writes
    assert member.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(member.decode("utf-8-sig"))))
    everyone = rich_planner.people.everyone()
    assert [int(r["id"]) for r in rows] == [p.id for p in everyone]  # archived too
    zed = next(r for r in rows if r["name"] == "Old Contact Zed")
    assert zed["notes"] == "'" + FORMULA and zed["archived"] == "yes"
    ines = next(r for r in rows if r["name"] == "Ines Carvalho")
    assert (ines["circle"], ines["x"], ines["mastodon"], ines["gives"], ines["asks"]) == (
        "Mentors",
        "'@inesc",  # a handle starts as a formula would: text all the same
        "'@ines@fosstodon.org",
        "1",
        "1",
    )
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())


def test_the_database_member_is_one_file_that_passes_its_integrity_check(rich_planner, tmp_path):
    target = tmp_path / "backup.zip"
    rich_planner.backups.back_up(target)
    data = _members(target)["digwell.sqlite3"]
    assert data[18:20] == b"\x01\x01"  # rollback journal: no -wal needed beside it
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(data)
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("SELECT count(*) FROM posts").fetchone()[0] == len(
        rich_planner.cadence.posts()
    )
    conn.close()


def test_the_secret_of_a_private_feed_is_nowhere_in_the_backup(
    rich_planner, memory_keyring, tmp_path
):
    assert any(SECRET in value for value in memory_keyring.store.values())  # it is kept
    target = tmp_path / "backup.zip"
    rich_planner.backups.back_up(target)

    needle = SECRET.encode()
    assert needle not in target.read_bytes()
    for name, data in _members(target).items():
        assert needle not in data, name
        assert needle.decode().encode("utf-16-le") not in data, name
    assert (
        needle not in (rich_planner.data_dir / DB_FILENAME).read_bytes()
    )  # only its reference is stored
    opml = _members(target)["subscriptions.opml"].decode()
    assert PRIVATE_FEED in opml


def test_an_existing_file_is_replaced_all_at_once(rich_planner, tmp_path):
    target = tmp_path / "backup.zip"
    target.write_bytes(b"an older backup")
    rich_planner.backups.back_up(target)
    assert zipfile.is_zipfile(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.zip", "data"]


def test_a_failed_backup_leaves_nothing_and_keeps_the_older_file(
    rich_planner, tmp_path, monkeypatch
):
    from app.backup import archive

    target = tmp_path / "backup.zip"
    target.write_bytes(b"an older backup")

    def broken(*args):
        raise DigwellError("The disk is full.", "")

    monkeypatch.setattr(archive, "readable_members", broken)
    with pytest.raises(DigwellError, match="disk is full"):
        rich_planner.backups.back_up(target)
    assert target.read_bytes() == b"an older backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.zip", "data"]


def test_a_backup_too_large_to_restore_is_not_written(rich_planner, tmp_path, monkeypatch):
    monkeypatch.setattr(layout, "MAX_MEMBER_BYTES", 10_000)
    with pytest.raises(DigwellError, match=r"too large to restore \(posts.json"):
        rich_planner.backups.back_up(tmp_path / "backup.zip")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("missing/backup.zip", "does not exist"),
        (".", "is a folder"),
        ("data/digwell.sqlite3", "is Digwell's database itself"),
    ],
)
def test_an_unusable_target_is_refused(rich_planner, tmp_path, where, message):
    before = (tmp_path / "data" / "digwell.sqlite3").read_bytes()
    with pytest.raises(DigwellError, match=message):
        rich_planner.backups.back_up(tmp_path / where)
    assert (tmp_path / "data" / "digwell.sqlite3").read_bytes() == before
    assert not (tmp_path / "missing").exists()


def test_a_backup_while_another_connection_holds_a_write_open(rich_planner, tmp_path):
    posts_before = len(rich_planner.cadence.posts())
    writer = sqlite3.connect(rich_planner.data_dir / DB_FILENAME, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO posts (posted_at, platform, kind) VALUES ('2026-11-23T08:00:00Z', 'x',"
        " 'share')"
    )
    try:
        report = rich_planner.backups.back_up(tmp_path / "backup.zip")  # does not wait for it
    finally:
        writer.execute("COMMIT")
        writer.close()
    assert report.counts["posts"] == posts_before  # what was committed, and only that
    assert len(json.loads(_members(tmp_path / "backup.zip")["posts.json"])) == posts_before


def test_backups_while_a_thread_writes_are_each_one_consistent_state(rich_planner, tmp_path):
    stop = threading.Event()
    written = []

    def write():
        conn = sqlite3.connect(
            rich_planner.data_dir / DB_FILENAME, isolation_level=None, timeout=10
        )
        n = 0
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            for _ in range(20):
                when = (NOW - timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
                conn.execute(
                    "INSERT INTO posts (posted_at, platform, kind, text) VALUES (?, 'x',"
                    " 'share', ?)",
                    (when, "x" * 2000),
                )
                n += 1
            conn.execute("COMMIT")
            written.append(n)
        conn.close()

    thread = threading.Thread(target=write)
    thread.start()
    try:
        while not written:  # back up while it is writing, not before
            time.sleep(0.001)
        reports = []
        for n in range(3):
            target = tmp_path / f"backup-{n}.zip"
            reports.append(rich_planner.backups.back_up(target))
    finally:
        stop.set()
        thread.join()
    assert written, "the writer never committed"
    base = len(rich_planner.cadence.posts()) - written[-1]
    for report in reports:
        members = _members(report.path)
        snapshot = tmp_path / "snapshot.sqlite3"
        snapshot.write_bytes(members["digwell.sqlite3"])
        conn = sqlite3.connect(snapshot)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        in_db = conn.execute("SELECT count(*) FROM posts").fetchone()[0]
        conn.close()
        snapshot.unlink()
        # Whole transactions only, and the JSON made from the same state.
        assert (in_db - base) % 20 == 0
        assert len(json.loads(members["posts.json"])) == in_db == report.counts["posts"]


def test_sizes_are_written_in_the_users_locale():
    from app.i18n import formats

    assert layout.human_size(999) == "999 bytes"
    assert layout.human_size(1) == "1 byte"
    assert layout.human_size(12_345_678) == "12.3 MB"
    assert layout.human_size(5 * 10**15) == "5,000.0 TB"
    formats.use_locale("de_DE")
    try:
        assert layout.human_size(12_345_678) == "12,3 MB"
    finally:
        formats.use_locale("en_GB")
