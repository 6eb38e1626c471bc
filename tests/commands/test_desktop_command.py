"""`digwell desktop install` / `uninstall` (docs/DESKTOP.md): into a temporary XDG data
folder, never the user's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from app.commands import desktop
from app.desktop.layout import DESKTOP_FILE, desktop_files
from tests.commands.command_support import parser_for


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    args = parser_for(desktop).parse_args(["desktop", *argv])
    code = args.run_on_folder(Path("unused"), args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_install_then_uninstall_as_json(tmp_path, capsys):
    share = tmp_path / "share"
    code, out, _ = _run(capsys, "install", "--data-home", str(share), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["data_home"] == str(share)
    assert len(report["files"]) == len(desktop_files())
    assert all(Path(f).is_file() for f in report["files"])
    entry = (share / "applications" / DESKTOP_FILE).read_text(encoding="utf-8")
    assert f"Exec={report['command']}\n" in entry
    code, out, _ = _run(capsys, "uninstall", "--data-home", str(share), "--json")
    assert code == 0
    assert sorted(json.loads(out)["files"]) == sorted(report["files"])
    assert not any(p.is_file() for p in share.rglob("*") if "Digwell" in p.name)


def test_install_in_words_lists_the_files_and_the_command(tmp_path, capsys):
    code, out, _ = _run(capsys, "install", "--data-home", str(tmp_path))
    assert code == 0
    assert out.startswith(f"Added Digwell to the menu: {len(desktop_files())} files under ")
    assert "  applications/io.github.digwell.Digwell.desktop\n" in out
    assert "The menu entry runs: " in out
    code, out, _ = _run(capsys, "uninstall", "--data-home", str(tmp_path / "empty"))
    assert out.startswith("Nothing to remove")


def test_without_data_home_it_uses_xdg_data_home(capsys, _sandboxed_home):
    code, out, _ = _run(capsys, "install", "--json")
    assert code == 0
    # tests/conftest.py points XDG_DATA_HOME into the sandboxed home.
    assert json.loads(out)["data_home"] == str(_sandboxed_home / "share")


def test_the_menu_runs_this_digwell_by_its_full_path(tmp_path):
    script = tmp_path / "bin" / "digwell"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    assert desktop.launch_command(str(script), "/usr/bin/python3") == [str(script)]
    # `python -m app`: this Python, by its full path.
    assert desktop.launch_command("/src/app/__main__.py", "/venv/bin/python") == [
        "/venv/bin/python",
        "-m",
        "app",
    ]


def test_the_whole_command_line(tmp_path):
    share = tmp_path / "share"
    result = subprocess.run(
        [sys.executable, "-m", "app", "desktop", "install", "--data-home", str(share)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (share / "applications" / DESKTOP_FILE).is_file()
    entry = (share / "applications" / DESKTOP_FILE).read_text(encoding="utf-8")
    assert f"Exec={sys.executable} -m app\n" in entry or f'Exec="{sys.executable}"' in entry
    assert f"Exec={sys.executable} -m app --new-post\n" in entry or " --new-post" in entry
    a_file = tmp_path / "a-file"
    a_file.write_text("", encoding="utf-8")
    bad = subprocess.run(
        [sys.executable, "-m", "app", "desktop", "install", "--data-home", str(a_file)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2
    assert bad.stderr == f"digwell: {a_file} is a file, not a folder. Choose a folder.\n"
    assert a_file.read_text(encoding="utf-8") == ""
