import sqlite3

import pytest

from app.errors import SchemaTooNewError, StorageError
from app.store import Database
from app.store.migrations import LATEST_VERSION
from tests.conftest import open_folder

TABLES = {
    "settings",
    "themes",
    "feeds",
    "feed_themes",
    "items",
    "items_fts",
    "drafts",
    "draft_items",
    "posts",
}


def test_new_database_is_migrated_to_latest_with_wal_and_foreign_keys(tmp_path):
    db = Database(tmp_path / "d" / "digwell.sqlite3")
    assert db.schema_version == LATEST_VERSION
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    names = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master")}
    assert names >= TABLES
    db.close()


def test_reopening_keeps_data_and_does_not_migrate_again(tmp_path):
    path = tmp_path / "digwell.sqlite3"
    db = Database(path)
    with db.transaction() as conn:
        conn.execute("INSERT INTO settings VALUES ('k', '1')")
    db.close()
    again = Database(path)
    assert again.schema_version == LATEST_VERSION
    assert again.read("SELECT value FROM settings WHERE key = 'k'")[0][0] == "1"
    again.close()


def test_each_migration_step_applies_in_order(tmp_path, monkeypatch):
    from app.store import database, migrations

    steps = (*migrations.MIGRATIONS, "CREATE TABLE extra (x INTEGER);")
    monkeypatch.setattr(database, "MIGRATIONS", steps)
    monkeypatch.setattr(database, "LATEST_VERSION", len(steps))
    path = tmp_path / "digwell.sqlite3"
    Database(path).close()  # created at the patched latest
    db = Database(path)
    assert db.schema_version == len(steps)
    assert db.read("SELECT count(*) FROM extra")[0][0] == 0
    db.close()


def test_a_failing_migration_leaves_the_previous_version(tmp_path, monkeypatch):
    from app.store import database, migrations

    path = tmp_path / "digwell.sqlite3"
    Database(path).close()
    broken = (*migrations.MIGRATIONS, "CREATE TABLE ok (x); CREATE TABLE items (dup);")
    monkeypatch.setattr(database, "MIGRATIONS", broken)
    monkeypatch.setattr(database, "LATEST_VERSION", len(broken))
    with pytest.raises(StorageError):
        Database(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'ok'").fetchall()
    conn.close()


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "digwell.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer Digwell") as info:
        Database(path)
    assert "left untouched" in str(info.value)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_gives_a_clear_message(tmp_path):
    path = tmp_path / "digwell.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StorageError, match="damaged or is not a Digwell database"):
        Database(path)
    assert path.read_bytes() == b"this is not sqlite at all" * 100


def test_an_uncreatable_folder_gives_a_clear_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="cannot be created"):
        Database(blocker / "sub" / "digwell.sqlite3")


def test_transaction_rolls_back_on_error(tmp_path):
    db = Database(tmp_path / "digwell.sqlite3")
    with pytest.raises(RuntimeError), db.transaction() as conn:
        conn.execute("INSERT INTO settings VALUES ('a', '1')")
        raise RuntimeError("boom")
    assert db.read("SELECT count(*) FROM settings WHERE key = 'a'")[0][0] == 0
    db.close()


def test_bulk_writes_apply_for_a_while_then_restore(tmp_path):
    db = Database(tmp_path / "d.sqlite3")

    def pragmas():
        return tuple(
            db.conn.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("wal_autocheckpoint", "cache_size", "busy_timeout")
        )

    before = pragmas()
    with pytest.raises(RuntimeError), db.bulk_writes(10_000, 16):
        assert pragmas() == (10_000, -16 * 1024, 60_000)
        raise RuntimeError
    assert pragmas() == before


def test_items_from_schema_4_are_ranked_by_date_until_the_first_rescore(tmp_path):
    import sqlite3

    from app.store.migrations import MIGRATIONS

    path = tmp_path / "digwell.sqlite3"
    conn = sqlite3.connect(path)
    for version, script in enumerate(MIGRATIONS[:4], start=1):
        conn.executescript(f"{script}\nPRAGMA user_version = {version};")
    conn.execute(
        "INSERT INTO feeds (id, url, added_at) VALUES (1, 'https://x/f', '2026-01-01T00:00:00Z')"
    )
    for n, when in ((1, "2026-11-20T10:00:00Z"), (2, "2026-11-22T10:00:00Z")):
        conn.execute(
            "INSERT INTO items (id, feed_id, key, title, sort_time, first_seen, updated_at,"
            " content_hash, starred) VALUES (?, 1, ?, 'Kubernetes', ?, ?, ?, 'h', ?)",
            (n, f"k{n}", when, when, when, n == 1),
        )
    conn.execute(
        "INSERT INTO themes (id, name, keywords) VALUES (1, 'Platform', '[\"kubernetes\"]')"
    )
    conn.commit()
    conn.close()
    planner, db = open_folder(tmp_path)
    assert db.schema_version == LATEST_VERSION
    assert planner.inbox.ids() == [2, 1]  # newest first, by date alone
    assert planner.inbox.item(1).starred
    assert not planner.inbox.scores_current()
    planner.inbox.rescore()
    assert planner.inbox.item(1).reason == "Platform: kubernetes (title)"
    planner.close()
