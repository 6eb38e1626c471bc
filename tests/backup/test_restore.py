"""Restoring: everything comes back equal into an empty folder; anything doubtful is
refused with a reason, and nothing is written."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest

from app.backup import layout
from app.backup.restore import FeedToSignIn, backup_info, check_restore_target, restore_backup
from app.errors import DigwellError
from app.paths import DB_FILENAME, user_config_dir
from app.planner import Planner
from app.store.migrations import LATEST_VERSION
from tests.backup.conftest import (
    PRIVATE_FEED,
    USER_TEMPLATES,
    all_rows,
    database_at_version,
    folder_listing,
    read_templates,
    rewrite,
    write_templates,
)
from tests.conftest import NOW, open_folder


@pytest.fixture
def backup(rich_planner, tmp_path):
    """A backup of the rich data folder: its path."""
    path = tmp_path / "backup.zip"
    rich_planner.backups.back_up(path)
    return path


def test_a_round_trip_restores_everything_equal(rich_planner, backup, tmp_path, clock):
    new_data, new_config = tmp_path / "new" / "data", tmp_path / "new" / "config"
    report = restore_backup(backup, new_data, new_config)

    assert all_rows(report.database) == all_rows(rich_planner.data_dir / DB_FILENAME)
    assert read_templates(new_config / "templates") == USER_TEMPLATES
    assert report.templates_restored == tuple(sorted(USER_TEMPLATES))
    assert report.templates_skipped == ()
    assert report.database == new_data / "digwell.sqlite3"
    assert (report.schema_from, report.schema_to, report.migrated) == (
        LATEST_VERSION,
        LATEST_VERSION,
        False,
    )
    assert report.backup_created_at == NOW
    assert report.counts == json.loads(zipfile.ZipFile(backup).read("manifest.json"))["counts"]
    assert report.feeds_to_sign_in == ()  # this keyring still holds the token
    assert sorted(p.name for p in new_data.iterdir()) == ["digwell.sqlite3"]

    restored = Planner.open(new_data, clock=clock)
    try:
        assert restored.strategy.load() == rich_planner.strategy.load()
        assert restored.drafting.platforms.counted() == ["linkedin", "x"]
        assert restored.drafting.platforms.mastodon_instance() == "hachyderm.io"
        assert restored.drafting.drafts() == rich_planner.drafting.drafts()
        assert restored.cadence.posts() == rich_planner.cadence.posts()
        assert restored.feeds.list_feeds() == rich_planner.feeds.list_feeds()
        assert restored.inbox.ids() == rich_planner.inbox.ids()
        _assert_same_people(restored, rich_planner)
    finally:
        restored.close()


def _assert_same_people(restored, original) -> None:
    """People, their touches and circles, the due list and the lift, as they were."""
    theirs, ours = restored.people, original.people
    assert theirs.circles() == ours.circles()
    assert [c.name for c in theirs.circles()] == ["Close", "Colleagues", "Wider", "Mentors"]
    assert theirs.everyone() == ours.everyone()
    assert len(theirs.everyone()) >= 3 and any(p.archived for p in theirs.everyone())
    for person in ours.everyone():
        assert theirs.touches(person.id) == ours.touches(person.id)
        assert theirs.items_by(person.id) == ours.items_by(person.id)
    ines = theirs.find("ines carvalho")
    assert [t.post_url for t in theirs.touches(ines.id) if t.post_id] == [
        "https://www.linkedin.com/posts/alex-1"
    ]
    assert theirs.due() == ours.due() and theirs.due_counts() == ours.due_counts()
    assert theirs.totals() == ours.totals()
    assert theirs.rank_boost() == ours.rank_boost() == 2.0


def test_private_feeds_whose_secret_this_keyring_lacks_are_named(
    rich_planner, backup, tmp_path, memory_keyring
):
    memory_keyring.store.clear()  # another computer: the token stayed behind
    report = restore_backup(backup, tmp_path / "new", tmp_path / "config")
    feed = next(f for f in rich_planner.feeds.list_feeds() if f.url == PRIVATE_FEED)
    assert report.feeds_to_sign_in == (FeedToSignIn(feed.id, "Team wiki", PRIVATE_FEED),)


def test_private_feeds_are_named_when_there_is_no_keyring(backup, tmp_path):
    from app import credentials

    credentials.use_backend(None)  # the tests' "fail" backend: no keyring at all
    report = restore_backup(backup, tmp_path / "new", tmp_path / "config")
    assert [f.url for f in report.feeds_to_sign_in] == [PRIVATE_FEED]


def test_templates_already_there_are_kept_and_reported(backup, tmp_path):
    config = tmp_path / "config"
    write_templates(config / "templates", {"my-share.j2": "mine, newer\n"})
    report = restore_backup(backup, tmp_path / "new", config)
    assert report.templates_skipped == ("my-share.j2",)
    assert report.templates_restored == ("partials/signature.j2",)
    assert read_templates(config / "templates") == {
        "my-share.j2": "mine, newer\n",
        "partials/signature.j2": USER_TEMPLATES["partials/signature.j2"],
    }


def test_the_default_templates_folder_is_the_users(backup, tmp_path):
    folder = user_config_dir() / "templates"
    for path in sorted(folder.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    report = restore_backup(backup, tmp_path / "new")
    assert report.templates_folder == folder
    assert read_templates(folder) == USER_TEMPLATES


def test_an_empty_database_is_replaced(backup, tmp_path, clock):
    Planner.open(tmp_path / "new", clock=clock).close()  # e.g. the window opened it once
    report = restore_backup(backup, tmp_path / "new", tmp_path / "config")
    assert report.counts["items"] == 100
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == ["digwell.sqlite3"]


def test_a_backup_from_an_older_schema_restores_and_migrates(backup, tmp_path):
    old = database_at_version(tmp_path / "old.sqlite3", 4)

    def schema_4(doc):
        doc["schema_version"] = 4

    archive = rewrite(
        backup, tmp_path / "old.zip", replace={"digwell.sqlite3": old}, manifest=schema_4
    )
    report = restore_backup(archive, tmp_path / "new", tmp_path / "config")
    assert (report.schema_from, report.schema_to, report.migrated) == (4, LATEST_VERSION, True)
    planner, db = open_folder(tmp_path / "new")
    try:
        assert db.schema_version == LATEST_VERSION
        assert planner.inbox.ids() == [2, 1]
        assert len(planner.cadence.posts()) == 1
    finally:
        planner.close()


def test_a_backup_from_before_people_restores_with_the_default_circles(backup, tmp_path, clock):
    old = database_at_version(tmp_path / "old.sqlite3", 6)

    def schema_6(doc):
        doc["schema_version"] = 6

    archive = rewrite(
        backup, tmp_path / "old.zip", replace={"digwell.sqlite3": old}, manifest=schema_6
    )
    report = restore_backup(archive, tmp_path / "new", tmp_path / "config")
    assert (report.schema_from, report.schema_to, report.migrated) == (6, LATEST_VERSION, True)
    restored = Planner.open(tmp_path / "new", clock=clock)
    try:
        assert restored.people.count() == 0
        assert [(c.name, c.ideal_days, c.max_days) for c in restored.people.circles()] == [
            ("Close", 30, 45),
            ("Colleagues", 90, 120),
            ("Wider", 180, 365),
        ]
        priya = restored.people.add("Priya Raman", circle="Close")
        restored.people.touch(priya.id, "thanked")
        assert restored.people.get(priya.id).gives == 1
        assert restored.inbox.item_count() == 2
    finally:
        restored.close()


def test_a_folder_holding_only_people_holds_data(backup, tmp_path, clock):
    planner = Planner.open(tmp_path / "people-only", clock=clock)
    planner.people.add("Priya Raman")
    planner.close()
    before = folder_listing(tmp_path / "people-only")
    with pytest.raises(DigwellError, match="already holds"):
        restore_backup(backup, tmp_path / "people-only", tmp_path / "config")
    assert folder_listing(tmp_path / "people-only") == before


def test_backup_info_reads_the_manifest(backup):
    info = backup_info(backup)
    assert info.schema_version == LATEST_VERSION
    assert info.created_at == NOW
    assert info.counts["items"] == 100
    assert set(info.files) >= {"digwell.sqlite3", "posts.json", "templates/my-share.j2"}


# Refusals ------------------------------------------------------------------------------


def _zip_with(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _bigger_schema(doc):
    doc["schema_version"] = LATEST_VERSION + 1


def _newer_format(doc):
    doc["version"] = 2


def _refusals(backup, tmp_path):
    """(archive, expected message) for each way a restore must refuse."""
    db = zipfile.ZipFile(backup).read("digwell.sqlite3")
    newer_db = bytearray(db)
    newer_db[60:64] = (LATEST_VERSION + 1).to_bytes(4, "big")
    flipped = bytearray(db)
    flipped[-10] ^= 0xFF
    not_zip = tmp_path / "notes.zip"
    not_zip.write_bytes(b"just some text, not an archive")
    return {
        "missing": (tmp_path / "nowhere.zip", "There is no file"),
        "not a zip": (not_zip, "notes.zip is not a Digwell backup: it is not a zip archive"),
        "no manifest": (
            _zip_with(tmp_path / "other.zip", {"readme.txt": b"hi"}),
            "other.zip is not a Digwell backup",
        ),
        "another format": (
            _zip_with(tmp_path / "other2.zip", {"manifest.json": b'{"format": "x"}'}),
            "other2.zip is not a Digwell backup",
        ),
        "tampered json": (
            rewrite(
                backup,
                tmp_path / "t1.zip",
                replace={"posts.json": b"[]\n"},
                fix_checksums=False,
                manifest=lambda doc: doc["files"]["posts.json"].update(size=3),
            ),
            "t1.zip is damaged or was altered: posts.json does not match its checksum",
        ),
        "tampered template": (
            rewrite(
                backup,
                tmp_path / "t2.zip",
                replace={"templates/my-share.j2": b"{{ evil }}"},
                fix_checksums=False,
                manifest=lambda doc: doc["files"]["templates/my-share.j2"].update(size=10),
            ),
            "templates/my-share.j2 does not match its checksum",
        ),
        "tampered database": (
            rewrite(
                backup,
                tmp_path / "t3.zip",
                replace={"digwell.sqlite3": bytes(flipped)},
                fix_checksums=False,
            ),
            "t3.zip is damaged or was altered: digwell.sqlite3 does not match its checksum",
        ),
        "size differs": (
            rewrite(
                backup,
                tmp_path / "t4.zip",
                replace={"strategy.json": b"{}"},
                fix_checksums=False,
            ),
            "strategy.json is not the size its manifest says",
        ),
        "unlisted member": (
            rewrite(
                backup,
                tmp_path / "t5.zip",
                replace={"extra.txt": b"hi"},
                manifest=lambda doc: doc["files"].pop("extra.txt"),
            ),
            "extra.txt is not in its manifest",
        ),
        "listed, missing": (
            rewrite(
                backup,
                tmp_path / "t6.zip",
                replace={"drafts.json": None},
                manifest=lambda doc: doc["files"].update(
                    {"drafts.json": {"size": 3, "sha256": "0" * 64}}
                ),
            ),
            "drafts.json is missing",
        ),
        "newer schema": (
            rewrite(
                backup,
                tmp_path / "n1.zip",
                replace={"digwell.sqlite3": bytes(newer_db)},
                manifest=_bigger_schema,
            ),
            f"n1.zip was made by a newer Digwell (0.1.0, database schema {LATEST_VERSION + 1}; "
            f"this one knows schema {LATEST_VERSION}). Nothing was restored.",
        ),
        "newer format": (
            rewrite(backup, tmp_path / "n2.zip", manifest=_newer_format),
            "n2.zip was made by a newer Digwell (0.1.0, backup format 2",
        ),
        "schema not as listed": (
            rewrite(backup, tmp_path / "n3.zip", manifest=_bigger_schema),
            "its database's schema is not the one its manifest says",
        ),
        "parent path": (
            rewrite(backup, tmp_path / "s1.zip", replace={"../evil.j2": b"x"}),
            "s1.zip holds a file that would be written outside its folder ('../evil.j2')",
        ),
        "nested parent path": (
            rewrite(backup, tmp_path / "s2.zip", replace={"templates/../../evil.j2": b"x"}),
            "would be written outside its folder ('templates/../../evil.j2')",
        ),
        "absolute path": (
            rewrite(backup, tmp_path / "s3.zip", replace={"/tmp/evil.j2": b"x"}),
            "would be written outside its folder ('/tmp/evil.j2')",
        ),
        "windows path": (
            rewrite(backup, tmp_path / "s4.zip", replace={"templates\\..\\evil.j2": b"x"}),
            "would be written outside its folder",
        ),
        "drive": (
            rewrite(backup, tmp_path / "s5.zip", replace={"C:/evil.j2": b"x"}),
            "would be written outside its folder ('C:/evil.j2')",
        ),
    }


REFUSALS = [
    "missing",
    "not a zip",
    "no manifest",
    "another format",
    "tampered json",
    "tampered template",
    "tampered database",
    "size differs",
    "unlisted member",
    "listed, missing",
    "newer schema",
    "newer format",
    "schema not as listed",
    "parent path",
    "nested parent path",
    "absolute path",
    "windows path",
    "drive",
]


@pytest.mark.parametrize("case", REFUSALS)
def test_a_doubtful_archive_is_refused_and_nothing_is_written(backup, tmp_path, case):
    archive, message = _refusals(backup, tmp_path)[case]
    target, config = tmp_path / "new", tmp_path / "config"
    with pytest.raises(DigwellError) as caught:
        restore_backup(archive, target, config)
    assert message in str(caught.value)
    assert caught.value.hint
    assert not target.exists()
    assert not config.exists()
    assert not (tmp_path / "evil.j2").exists()


def test_a_folder_holding_data_is_refused_and_left_as_it_was(rich_planner, backup, tmp_path):
    data = rich_planner.data_dir
    before = folder_listing(data)
    with pytest.raises(DigwellError) as caught:
        restore_backup(backup, data, tmp_path / "config")
    assert str(caught.value).startswith(
        f"The folder {data} already holds a Digwell database with your data; a backup is only "
        "restored into an empty folder, so nothing was changed. Restore into a new folder "
        "(digwell restore FILE --data-dir NEW_FOLDER)"
    )
    assert folder_listing(data) == before
    assert not (tmp_path / "config").exists()


def test_a_folder_holding_another_file_of_that_name_is_refused(backup, tmp_path):
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "digwell.sqlite3").write_bytes(b"not a database at all" * 10)
    with pytest.raises(DigwellError, match="that Digwell cannot read"):
        restore_backup(backup, tmp_path / "new", tmp_path / "config")
    assert (tmp_path / "new" / "digwell.sqlite3").read_bytes() == b"not a database at all" * 10


def test_an_empty_database_open_elsewhere_is_refused(backup, tmp_path, clock):
    window = Planner.open(tmp_path / "new", clock=clock)  # empty, but open
    try:
        window.inbox.item_count()
        before = folder_listing(tmp_path / "new")
        with pytest.raises(DigwellError, match="is open in Digwell"):
            restore_backup(backup, tmp_path / "new", tmp_path / "config")
        assert folder_listing(tmp_path / "new") == before
    finally:
        window.close()
    check_restore_target(tmp_path / "new")  # closed: now it may be restored into


def test_too_large_a_member_is_refused(backup, tmp_path, monkeypatch):
    monkeypatch.setattr(layout, "MAX_MEMBER_BYTES", 10_000)
    with pytest.raises(DigwellError) as caught:
        restore_backup(backup, tmp_path / "new", tmp_path / "config")
    assert "backup.zip is too large to restore: posts.json would take" in str(caught.value)
    assert "(the limit is 10.0 kB); nothing was restored." in str(caught.value)
    assert not (tmp_path / "new").exists()


def test_too_large_a_whole_is_refused(backup, tmp_path, monkeypatch):
    monkeypatch.setattr(layout, "MAX_TOTAL_BYTES", 100_000)
    with pytest.raises(DigwellError, match="too large to restore: its files would take"):
        restore_backup(backup, tmp_path / "new", tmp_path / "config")
    assert not (tmp_path / "new").exists()


def test_a_database_that_fails_its_integrity_check_is_refused(backup, tmp_path):
    db = bytearray(zipfile.ZipFile(backup).read("digwell.sqlite3"))
    page = 4096
    db[page * 3 : page * 3 + 200] = b"\xff" * 200  # a damaged page, checksums made to match
    archive = rewrite(backup, tmp_path / "bad.zip", replace={"digwell.sqlite3": bytes(db)})
    with pytest.raises(DigwellError, match=r"The database in bad\.zip failed SQLite.s integrity"):
        restore_backup(archive, tmp_path / "new", tmp_path / "config")
    assert not (tmp_path / "new").exists()
    assert not (tmp_path / "config").exists()


def test_a_failure_after_templates_were_written_takes_them_back(backup, tmp_path, monkeypatch):
    from app.backup import restore

    config = tmp_path / "config"
    write_templates(config / "templates", {"mine.j2": "kept\n"})
    real = restore.check_restore_target
    calls = []

    def second_check_fails(data_dir):
        calls.append(data_dir)
        if len(calls) == 2:
            raise DigwellError("Busy now.", "")
        real(data_dir)

    monkeypatch.setattr(restore, "check_restore_target", second_check_fails)
    with pytest.raises(DigwellError, match="Busy now"):
        restore_backup(backup, tmp_path / "new", config)
    assert read_templates(config / "templates") == {"mine.j2": "kept\n"}
    assert not (config / "templates" / "partials").exists()
    assert not (tmp_path / "new").exists()


def test_a_restored_database_opens_with_integrity(backup, tmp_path):
    report = restore_backup(backup, tmp_path / "new", tmp_path / "config")
    conn = sqlite3.connect(report.database)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


def test_a_refused_restore_into_a_new_nested_folder_leaves_no_folders(backup, tmp_path):
    db = bytearray(zipfile.ZipFile(backup).read("digwell.sqlite3"))
    db[-10] ^= 0xFF
    archive = rewrite(
        backup, tmp_path / "bad.zip", replace={"digwell.sqlite3": bytes(db)}, fix_checksums=False
    )
    with pytest.raises(DigwellError, match="does not match its checksum"):
        restore_backup(archive, tmp_path / "a" / "b" / "data", tmp_path / "c" / "config")
    assert not (tmp_path / "a").exists()
    assert not (tmp_path / "c").exists()


def test_a_template_link_pointing_elsewhere_is_not_followed(backup, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    templates = tmp_path / "config" / "templates"
    templates.mkdir(parents=True)
    (templates / "partials").symlink_to(outside, target_is_directory=True)
    report = restore_backup(backup, tmp_path / "new", tmp_path / "config")
    assert report.templates_skipped == ("partials/signature.j2",)
    assert list(outside.iterdir()) == []
