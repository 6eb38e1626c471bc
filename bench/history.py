"""History from a ten-year X archive: 50,000 tweets, some 60 MB of tweets.js (docs/HISTORY.md).

Makes a made-up X archive as X writes it (tests/history/export_files.py: indented JSON,
a tenth retweets, a tenth replies to others, threads of one's own, a fifth sharing links)
and a data folder seeded with the demo (themes the posts are matched to, people they may
credit) plus 2,000 made-up people. Then, in one run:

- import_s, import_peak_mb: `digwell import ARCHIVE --json` as a child process into a
  fresh copy of that folder: its wall time and its peak resident memory (ru_maxrss of
  the child, from os.wait4), the median time and the largest peak of --repeat runs;
- reimport_s: the same file again into the imported folder (nothing is added), and
  dry_run_s: `--dry-run` into a fresh copy (read and planned, nothing written);
- report_ms: `planner.cadence.report()` with 50,000 posts (--report-posts: the archive's
  ~42,600, the demo's, and made-up ones logged over the same ten years to make up the
  rest), median of --report-repeat; report_local_tz_ms the same with the machine's own
  zone object (what the window uses; TZ=Europe/Berlin); log_list_ms, every post read
  for the posts log (`planner.cadence.log.list()`), for information;
- page_open_ms: building the Cadence page on that folder and its first paint
  (offscreen); page_reload_ms: its reload and paint after a change, median of 5.

    python bench/history.py [--tweets 50000] [--people 2000] [--repeat 3]
                            [--report-repeat 31] [--report-posts 50000] [--skip-gui]

Last line: RESULT {...}: each figure as {"value", "target", "pass"} (figures without a
target have only a value), and `pass` for all of them. Targets (issue 19): import <= 20 s
with peak memory <= 300 MB, the cadence report and the Cadence page <= 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TZ"] = "Europe/Berlin"  # the child processes' zone, and this one's
time.tzset()

# The made-up archive's tweets run from 1 November 2016 for ten years.
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
_PAIRS = "karinatomilesavodeanelrojupatinehalumosibedakorafeyazuolenarisum"
_SYLLABLES = [_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2)]


def make_archive(path: Path, tweets: int) -> dict[str, float]:
    from tests.history.export_files import x_archive_zip

    started = time.perf_counter()
    x_archive_zip(path, tweets)
    with zipfile.ZipFile(path) as archive:
        js_bytes = archive.getinfo("data/tweets.js").file_size
    took = time.perf_counter() - started
    print(
        f"made an X archive of {tweets:,} tweets in {took:.1f} s: tweets.js "
        f"{js_bytes / 1e6:.1f} MB, the zip {path.stat().st_size / 1e6:.1f} MB"
    )
    return {"tweets_js_mb": js_bytes / 1e6, "zip_mb": path.stat().st_size / 1e6}


def _open(data_dir: Path, local_tz: bool = False):
    from zoneinfo import ZoneInfo

    from app.clock import FixedClock, SystemClock
    from app.planner import Planner

    tz = SystemClock().tz() if local_tz else ZoneInfo("Europe/Berlin")
    return Planner.open(data_dir, clock=FixedClock(NOW, tz))


def seed(data_dir: Path, people: int) -> None:
    """The demo (themes, people, a year of posts) and `people` more made-up people."""
    from app.store import people as people_q

    planner = _open(data_dir)
    planner.seed_demo()
    rng = random.Random("digwell-history-bench")
    rows: list[dict[str, object]] = []
    for n in range(people):
        first, last = ("".join(rng.choices(_SYLLABLES, k=3)).capitalize() for _ in range(2))
        row: dict[str, object] = {"name": f"{first} {last}", "circle_id": 3}
        if n % 3 == 0:
            row["x"] = f"@{first.lower()}{n}"
        rows.append(row)
    with planner._db.transaction() as conn:
        ids = people_q.insert_people(conn, rows, NOW.date() - timedelta(days=400))
        people_q.refresh_people(conn, ids)
    planner.close()


def run_import(archive: Path, data_dir: Path, *options: str) -> tuple[float, float, dict]:
    """(wall seconds, peak resident MB, the JSON result) of one `digwell import`."""
    env = {**os.environ, "DIGWELL_NOW": NOW.isoformat()}
    command = [sys.executable, "-m", "app", "import", str(archive), "--json"]
    command += [*options, "--data-dir", str(data_dir)]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"digwell import exited {child.returncode}")
    return took, usage.ru_maxrss / 1024, json.loads(out)


def measure_import(tmp: Path, archive: Path, template: Path, repeat: int) -> tuple[dict, Path]:
    times, peaks = [], []
    folder = tmp / "imported"
    for n in range(repeat):
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(template, folder)
        took, peak, result = run_import(archive, folder)
        times.append(took)
        peaks.append(peak)
        print(
            f"import {n + 1}: {took:.2f} s, peak {peak:.0f} MB: {result['posts_added']:,} posts,"
            f" {result['engagement_added']:,} replies, {result['posts_skipped']:,} skipped,"
            f" {len(result['errors'])} errors; {result['first']} to {result['last']};"
            f" score {result['preview']['score_now']}% -> {result['preview']['score']}%,"
            f" streak {result['preview']['streak']}"
        )
    again, again_peak, second = run_import(archive, folder)
    assert second["posts_added"] == 0, second
    print(f"re-import: {again:.2f} s, peak {again_peak:.0f} MB, nothing added")
    dry_folder = tmp / "dry"
    shutil.copytree(template, dry_folder)
    dry, dry_peak, _ = run_import(archive, dry_folder, "--dry-run")
    print(f"dry run: {dry:.2f} s, peak {dry_peak:.0f} MB")
    return {
        "import_s": statistics.median(times),
        "import_peak_mb": max(peaks),
        "reimport_s": again,
        "dry_run_s": dry,
        "posts_added": result["posts_added"],
        "engagement_added": result["engagement_added"],
    }, folder


def median_ms(work, runs: int) -> float:
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def top_up(data_dir: Path, posts: int) -> int:
    """Log made-up posts over the last ten years (as if marked posted) until the folder
    holds `posts`: an archive's replies and threads are not posts, so 50,000 tweets make
    fewer. Returns how many were added."""
    from app.store import history as history_q

    planner = _open(data_dir)
    missing = posts - planner.cadence.log.count()
    if missing <= 0:
        planner.close()
        return 0
    rng = random.Random("digwell-history-top-up")
    rows = []
    for _ in range(missing):
        when = NOW - timedelta(seconds=rng.randrange(3650 * 86400))
        kind = rng.choice(("share", "original", "credit"))
        at = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        rows.append((at, "linkedin", kind, "", "A post", "", None, "", None))
    with planner._db.transaction() as conn:
        history_q.insert_posts(conn, rows)  # type: ignore[arg-type]
    planner.close()
    print(f"logged {missing:,} more posts: {posts:,} in all")
    return missing


def measure_report(data_dir: Path, repeat: int) -> dict[str, float]:
    from app.types import Changes

    results = {}
    for key, local in (("report_ms", False), ("report_local_tz_ms", True)):
        planner = _open(data_dir, local_tz=local)
        report = planner.cadence.report()

        def cold_report(cadence=planner.cadence) -> None:  # a new day, or posts changed
            cadence.changed(Changes(posts=True))
            cadence.report()

        results[key] = median_ms(cold_report, repeat)
        if not local:  # the page's reloads between changes: day counts kept
            results["report_warm_ms"] = median_ms(planner.cadence.report, repeat)
        if not local:
            # What the Cadence page's posts log reads besides the report: every post.
            results["log_list_ms"] = median_ms(planner.cadence.log.list, 5)
        planner.close()
        print(
            f"cadence report, counted afresh ({'the machine zone' if local else 'ZoneInfo'}): "
            f"{results[key]:.1f} ms for {report.total_posts:,} posts, score "
            f"{round(report.score * 100)}%, streak {report.streak.weeks} weeks"
        )
    return results


def _open_page(app, data_dir: Path):
    from app.ui.views.cadence_page import CadencePage

    planner = _open(data_dir, local_tz=True)
    planner.cadence.week_progress()  # the service built, as the window has it
    app.processEvents()
    start = time.perf_counter()
    page = CadencePage(planner)
    page.resize(1200, 900)
    page.show()
    app.processEvents()
    page.grab()
    return page, planner, (time.perf_counter() - start) * 1000


def measure_page(data_dir: Path, small_dir: Path) -> dict[str, float]:
    """The page on 50,000 posts beside the same page on a handful (its own cost), each
    opened after the other once, so both pay the same imports."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    for folder in (small_dir, data_dir):  # imports and first-use costs paid once
        page, planner, _ = _open_page(app, folder)
        page.close()
        planner.close()
    opened = {}
    for name, folder in (("small", small_dir), ("big", data_dir)):
        page, planner, opened[name] = _open_page(app, folder)
        if name == "big":

            def reload_and_paint(page=page) -> None:
                page.reload()
                page.grab()

            reload_ms = median_ms(reload_and_paint, 5)
        page.close()
        planner.close()
    added = opened["big"] - opened["small"]
    print(
        f"Cadence page: open and paint {opened['big']:.0f} ms with 50,000 posts, "
        f"{opened['small']:.0f} ms with the demo's year of posts ({added:+.0f} ms); "
        f"reload and paint {reload_ms:.0f} ms"
    )
    return {
        "page_open_ms": opened["big"],
        "page_open_small_ms": opened["small"],
        "page_open_added_ms": added,
        "page_reload_ms": reload_ms,
    }


TARGETS = {"import_s": 20, "import_peak_mb": 300, "report_ms": 100, "page_open_ms": 100}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tweets", type=int, default=50_000)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--report-repeat", type=int, default=31)
    parser.add_argument("--report-posts", type=int, default=50_000)
    parser.add_argument("--skip-gui", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="digwell-history-bench-") as name:
        tmp = Path(name)
        archive = tmp / "twitter-archive.zip"
        results: dict[str, float] = make_archive(archive, args.tweets)
        template = tmp / "template"
        seed(template, args.people)
        measured, folder = measure_import(tmp, archive, template, args.repeat)
        results.update(measured)
        results["posts_topped_up"] = top_up(folder, args.report_posts)
        results.update(measure_report(folder, args.report_repeat))
        if not args.skip_gui:
            small = tmp / "small"
            seed(small, 0)  # the demo's year of posts: the page's own cost
            results.update(measure_page(folder, small))
    report = {}
    for key, value in results.items():
        entry: dict[str, object] = {"value": round(value, 3)}
        if key in TARGETS:
            entry["target"] = TARGETS[key]
            entry["pass"] = value <= TARGETS[key]
            verdict = "met" if entry["pass"] else "NOT met"
            print(f"  {key}: {value:.3f} (target <= {TARGETS[key]}): {verdict}")
        report[key] = entry
    report_pass = all(e.get("pass", True) for e in report.values())
    print("RESULT " + json.dumps({**report, "pass": report_pass}))


if __name__ == "__main__":
    main()
