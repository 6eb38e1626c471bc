"""`digwell people ...` as real processes, as the window and scripts run them: the import
preview with --dry-run --json-progress, the import itself, a re-import that adds nobody,
listing, touching, showing, exporting, and a refused file (docs/PEOPLE_IMPORT.md)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.people.import_files import VCARD_4, export_zip, write


def _digwell(data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "app", "people", *argv, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def _json(data: Path, *argv: str):
    out = _digwell(data, *argv)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_the_windows_preview_then_the_import_then_a_re_import(tmp_path):
    data = tmp_path / "data"
    archive = export_zip(tmp_path / "Basic_LinkedInDataExport_11-23-2026.zip")
    preview = _digwell(data, "import", str(archive), "--dry-run", "--json-progress")
    assert preview.returncode == 0, preview.stderr
    events = [json.loads(line) for line in preview.stdout.splitlines()]
    assert events[0] == {"event": "start", "total": 4}
    assert events[-1]["event"] == "done"
    result = events[-1]["result"]
    assert (result["added"], result["dry_run"], result["errors"]) == (4, True, [])
    assert _json(data, "list", "--json") == []  # the preview wrote nothing

    done = _digwell(data, "import", str(archive), "--json-progress", "--keep-emails")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["result"]["added"] == 4

    listed = _json(data, "list", "--json")
    assert sorted(p["name"] for p in listed) == [
        "José García",
        "Mei Chen",
        "Priya Raman",
        "Sam Lee",
    ]
    sam = next(p for p in listed if p["name"] == "Sam Lee")
    assert (sam["company"], sam["last_touch"], sam["overdue"]) == ("Globex", "2021-01-03", True)
    due = [p["name"] for p in _json(data, "list", "--due", "--json")]
    assert due == ["José García", "Sam Lee", "Priya Raman", "Mei Chen"]  # most overdue first

    again = _json(data, "import", str(archive), "--json")
    assert (again["added"], again["updated"], again["skipped"]) == (0, 0, 4)
    cards = _json(data, "import", str(write(tmp_path / "sam.vcf", VCARD_4)), "--json")
    assert (cards["added"], cards["updated"]) == (0, 1)
    assert _json(data, "show", "Sam Lee", "--json")["bluesky"] == "samlee.bsky.social"


def test_touch_show_and_export_with_formulas_neutralised(tmp_path):
    data = tmp_path / "data"
    added = _json(data, "add", "=1+2", "--company", "@Acme", "--circle", "Close", "--json")
    touch = _json(data, "touch", str(added["id"]), "--kind", "credited", "--json")
    shown = _json(data, "show", str(added["id"]), "--json")
    assert [t["id"] for t in shown["touches"]] == [touch["id"]]
    assert shown["last_touch"] == touch["date"] and shown["gives"] == 1
    out = _digwell(data, "export", str(tmp_path / "people.csv"))
    assert out.returncode == 0, out.stderr
    (row,) = csv.DictReader((tmp_path / "people.csv").read_text(encoding="utf-8-sig").splitlines())
    assert (row["name"], row["company"], row["circle"]) == ("'=1+2", "'@Acme", "Close")


def test_a_refused_file_exits_non_zero_with_one_message_and_changes_nothing(tmp_path):
    data = tmp_path / "data"
    path = tmp_path / "Connections.csv"
    path.write_bytes("Vorname;Nachname\nAda;Byrön\n".encode("latin-1"))
    out = _digwell(data, "import", str(path), "--json")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("digwell: Connections.csv is not UTF-8 text")
    assert _json(data, "list", "--json") == []
