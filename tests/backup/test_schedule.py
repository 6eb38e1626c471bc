"""Automatic weekly backups: when one is due, where it goes, and how many are kept."""

from __future__ import annotations

import os
import zipfile
from datetime import datetime, timedelta, timezone

import pytest

from app.backup.schedule import (
    AutoBackupSettings,
    backup_due,
    backups_folder,
    last_backup,
    list_backups,
    prune_backups,
)
from app.errors import DigwellError
from tests.conftest import BERLIN, NOW

WEEK = timedelta(days=7)


@pytest.mark.parametrize(
    ("last", "due"),
    [
        (None, True),
        (NOW - timedelta(days=6, hours=23), False),
        (NOW - WEEK, True),
        (NOW - timedelta(days=30), True),
        (NOW + timedelta(hours=1), False),  # a clock a little off
        (NOW + timedelta(days=8), True),  # made under a clock set far ahead
    ],
)
def test_a_backup_is_due_a_week_after_the_last(last, due):
    assert backup_due(last, NOW) is due


def test_a_backup_is_due_after_another_interval():
    assert backup_due(NOW - timedelta(days=2), NOW, every=timedelta(days=1))
    assert not backup_due(NOW - timedelta(hours=2), NOW, every=timedelta(days=1))


def test_the_first_automatic_backup_is_made_in_the_data_folder(planner, data_dir):
    path = planner.backups.run_auto()
    assert path == data_dir / "backups" / "digwell-2026-11-23.zip"  # Berlin's date
    assert backups_folder(data_dir) == path.parent
    assert zipfile.is_zipfile(path)
    assert planner.backups.run_auto() is None  # not due again yet
    assert [b.path for b in list_backups(path.parent, BERLIN)] == [path]
    assert last_backup(path.parent, BERLIN) == NOW


def test_the_next_is_made_a_week_later(planner, data_dir, clock):
    first = planner.backups.run_auto()
    clock.advance(timedelta(days=6, hours=23))
    assert planner.backups.run_auto() is None
    assert planner.backups.next_auto() == NOW + WEEK
    clock.advance(timedelta(hours=1))
    assert planner.backups.next_auto() == clock.now()
    second = planner.backups.run_auto()
    assert second == data_dir / "backups" / "digwell-2026-11-30.zip"
    assert [b.path for b in list_backups(second.parent, BERLIN)] == [second, first]


def test_when_the_last_was_made_comes_from_its_manifest_not_its_file_time(planner, data_dir, clock):
    path = planner.backups.run_auto()
    old = (NOW - timedelta(days=60)).timestamp()
    os.utime(path, (old, old))  # e.g. the folder was copied
    clock.advance(timedelta(days=3))
    assert planner.backups.run_auto() is None


def test_a_backup_without_a_readable_manifest_counts_from_its_name(planner, data_dir, clock):
    folder = backups_folder(data_dir)
    folder.mkdir()
    (folder / "digwell-2026-11-20.zip").write_bytes(b"damaged")
    assert last_backup(folder, BERLIN) == datetime(2026, 11, 20, tzinfo=BERLIN)
    assert planner.backups.run_auto() is None  # 3 days ago
    clock.advance(timedelta(days=4))
    assert planner.backups.run_auto() is not None


def _fake_backups(folder, days):
    folder.mkdir(parents=True, exist_ok=True)
    for day in days:
        (folder / f"digwell-2026-{day}.zip").write_bytes(b"old")


def test_pruning_keeps_the_newest_and_nothing_else_is_touched(tmp_path):
    folder = tmp_path / "backups"
    days = ["01-05", "01-12", "02-02", "03-30", "10-01", "11-02", "11-09"]
    _fake_backups(folder, days)
    for other in ("notes.txt", "digwell-backup.zip", "digwell-2026-13-45.zip"):
        (folder / other).write_bytes(b"mine")
    removed = prune_backups(folder, 3, BERLIN)
    assert sorted(p.name for p in removed) == [f"digwell-2026-{d}.zip" for d in days[:4]]
    assert sorted(p.name for p in folder.iterdir()) == [
        "digwell-2026-10-01.zip",
        "digwell-2026-11-02.zip",
        "digwell-2026-11-09.zip",
        "digwell-2026-13-45.zip",
        "digwell-backup.zip",
        "notes.txt",
    ]


def test_an_automatic_backup_prunes_to_the_newest_n(planner, data_dir):
    folder = backups_folder(data_dir)
    _fake_backups(folder, ["09-07", "09-14", "09-21", "09-28", "10-05"])
    path = planner.backups.run_auto(keep=3)
    assert sorted(p.name for p in folder.iterdir()) == [
        "digwell-2026-09-28.zip",
        "digwell-2026-10-05.zip",
        path.name,
    ]


def test_settings_turn_it_off_and_choose_how_many_to_keep(planner, data_dir):
    assert planner.backups.settings() == AutoBackupSettings(enabled=True, keep=8)
    planner.backups.set_auto(enabled=False)
    assert planner.backups.settings() == AutoBackupSettings(enabled=False, keep=8)
    assert planner.backups.run_auto() is None
    assert planner.backups.next_auto() is None
    assert not backups_folder(data_dir).exists()

    planner.backups.set_auto(enabled=True, keep=2)
    _fake_backups(backups_folder(data_dir), ["10-05", "10-12", "10-19"])
    planner.backups.run_auto()
    assert len(list(backups_folder(data_dir).iterdir())) == 2


@pytest.mark.parametrize("keep", [0, 101, -1])
def test_keeping_too_few_or_too_many_is_refused(planner, keep):
    with pytest.raises(DigwellError, match=f"{keep} backups cannot be kept"):
        planner.backups.set_auto(enabled=True, keep=keep)
    assert planner.backups.settings().keep == 8


def test_a_made_at_in_utc_and_in_the_users_zone_agree(planner, data_dir):
    path = planner.backups.run_auto()
    (made,) = list_backups(path.parent, BERLIN)
    assert made.made_at == NOW
    assert made.made_at.astimezone(timezone.utc) == NOW


def test_auto_backup_runs_in_a_worker_thread(planner, data_dir):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        path = pool.submit(planner.backups.run_auto).result()
    assert path is not None and path.exists()
