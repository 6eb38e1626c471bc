"""`digwell backup --to FILE` and `digwell restore FILE`, each with --data-dir."""

from __future__ import annotations

import json
import zipfile

import pytest

from app.cli import main
from app.planner import Planner
from tests.conftest import NOW


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    monkeypatch.setenv("DIGWELL_NOW", NOW.isoformat())


def _posts(folder) -> int:
    planner = Planner.open(folder)
    try:
        return len(planner.cadence.posts())
    finally:
        planner.close()


def _people(folder) -> int:
    planner = Planner.open(folder)
    try:
        return planner.people.count()
    finally:
        planner.close()


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def demo_folder(tmp_path, capsys):
    """A data folder holding the demo: its path."""
    folder = tmp_path / "data"
    assert _run(capsys, "--data-dir", folder, "--demo", "inbox", "--limit", "1")[0] == 0
    return folder


def test_backup_writes_the_file_and_says_what_it_holds(capsys, demo_folder, tmp_path):
    target = tmp_path / "b.zip"
    code, out, err = _run(capsys, "backup", "--to", target, "--data-dir", demo_folder)
    assert (code, err) == (0, "")
    size = target.stat().st_size
    assert out == (
        f"Wrote a backup to {target} ({size / 1000:.1f} kB): 5 feeds, 3 themes, 100 items, "
        f"0 drafts, {_posts(demo_folder)} posts, {_people(demo_folder)} people, 0 templates.\n"
    )
    assert zipfile.is_zipfile(target)


def test_backup_json(capsys, demo_folder, tmp_path):
    target = tmp_path / "b.zip"
    code, out, _ = _run(capsys, "--data-dir", demo_folder, "backup", "--to", target, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["path"] == str(target)
    assert data["size"] == target.stat().st_size
    assert data["created_at"] == "2026-11-23T09:00:00+00:00"
    assert data["counts"]["posts"] == _posts(demo_folder)
    assert data["schema_version"] >= 6


def test_restore_into_a_new_folder_then_refuses_to_restore_over_it(capsys, demo_folder, tmp_path):
    target = tmp_path / "b.zip"
    _run(capsys, "backup", "--to", target, "--data-dir", demo_folder)
    new = tmp_path / "new"
    code, out, err = _run(capsys, "restore", target, "--data-dir", new)
    assert (code, err) == (0, "")
    assert out.startswith(f"Restored the backup of 23 Nov 2026, 09:00 (Digwell 0.1.0) into {new}:")
    assert "100 items" in out
    planner = Planner.open(new)
    try:
        assert planner.inbox.item_count() == 100
        assert len(planner.cadence.posts()) == _posts(demo_folder)
    finally:
        planner.close()

    code, out, err = _run(capsys, "restore", target, "--data-dir", new)
    assert code == 2
    assert out == ""
    assert err.startswith(f"digwell: The folder {new} already holds a Digwell database")
    assert "--data-dir NEW_FOLDER" in err


def test_restore_json(capsys, demo_folder, tmp_path):
    target = tmp_path / "b.zip"
    _run(capsys, "backup", "--to", target, "--data-dir", demo_folder)
    code, out, _ = _run(capsys, "--data-dir", tmp_path / "new", "restore", target, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["data_dir"] == str(tmp_path / "new")
    assert data["schema_from"] == data["schema_to"]
    assert data["counts"]["items"] == 100
    assert data["feeds_to_sign_in"] == []
    assert data["templates_skipped"] == []


def test_restore_names_private_feeds_to_sign_in_to_again(
    capsys, demo_folder, tmp_path, memory_keyring
):
    from app.credentials import FeedSecret

    planner = Planner.open(demo_folder)
    try:
        planner.feeds.subscribe(
            "https://private.example/feed",
            title="Team wiki",
            secret=FeedSecret("bearer", "", "tok"),
        )
    finally:
        planner.close()
    target = tmp_path / "b.zip"
    _run(capsys, "backup", "--to", target, "--data-dir", demo_folder)
    memory_keyring.store.clear()
    code, out, _ = _run(capsys, "restore", target, "--data-dir", tmp_path / "new")
    assert code == 0
    assert "Sign in again to these private feeds" in out
    assert "    Team wiki (https://private.example/feed)\n" in out


def test_restore_of_a_file_that_is_not_a_backup(capsys, tmp_path):
    bogus = tmp_path / "b.zip"
    bogus.write_text("hello")
    code, _, err = _run(capsys, "restore", bogus, "--data-dir", tmp_path / "new")
    assert code == 2
    assert err == (
        "digwell: b.zip is not a Digwell backup: it is not a zip archive. Choose a file that "
        "`digwell backup` or Digwell's Back up now… wrote.\n"
    )


def test_backup_to_a_missing_folder(capsys, demo_folder, tmp_path):
    code, _, err = _run(
        capsys, "backup", "--to", tmp_path / "no" / "b.zip", "--data-dir", demo_folder
    )
    assert code == 2
    assert f"The folder {tmp_path / 'no'} does not exist" in err


def test_backup_needs_to_or_auto(capsys, demo_folder):
    with pytest.raises(SystemExit) as caught:
        main(["backup", "--data-dir", str(demo_folder)])
    assert caught.value.code == 2
    assert "one of the arguments --to --auto is required" in capsys.readouterr().err


def test_backup_auto_makes_the_weekly_backup_once(capsys, demo_folder):
    code, out, _ = _run(capsys, "backup", "--auto", "--data-dir", demo_folder)
    path = demo_folder / "backups" / "digwell-2026-11-23.zip"
    assert code == 0
    assert out == f"Wrote this week's backup to {path} (the newest 8 are kept).\n"
    assert path.exists()
    code, out, _ = _run(capsys, "backup", "--auto", "--data-dir", demo_folder)
    assert out == "No backup due: the next is due on 30 Nov 2026.\n"
    code, out, _ = _run(capsys, "backup", "--auto", "--json", "--data-dir", demo_folder)
    assert json.loads(out) == {
        "enabled": True,
        "keep": 8,
        "path": None,
        "next": "2026-11-30T09:00:00+00:00",
    }
