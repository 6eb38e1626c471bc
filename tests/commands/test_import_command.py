"""`digwell import FILE`: the JSON keys scripts rely on, the dry run that writes nothing,
a re-import that adds nothing, problems listed with where they were found, progress as
JSON lines, and refused files (app/commands/history_import.py, docs/HISTORY.md). The
clock stands at Monday 23 November 2026 (tests/conftest.py)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from app.commands import history_import
from tests.commands.command_support import run_command
from tests.history.export_files import linkedin_zip, tweet, x_archive_zip

KEYS = {
    "platform", "posts_added", "posts_skipped", "engagement_added", "people_added",
    "first", "last", "errors", "preview", "dry_run",
}  # fmt: skip
PREVIEW_KEYS = {"by_platform", "by_kind", "by_year", "score", "streak", "score_now", "streak_now"}


def _run(planner, capsys, *argv):
    """Run `digwell import ARGV` on the planner (tests/commands/command_support.py)."""
    return run_command(history_import, planner, capsys, "import", *argv)


def _json(planner, capsys, *argv):
    code, out, err = _run(planner, capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_the_command_is_registered_with_its_options():
    from app.commands.parser import build_parser

    args = build_parser().parse_args(["import", "a.zip", "--platform", "x", "--dry-run"])
    assert (args.platform, args.dry_run, args.json, args.json_progress) == ("x", True, False, False)
    assert build_parser().parse_args(["import", "a.zip"]).platform == "auto"


def test_a_dry_run_then_the_import_then_a_re_import(planner, capsys, tmp_path):
    export = linkedin_zip(tmp_path / "Basic_LinkedInDataExport.zip")
    dry = _json(planner, capsys, str(export), "--dry-run")
    assert set(dry) == KEYS and set(dry["preview"]) == PREVIEW_KEYS
    assert (dry["platform"], dry["posts_added"], dry["posts_skipped"]) == ("linkedin", 4, 0)
    assert (dry["engagement_added"], dry["people_added"], dry["dry_run"]) == (2, 1, True)
    assert (dry["first"], dry["last"], dry["errors"]) == ("2024-03-05", "2024-04-20", [])
    preview = dry["preview"]
    assert preview["by_platform"] == {"linkedin": 4}
    assert preview["by_kind"] == {"original": 2, "share": 2}
    assert preview["by_year"] == {"2024": 4}
    assert (preview["score_now"], preview["streak_now"]) == (0, {"current": 0, "longest": 0})
    # Nothing was written.
    assert planner.cadence.posts() == [] and planner.people.count() == 0
    assert planner.history.per_source() == {}

    done = _json(planner, capsys, str(export))
    assert {k: v for k, v in done.items() if k != "dry_run"} == {
        k: v for k, v in dry.items() if k != "dry_run"
    }
    assert done["dry_run"] is False
    assert len(planner.cadence.posts()) == 4 and planner.people.count() == 1
    assert planner.history.per_source() == {"linkedin-export": (4, 2)}

    again = _json(planner, capsys, str(export))
    assert (again["posts_added"], again["posts_skipped"]) == (0, 4)
    assert (again["engagement_added"], again["people_added"]) == (0, 0)
    assert again["first"] is None and again["preview"]["by_kind"] == {}
    assert again["preview"]["score"] == again["preview"]["score_now"]
    assert len(planner.cadence.posts()) == 4


def test_the_text_output_and_problems_with_where_they_were_found(planner, capsys, tmp_path):
    at = datetime(2025, 5, 6, 7, 8, tzinfo=timezone.utc)
    later = datetime(2027, 1, 1, tzinfo=timezone.utc)  # after the clock's now
    archive = x_archive_zip(
        tmp_path / "twitter.zip",
        tweets=[
            tweet("1060000000000000001", "A thought of mine", at),
            tweet("1060000000000000002", "From the future", later),
        ],
    )
    code, out, err = _run(planner, capsys, str(archive))
    assert code == 0
    assert out.splitlines()[0] == (
        "twitter.zip (X): 1 post added, 0 already in Digwell, "
        "0 comments and replies counted (6 May 2025 to 6 May 2025)."
    )
    assert out.splitlines()[1].startswith("Score today: 0% -> ")
    assert err.startswith("post 1060000000000000002: It is dated 1 Jan 2027, 01:00")
    code, out, _ = _run(planner, capsys, str(archive), "--dry-run")
    assert "0 posts would be added, 1 already in Digwell" in out
    assert out.splitlines()[-1] == "Nothing was written (--dry-run)."


def test_json_progress_prints_json_lines_ending_with_the_result(planner, capsys, tmp_path):
    archive = x_archive_zip(tmp_path / "twitter.zip", 3000)
    code, out, _ = _run(planner, capsys, str(archive), "--json-progress")
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert events[0] == {"event": "start", "total": 1000}
    progress = [e for e in events if e["event"] == "progress"]
    done = [e["done"] for e in progress]
    assert len(progress) > 3 and all(e["total"] == 1000 for e in progress)
    assert done == sorted(done) and done[-1] == 1000
    assert any(0 < d < 500 for d in done) and any(500 < d < 1000 for d in done)
    result = events[-1]["result"]
    assert events[-1]["event"] == "done" and set(result) == KEYS
    assert result["posts_added"] == len(planner.cadence.posts()) > 2000
    assert result["engagement_added"] > 200  # replies to others are not posts
    assert result["preview"]["by_kind"].keys() <= {"share", "original", "credit"}


def test_a_refused_file_exits_2_and_writes_nothing(planner, capsys, tmp_path):
    path = tmp_path / "archive.zip"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    code, _, err = _run(planner, capsys, str(path), "--json-progress")
    assert code == 2 and err.startswith("digwell: ")
    assert err.strip().splitlines()[-1].startswith("digwell: ")
    assert planner.cadence.posts() == []


def test_a_platform_that_is_not_the_files_is_refused(planner, capsys, tmp_path):
    export = linkedin_zip(tmp_path / "export.zip")
    code, out, err = _run(planner, capsys, str(export), "--platform", "x", "--json")
    assert code == 2 and out == ""
    assert err.startswith("digwell: export.zip is LinkedIn's export, not X's.")
    assert planner.cadence.posts() == [] and planner.people.count() == 0
