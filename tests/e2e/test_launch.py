"""The real entry points start the window on demo data, in their own process."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.ui.app import EXIT_ON_PAINT_ENV, PAINTED_MARKER


def _launch(cmd: list[str], home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DIGWELL_HOME=str(home))
    env[EXIT_ON_PAINT_ENV] = "1"
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=env)


def _digwell_script() -> Path:
    script = Path(sys.executable).with_name("digwell")
    if not script.exists():
        pytest.skip("the digwell console script is not installed in this environment")
    return script


def test_python_m_app_demo_paints_and_seeds_its_own_folder(tmp_path):
    out = _launch([sys.executable, "-m", "app", "--demo"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert PAINTED_MARKER in out.stdout
    demo_db = tmp_path / "data" / "Digwell-demo" / "digwell.sqlite3"
    assert sqlite3.connect(demo_db).execute("SELECT count(*) FROM items").fetchone()[0] >= 100
    assert not (tmp_path / "data" / "Digwell").exists()  # the real folder is untouched


def test_digwell_command_starts_on_an_empty_real_folder(tmp_path):
    out = _launch([str(_digwell_script())], tmp_path)
    assert out.returncode == 0, out.stderr
    assert PAINTED_MARKER in out.stdout
    real_db = tmp_path / "data" / "Digwell" / "digwell.sqlite3"
    assert sqlite3.connect(real_db).execute("SELECT count(*) FROM items").fetchone()[0] == 0


def test_a_database_from_a_newer_digwell_is_refused_with_a_message(tmp_path):
    data = tmp_path / "chosen"
    data.mkdir()
    conn = sqlite3.connect(data / "digwell.sqlite3")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DIGWELL_HOME=str(tmp_path))
    code = (
        "import sys; from pathlib import Path; from app.planner import Planner\n"
        "from app.errors import DigwellError\n"
        f"try: Planner.open(Path({str(data)!r}))\n"
        "except DigwellError as e: print(e); sys.exit(2)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 2
    assert "newer Digwell" in out.stdout and "left untouched" in out.stdout


def test_a_damaged_database_stops_the_window_with_a_clear_message(tmp_path):
    data = tmp_path / "damaged"
    data.mkdir()
    (data / "digwell.sqlite3").write_bytes(b"not a database" * 512)
    out = _launch([sys.executable, "-m", "app", "--data-dir", str(data)], tmp_path)
    assert out.returncode == 2
    assert "damaged or is not a Digwell database" in out.stderr
    assert "Restore it from a backup" in out.stderr
    assert PAINTED_MARKER not in out.stdout
    assert (data / "digwell.sqlite3").read_bytes() == b"not a database" * 512


def test_a_second_start_on_the_same_folder_raises_the_first_instead(tmp_path):
    import time

    from app.running_instance import server_name_for, socket_path

    data = tmp_path / "one"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DIGWELL_HOME=str(tmp_path))
    first = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(socket_path(server_name_for(data)))  # a named pipe on Windows
    try:
        deadline = time.monotonic() + 30
        while not socket.exists() and time.monotonic() < deadline and first.poll() is None:
            time.sleep(0.05)
        if sys.platform != "win32":
            assert socket.exists(), "the first instance never listened"
        second = _launch([sys.executable, "-m", "app", "--data-dir", str(data)], tmp_path)
        assert second.returncode == 0, second.stderr
        assert "already running on this data folder" in second.stdout
        assert PAINTED_MARKER not in second.stdout  # no second window
        assert first.poll() is None
    finally:
        first.terminate()
        first.wait(timeout=30)
    # Another folder is another instance.
    other = _launch([sys.executable, "-m", "app", "--data-dir", str(tmp_path / "two")], tmp_path)
    assert other.returncode == 0 and PAINTED_MARKER in other.stdout
