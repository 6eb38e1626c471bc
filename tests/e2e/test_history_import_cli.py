"""`digwell import` as real processes, as the window and scripts run them (docs/HISTORY.md):
a new user's cadence, "not started", becomes their real score and streak years back once
a LinkedIn export and an X archive are imported; the window's preview (--dry-run
--json-progress) writes nothing; a re-import adds nothing; a refused file exits 2 with
its reason as the last line on stderr and changes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.history.export_files import linkedin_zip, x_archive_zip

NOW = "2026-11-23T10:00:00+01:00"


def _digwell(data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DIGWELL_NOW=NOW, TZ="Europe/Berlin")
    return subprocess.run(
        [sys.executable, "-m", "app", *argv, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def _json(data: Path, *argv: str):
    out = _digwell(data, *argv, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_imports_turn_not_started_into_the_real_history(tmp_path):
    data = tmp_path / "data"
    before = _json(data, "cadence")
    assert (before["posts_total"], before["score"], before["streak_weeks"]) == (0, 0, 0)

    export = linkedin_zip(tmp_path / "Basic_LinkedInDataExport_11-23-2026.zip")
    archive = x_archive_zip(tmp_path / "twitter-2026-11-23.zip", 1500)
    preview = _digwell(data, "import", str(archive), "--dry-run", "--json-progress")
    assert preview.returncode == 0, preview.stderr
    events = [json.loads(line) for line in preview.stdout.splitlines()]
    assert events[0] == {"event": "start", "total": 1000}
    assert events[-1]["event"] == "done" and events[-1]["result"]["dry_run"] is True
    assert _json(data, "cadence")["posts_total"] == 0  # the preview wrote nothing

    linkedin = _json(data, "import", str(export))
    assert (linkedin["posts_added"], linkedin["people_added"]) == (4, 1)
    x = _json(data, "import", str(archive), "--platform", "x")
    assert x["posts_added"] == events[-1]["result"]["posts_added"] > 1000
    assert x["first"] == "2016-11-01"

    after = _json(data, "cadence")
    assert after["posts_total"] == linkedin["posts_added"] + x["posts_added"]
    assert after["score"] == x["preview"]["score"] > 0
    assert after["streak_weeks"] == x["preview"]["streak"]["current"]
    assert after["longest_streak_weeks"] == x["preview"]["streak"]["longest"] > 0
    mix = after["mix"]
    assert mix["share"]["posts"] + mix["original"]["posts"] + mix["credit"]["posts"] > 0

    again = _json(data, "import", str(archive))
    assert (again["posts_added"], again["posts_skipped"]) == (0, x["posts_added"])
    assert _json(data, "cadence")["posts_total"] == after["posts_total"]


def test_a_refused_file_exits_2_with_its_reason_last_and_changes_nothing(tmp_path):
    data = tmp_path / "data"
    _json(data, "import", str(linkedin_zip(tmp_path / "export.zip")))
    bad = tmp_path / "tweets.zip"
    bad.write_bytes(b"PK\x03\x04" + b"\0" * 64)
    for options in ((), ("--json-progress",), ("--dry-run", "--json")):
        out = _digwell(data, "import", str(bad), *options)
        assert out.returncode == 2
        assert out.stderr.strip().splitlines()[-1].startswith("digwell: ")
        assert "Traceback" not in out.stderr
    assert _json(data, "cadence")["posts_total"] == 4
