"""Smoke test of a built Digwell bundle: start it on demo data, wait for first paint, check data.

    python packaging/smoke.py [EXECUTABLE] [--display] [--timeout SECONDS] [--keep]

EXECUTABLE defaults to dist/digwell/digwell (digwell.exe on Windows) under the repository root.
The app runs with `--demo --data-dir <temporary folder>` and DIGWELL_BENCH_EXIT_ON_PAINT=1, so it
prints `digwell: painted` at first paint and quits. HOME, the XDG folders, the Windows profile
folders and DIGWELL_HOME all point into a temporary folder, so no real user folder (or keyring)
is touched. Qt runs offscreen unless --display is given and a display is available.

Checks: exit code 0 within the timeout, the marker on stdout, and a digwell.sqlite3 in the data
folder holding at least 100 items. Prints one `smoke: PASS ...` or `smoke: FAIL ...` line (plus
the app's output on failure) and exits 0 on PASS, 1 on FAIL. Standard library only.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE_NAME = "digwell.exe" if sys.platform == "win32" else "digwell"
DEFAULT_EXECUTABLE = ROOT / "dist" / "digwell" / EXE_NAME
MARKER = "digwell: painted"
DB_FILENAME = "digwell.sqlite3"
MIN_ITEMS = 100
DEFAULT_TIMEOUT = 60.0


class SmokeFailure(Exception):
    """A check failed; the message says which."""


def sandbox_env(home: Path, *, use_display: bool) -> dict[str, str]:
    """The environment for the app: every user folder inside `home`, exit at first paint."""
    env = dict(os.environ)
    folders = {
        "HOME": home,
        "DIGWELL_HOME": home / "digwell-home",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_RUNTIME_DIR": home / "runtime",
        # Windows equivalents (platformdirs reads these when set).
        "USERPROFILE": home,
        "APPDATA": home / "AppData" / "Roaming",
        "LOCALAPPDATA": home / "AppData" / "Local",
    }
    for var, path in folders.items():
        path.mkdir(parents=True, exist_ok=True)
        env[var] = str(path)
    # Qt wants a private runtime folder.
    os.chmod(folders["XDG_RUNTIME_DIR"], 0o700)
    # Never reach the real keyring, should start-up ever read a secret.
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env["DIGWELL_BENCH_EXIT_ON_PAINT"] = "1"
    if use_display:
        if env.get("QT_QPA_PLATFORM") == "offscreen":
            del env["QT_QPA_PLATFORM"]
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def count_items(db_path: Path) -> int:
    if not db_path.is_file():
        raise SmokeFailure(f"no database at {db_path}")
    # Read-only: the check must not create or change anything.
    conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        (count,) = conn.execute("SELECT count(*) FROM items").fetchone()
    except sqlite3.Error as err:
        raise SmokeFailure(f"cannot count items in {db_path}: {err}") from err
    finally:
        conn.close()
    return int(count)


def run_smoke(executable: Path, *, timeout: float, use_display: bool, keep: bool) -> str:
    """Run the checks; return a summary, or raise SmokeFailure."""
    if not executable.is_file():
        raise SmokeFailure(
            f"no executable at {executable} (build it first, see packaging/README.md)"
        )
    sandbox = Path(tempfile.mkdtemp(prefix="digwell-smoke-"))
    try:
        data_dir = sandbox / "data"
        env = sandbox_env(sandbox / "home", use_display=use_display)
        cmd = [str(executable), "--demo", "--data-dir", str(data_dir)]
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            env=env,
            cwd=sandbox,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            # Own process group, so a timeout also ends anything the app started.
            start_new_session=sys.platform != "win32",
        )
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            stdout, stderr = proc.communicate()
            output = f"--- stdout\n{stdout}--- stderr\n{stderr}"
            raise SmokeFailure(f"no exit within {timeout:.0f} s\n{_indent(output)}") from None
        elapsed = time.perf_counter() - started
        output = f"--- stdout\n{stdout}--- stderr\n{stderr}"
        if proc.returncode != 0:
            raise SmokeFailure(f"exit code {proc.returncode}\n{_indent(output)}")
        if MARKER not in stdout.splitlines():
            raise SmokeFailure(f"no {MARKER!r} line on stdout\n{_indent(output)}")
        items = count_items(data_dir / DB_FILENAME)
        if items < MIN_ITEMS:
            raise SmokeFailure(f"only {items} items in the demo database (want >= {MIN_ITEMS})")
        drafted = check_drafting(executable, env, data_dir, timeout)
        planned = check_cadence(executable, env, data_dir, sandbox, timeout)
        where = f", kept {sandbox}" if keep else ""
        return (
            f"painted and exited 0 in {elapsed:.1f} s, {items} items in the demo database, "
            f"{drafted}, {planned}{where}"
        )
    finally:
        if not keep:
            shutil.rmtree(sandbox, ignore_errors=True)


def check_drafting(executable: Path, env: dict[str, str], data_dir: Path, timeout: float) -> str:
    """Draft a post for X in the bundle (templates render in a spawned process, X counts
    with twitter_text's data files) and count a text."""
    common = {"env": env, "capture_output": True, "text": True, "timeout": timeout}
    base = [str(executable)]
    draft = subprocess.run(
        [*base, "draft", "--data-dir", str(data_dir), "--item", "1", "--platform", "x",
         "--take", "Smoke test.", "--json"],
        **common,
    )  # fmt: skip
    if draft.returncode != 0 or '"count"' not in draft.stdout:
        raise SmokeFailure(f"digwell draft failed\n{_indent(draft.stdout + draft.stderr)}")
    count = subprocess.run(
        [*base, "count", "--data-dir", str(data_dir), "--platform", "x"],
        input="Hi 🎉 https://example.com/long/path\n",
        **common,
    )
    if count.returncode != 0 or count.stdout.strip() != "29 280":
        raise SmokeFailure(f"digwell count: {count.stdout!r} {count.stderr!r} (want '29 280')")
    return "drafted and counted for X"


def check_cadence(
    executable: Path, env: dict[str, str], data_dir: Path, sandbox: Path, timeout: float
) -> str:
    """The demo's cadence figures, and the plan exported as iCalendar (icalendar)."""
    common = {"env": env, "capture_output": True, "text": True, "timeout": timeout}
    cadence = subprocess.run(
        [str(executable), "cadence", "--data-dir", str(data_dir), "--json"], **common
    )
    if cadence.returncode != 0 or '"streak_weeks"' not in cadence.stdout:
        raise SmokeFailure(f"digwell cadence failed\n{_indent(cadence.stdout + cadence.stderr)}")
    ics = sandbox / "plan.ics"
    export = subprocess.run(
        [str(executable), "plan", "export", str(ics), "--data-dir", str(data_dir)], **common
    )
    if export.returncode != 0 or not ics.is_file() or b"BEGIN:VEVENT" not in ics.read_bytes():
        raise SmokeFailure(f"digwell plan export failed\n{_indent(export.stdout + export.stderr)}")
    return "reported the cadence and exported the plan"


def _kill(proc: subprocess.Popen[str]) -> None:
    if sys.platform == "win32":
        proc.kill()
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.splitlines())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke-test a built Digwell bundle.")
    parser.add_argument(
        "executable",
        nargs="?",
        type=Path,
        default=DEFAULT_EXECUTABLE,
        help=f"the bundled executable (default: {DEFAULT_EXECUTABLE})",
    )
    parser.add_argument(
        "--display",
        action="store_true",
        help="use the real display (DISPLAY or WAYLAND_DISPLAY) instead of Qt's offscreen platform",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds to wait for the app to exit (default: {DEFAULT_TIMEOUT:.0f})",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary home and data folder"
    )
    args = parser.parse_args(argv)
    use_display = args.display
    if use_display and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        print(
            "smoke: --display given but neither DISPLAY nor WAYLAND_DISPLAY is set; "
            "running offscreen"
        )
        use_display = False
    executable = args.executable.resolve()
    try:
        summary = run_smoke(
            executable, timeout=args.timeout, use_display=use_display, keep=args.keep
        )
    except SmokeFailure as err:
        print(f"smoke: FAIL {executable}: {err}", flush=True)
        return 1
    print(f"smoke: PASS {executable}: {summary}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
