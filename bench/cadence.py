"""Cadence figures: how long the report, a reminder check and the Cadence page take for
the demo's year of posts and for ten years of daily posting.

The report reads every post and steps the score day by day from the first one, so its
cost grows with history; the window recomputes it whenever the page is shown or a post
changes, and checks reminders every 30 s.

    python bench/cadence.py [--repeat 15]

Last line: RESULT {...} with median milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=timezone.utc)


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 2)


def _ten_years(planner) -> int:
    """About one post a day for ten years, on random themes and kinds."""
    from app.paths import DB_FILENAME
    from app.store import Database
    from app.store import posts as posts_q

    rng = random.Random(3)
    themes = [t.id for t in planner.strategy.themes()]
    count = 0
    db = Database(planner.data_dir / DB_FILENAME)  # a second connection, to seed fast
    with db.transaction() as conn:
        for day in range(3650):
            for _ in range(rng.choice((0, 1, 1, 2))):
                when = NOW - timedelta(days=day, hours=rng.randrange(24))
                kind = rng.choice(("share", "original", "credit", "help"))
                theme = rng.choice(themes)
                posts_q.add_post(
                    conn, posted_at=when, platform="linkedin", kind=kind, theme_id=theme
                )
                count += 1
    db.close()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    from zoneinfo import ZoneInfo

    from PySide6.QtWidgets import QApplication

    from app.clock import FixedClock
    from app.planner import Planner
    from app.ui.views.cadence_page import CadencePage

    app = QApplication.instance() or QApplication([])
    result: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        clock = FixedClock(NOW, ZoneInfo("Europe/Berlin"))
        planner = Planner.open(Path(folder), clock=clock, demo=True)
        for label in ("year", "ten_years"):
            if label == "ten_years":
                added = _ten_years(planner)
                print(f"added {added} posts over ten years")
            posts = len(planner.cadence.posts())
            book = planner.cadence
            report_ms = _median_ms(book.report, args.repeat)
            remind_ms = _median_ms(book.take_due_reminder, args.repeat)
            page = CadencePage(planner)
            page.resize(1200, 900)
            page.show()

            def reload_and_paint(page=page):
                page.reload()
                page.grab()

            page_ms = _median_ms(reload_and_paint, max(3, args.repeat // 3))
            page.close()
            print(
                f"{label}: {posts} posts, report {report_ms} ms, reminder check {remind_ms} ms,"
                f" page reload and paint {page_ms} ms"
            )
            result.update(
                {
                    f"{label}_posts": posts,
                    f"{label}_report_ms": report_ms,
                    f"{label}_reminder_check_ms": remind_ms,
                    f"{label}_page_ms": page_ms,
                }
            )
        planner.close()
    app.quit()
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
