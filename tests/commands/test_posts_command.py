"""`digwell posts`: add, list, edit, delete and import logged posts."""

import argparse
import json
from pathlib import Path

import pytest

from app.commands import posts as posts_command
from app.store.themes import save_theme
from app.types import Theme
from tests.commands.command_support import parser_for, run_command
from tests.conftest import NOW

KEYS = {"id", "date", "time", "posted_at", "platform", "kind", "theme", "url", "text", "draft_id"}


def _run(planner, capsys, *argv):
    """Run `digwell posts ARGV` on the planner (tests/commands/command_support.py)."""
    return run_command(posts_command, planner, capsys, "posts", *argv)


@pytest.fixture
def themed(db, planner):
    with db.transaction() as conn:
        save_theme(conn, Theme(0, "Platform engineering"), 0)
    return planner


def test_add_prints_what_was_logged(themed, capsys):
    code, out, _ = _run(
        themed,
        capsys,
        "add",
        "--date",
        "2026-11-20",
        "--platform",
        "LinkedIn",
        "--kind",
        "share",
        "--theme",
        "platform engineering",
    )
    assert code == 0
    assert out == "Logged post 1: 2026-11-20 12:00, LinkedIn, share (Platform engineering).\n"
    code, out, _ = _run(themed, capsys, "add", "--date", "2026-11-21", "--platform", "twitter")
    assert out == "Logged post 2: 2026-11-21 12:00, X, share.\n"


def test_add_and_list_json_round_trip(themed, capsys):
    code, out, _ = _run(
        themed,
        capsys,
        "add",
        "--date",
        "2026-11-20",
        "--time",
        "08:15",
        "--platform",
        "x",
        "--kind",
        "original",
        "--theme",
        "Platform engineering",
        "--url",
        "https://x.com/me/status/1",
        "--text",
        "Golden paths, again",
        "--json",
    )
    assert code == 0
    added = json.loads(out)
    assert added == {
        "id": 1,
        "date": "2026-11-20",
        "time": "08:15",
        "posted_at": "2026-11-20T08:15:00+01:00",
        "platform": "x",
        "kind": "original",
        "theme": "Platform engineering",
        "url": "https://x.com/me/status/1",
        "text": "Golden paths, again",
        "draft_id": None,
    }
    _run(themed, capsys, "add", "--date", "2026-11-22", "--platform", "bluesky")
    code, out, _ = _run(themed, capsys, "list", "--json")
    listed = json.loads(out)
    assert code == 0 and [p["id"] for p in listed] == [2, 1]
    assert all(set(p) == KEYS for p in listed)
    assert listed[1] == added
    _, out, _ = _run(themed, capsys, "list", "--json", "--limit", "1")
    assert [p["id"] for p in json.loads(out)] == [2]


def test_list_text_is_aligned_columns(themed, capsys):
    _run(
        themed,
        capsys,
        "add",
        "--date",
        "2026-11-20",
        "--time",
        "08:15",
        "--platform",
        "linkedin",
        "--theme",
        "Platform engineering",
        "--url",
        "https://example.org/p",
    )
    _run(themed, capsys, "add", "--date", "2026-11-22", "--platform", "x", "--kind", "help")
    code, out, _ = _run(themed, capsys, "list")
    assert code == 0
    assert out.splitlines() == [
        "ID  WHEN              PLATFORM  KIND   THEME                 URL",
        "2   2026-11-22 12:00  X         help   -                     -",
        "1   2026-11-20 08:15  LinkedIn  share  Platform engineering  https://example.org/p",
    ]


def test_list_when_empty_says_what_to_do(planner, capsys):
    code, out, _ = _run(planner, capsys, "list")
    assert code == 0 and out.startswith("No posts logged yet.")
    assert "digwell posts add" in out and "digwell posts import FILE.csv" in out
    _, out, _ = _run(planner, capsys, "list", "--json")
    assert json.loads(out) == []


def test_add_errors_are_clear(themed, capsys):
    base = ["add", "--date", "2026-11-20", "--platform", "linkedin"]
    code, _, err = _run(themed, capsys, *base, "--theme", "Cooking")
    assert code == 2
    assert err == (
        "digwell: There is no theme named 'Cooking'. "
        "Your themes: Platform engineering. Or leave the theme empty.\n"
    )
    _, _, err = _run(themed, capsys, "add", "--date", "2026-11-24", "--platform", "x")
    assert "2026-11-24 12:00 is in the future." in err
    _, _, err = _run(themed, capsys, *base, "--url", "javascript:alert(1)")
    assert "'javascript:alert(1)' is not a web address." in err
    with pytest.raises(SystemExit):
        parser_for(posts_command).parse_args(["posts", "add", "--platform", "x"])  # no --date
    with pytest.raises(SystemExit):
        parser_for(posts_command).parse_args(["posts", "list", "--limit", "0"])
    capsys.readouterr()


def test_edit_changes_only_what_is_given(themed, capsys):
    _run(
        themed,
        capsys,
        "add",
        "--date",
        "2026-11-20",
        "--time",
        "08:15",
        "--platform",
        "linkedin",
        "--theme",
        "Platform engineering",
        "--text",
        "Hello",
    )
    code, out, _ = _run(themed, capsys, "edit", "1", "--date", "2026-11-18", "--kind", "credit")
    assert code == 0
    assert out == "Updated post 1: 2026-11-18 08:15, LinkedIn, credit (Platform engineering).\n"
    code, out, _ = _run(themed, capsys, "edit", "1", "--theme", "", "--json")
    edited = json.loads(out)
    assert edited["theme"] == "" and edited["text"] == "Hello" and edited["date"] == "2026-11-18"
    code, _, err = _run(themed, capsys, "edit", "1")
    assert code == 2 and "Nothing to change in post 1." in err
    code, _, err = _run(themed, capsys, "edit", "7", "--text", "x")
    assert code == 2 and "There is no post 7." in err


def test_delete(themed, capsys):
    _run(themed, capsys, "add", "--date", "2026-11-20", "--platform", "mastodon")
    code, out, _ = _run(themed, capsys, "delete", "1")
    assert code == 0 and out == "Deleted post 1 (2026-11-20 12:00, Mastodon, share).\n"
    code, _, err = _run(themed, capsys, "delete", "1")
    assert code == 2 and err.startswith("digwell: There is no post 1.")


def test_import_reports_added_and_skipped(themed, capsys, tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text(
        "date,platform,theme\n2026-11-20,linkedin,Platform engineering\n2026-11-21,x,\n",
        encoding="utf-8",
    )
    code, out, _ = _run(themed, capsys, "import", str(path))
    assert code == 0 and out == "Imported 2 posts.\n"
    _run(themed, capsys, "delete", "2")
    code, out, _ = _run(themed, capsys, "import", str(path), "--json")
    assert json.loads(out) == {"added": 1, "skipped": 1, "errors": []}
    code, out, _ = _run(themed, capsys, "import", str(path))
    assert out == "Imported 0 posts (2 already in the log).\n"


def test_import_with_bad_rows_lists_them_on_stderr_and_exits_2(themed, capsys, tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text(
        "date,platform\n2026-11-20,linkedin\n2026-13-01,linkedin\n2026-11-21,myspace\n",
        encoding="utf-8",
    )
    code, out, err = _run(themed, capsys, "import", str(path))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "digwell: Nothing was imported from posts.csv: 2 rows have problems. "
        "Fix them, then import the file again.",
        "  line 3: '2026-13-01' is not a date (YYYY-MM-DD)",
        "  line 4: 'myspace' is not a platform Digwell knows",
    ]
    _, out, _ = _run(themed, capsys, "list", "--json")
    assert json.loads(out) == []


def test_folder_options_work_after_the_subcommand(tmp_path):
    args = parser_for(posts_command).parse_args(["posts", "list", "--data-dir", str(tmp_path)])
    assert args.data_dir == tmp_path and args.run is posts_command.run_list
    args = parser_for(posts_command).parse_args(
        ["--data-dir", str(tmp_path), "posts", "delete", "3"]
    )
    assert args.data_dir == tmp_path and args.id == 3


def test_through_digwell_itself_once_registered(tmp_path, capsys, monkeypatch):
    from app.cli import main
    from app.clock import NOW_ENV
    from app.commands.parser import build_parser

    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    if "posts" not in commands.choices:
        pytest.skip("`posts` is not registered in app/cli.py yet")
    monkeypatch.setenv(NOW_ENV, NOW.isoformat())
    data = ["--data-dir", str(Path(tmp_path))]
    assert (
        main(
            [
                "posts",
                "add",
                "--date",
                "2026-11-02",
                "--time",
                "09:00",
                "--platform",
                "linkedin",
                "--kind",
                "share",
                *data,
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["posts", "list", "--json", *data]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(p["date"], p["time"], p["platform"]) for p in listed] == [
        ("2026-11-02", "09:00", "linkedin")
    ]
    assert main(["posts", "delete", "99", *data]) == 2
    assert "There is no post 99." in capsys.readouterr().err


def test_the_help_names_every_platform_the_log_takes():
    from app.cadence.post_fields import PLATFORM_KEYS
    from app.commands.posts import PLATFORM_CHOICES

    assert ", ".join(PLATFORM_KEYS) == PLATFORM_CHOICES
