"""Start-up time: Digwell's window painted with demo data vs a bare PySide6 QMainWindow.

Both run as fresh subprocesses, alternating, and print a marker at their first paint;
the time is taken from just before the process starts to when the marker is read.
The demo folder is seeded once beforehand (that first start is timed and printed
too), so the runs measure an ordinary start on existing data. The app package is
byte-compiled first, as an installed wheel is (PYTHONDONTWRITEBYTECODE may be set).

    python bench/startup.py [--runs 31] [--instructions]

Last line: RESULT {"startup_s": ..., "bare_s": ..., "ratio": ...}

With --instructions (and valgrind installed), it also counts the instructions each
runs to its first paint (callgrind): the same to 0.1% from run to run, whatever else the
machine does, so a change of a few milliseconds shows where times are too noisy.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MARKER = "digwell: painted"

BARE = f"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Exit(QObject):
    # As Digwell does: report once the first paint pass, children included, is done.
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.painted)
        return False

    def painted(self):
        import os
        print({MARKER!r}, flush=True)
        os._exit(0)  # as Digwell does: nothing after the first paint is counted

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1180, 760)
watcher = Exit(window)
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""


# For context, not part of the target: the least a window that shows text pays on top
# of the bare one (Qt's font database, the Qt namespace's enums, an item view).
TEXT_WINDOW = BARE.replace(
    "window = QMainWindow()",
    "from PySide6.QtCore import Qt\n"
    "from PySide6.QtWidgets import QListWidget\n"
    "window = QMainWindow()\n"
    "listing = QListWidget()\n"
    "listing.addItems([f'Item {i}' for i in range(100)])\n"
    "listing.setTextElideMode(Qt.TextElideMode.ElideRight)\n"
    "window.setCentralWidget(listing)",
)


def time_to_paint(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == MARKER:
            elapsed = time.perf_counter() - start
            break
    else:
        raise SystemExit(f"no paint marker from {cmd}; exit code {proc.wait()}")
    proc.wait(timeout=30)
    return elapsed


def instructions_to_paint(cmd: list[str], env: dict[str, str]) -> int:
    """Instructions the command runs until it leaves at its first paint (callgrind)."""
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    counted = [line for line in out.stderr.splitlines() if "Collected :" in line]
    if MARKER not in out.stdout or not counted:
        raise SystemExit(f"no paint or no count from {cmd}: {out.stderr[-500:]}")
    return int(counted[-1].split(":")[-1].strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=31, help="runs of each (at least 7)")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions (valgrind)"
    )
    args = parser.parse_args()
    runs = max(7, args.runs)

    import app

    compileall.compile_dir(Path(app.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, DIGWELL_BENCH_EXIT_ON_PAINT="1", DIGWELL_HOME=tmp)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        bare_script = Path(tmp) / "bare.py"
        bare_script.write_text(BARE)
        text_script = Path(tmp) / "text_window.py"
        text_script.write_text(TEXT_WINDOW)
        data = Path(tmp) / "demo-data"
        app_cmd = [sys.executable, "-m", "app", "--demo", "--data-dir", str(data)]
        bare_cmd = [sys.executable, str(bare_script)]
        text_cmd = [sys.executable, str(text_script)]

        first = time_to_paint(app_cmd, env)
        print(f"first start (seeds demo data): {first:.3f} s")
        for cmd in (bare_cmd, text_cmd, app_cmd):  # warm the OS file cache alike
            time_to_paint(cmd, env)

        app_times: list[float] = []
        bare_times: list[float] = []
        text_times: list[float] = []
        for i in range(runs):
            order = [(app_cmd, app_times), (bare_cmd, bare_times), (text_cmd, text_times)]
            for cmd, times in order if i % 2 == 0 else reversed(order):
                times.append(time_to_paint(cmd, env))
        app_median = statistics.median(app_times)
        bare_median = statistics.median(bare_times)
        text_median = statistics.median(text_times)
        ratio = app_median / bare_median
        # Each iteration runs both back to back, so their ratio shares the machine's
        # state of the moment; its median is steadier when the machine drifts.
        paired = statistics.median(a / b for a, b in zip(app_times, bare_times, strict=True))
        print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {runs} each, alternating")
        print("digwell:     " + " ".join(f"{t:.3f}" for t in app_times))
        print("bare:        " + " ".join(f"{t:.3f}" for t in bare_times))
        print("text window: " + " ".join(f"{t:.3f}" for t in text_times))
        print(
            f"median digwell {app_median:.3f} s, bare {bare_median:.3f} s, "
            f"ratio {ratio:.2f} (target <= 1.5); a window listing 100 strings "
            f"{text_median:.3f} s, ratio {text_median / bare_median:.2f}"
        )
        print(f"median of the {runs} paired ratios (digwell / bare in one iteration): {paired:.2f}")
        result = {
            "startup_s": round(app_median, 4),
            "bare_s": round(bare_median, 4),
            "ratio": round(ratio, 3),
            "text_window_s": round(text_median, 4),
            "paired_ratio": round(paired, 3),
        }
        if args.instructions:
            app_count = instructions_to_paint(app_cmd, env)
            bare_count = instructions_to_paint(bare_cmd, env)
            print(
                f"instructions to the first paint: digwell {app_count / 1e6:.1f} M, "
                f"bare {bare_count / 1e6:.1f} M, ratio {app_count / bare_count:.3f}"
            )
            result["instructions_ratio"] = round(app_count / bare_count, 3)
        print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
