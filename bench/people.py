"""People at LinkedIn's cap: 30,000 people and 100,000 touches (docs/PEOPLE.md).

Seeds a temporary data folder through the store's bulk functions: 30,000 made-up people
(names of made-up syllables; 2% in Close, 10% in Colleagues, the rest Wider; a third
with handles, one in twenty with a website, 30 of those the benchmark's feeds), each
with a `connected` touch from the last ten years, and 70,000 more touches of every kind
over the last three, mostly to a few thousand of them. Then, in one run:

- due_ms, due_all_ms, due_counts_ms: the People page's due list (`planner.people.due(500)`,
  the most overdue 500, as the page reads it), the whole due list (`people list --due`),
  and the due and overdue counts; medians of 31 after a warm-up;
- import_s: reading and applying a 30,000-row Connections.csv as LinkedIn writes it
  (`read_import` + `apply_import`) into an empty folder; reimport_s: the same file again
  (everyone matched, nothing added twice); the median of 3 each;
- match_cpu_ratio: CPU time of storing a cold refresh's entries (300 feeds of 50, parsed
  as the refresh's workers parse them, 5 themes) into a folder with the 30,000 people,
  against the same into a folder with none, parsing included (what a refresh spends but
  for HTTP); store_cpu_ratio: the storing alone, a stricter figure. Alternating, 5 each,
  medians;
- page_open_ms: building the People page on the 30,000 people and its first paint
  (offscreen); scroll_stall_ms: the slowest single step while the Everyone list is
  scrolled through all 30,000 a page at a time, then dragged to 40 places at random,
  each step's events and painting processed before the next.

    python bench/people.py [--people 30000] [--touches 100000] [--repeat 31]

Last line: RESULT {...} with each figure, its target and whether it met it. Targets
(issue 18): due list <= 20 ms, import <= 10 s, matching <= 1.10x a cold refresh's CPU,
People page open <= 200 ms, scrolling stalls <= 50 ms.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
FEEDS = 300  # of 50 entries each, as bench/refresh.py makes them
_PAIRS = "karinatomilesavodeanelrojupatinehalumosibedakorafeyazuolenarisum"
_SYLLABLES = [_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2)]
_KINDS = ("credited", "thanked", "helped", "commented", "talked", "message", "asked")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _name(rng: random.Random) -> tuple[str, str]:
    def word(low: int, high: int) -> str:
        return "".join(rng.choices(_SYLLABLES, k=rng.randint(low, high))).capitalize()

    return word(2, 3), word(2, 4)


def _people_rows(rng: random.Random, count: int) -> list[dict[str, object]]:
    """Made-up people as the store's insert takes them."""
    rows: list[dict[str, object]] = []
    for n in range(count):
        first, last = _name(rng)
        slug = f"{first}-{last}-{n}".lower()
        roll = rng.random()
        row: dict[str, object] = {
            "name": f"{first} {last}",
            "company": rng.choice(("Acme", "Globex", "Initech", "Umbrella", "Hooli", "")),
            "role": rng.choice(("Engineer", "Staff engineer", "Manager", "Designer", "")),
            "circle_id": 1 if roll < 0.02 else 2 if roll < 0.12 else 3,
            "linkedin": f"https://www.linkedin.com/in/{slug}",
        }
        if n % 3 == 0:
            row["x"] = f"@{first[:6]}{n}".lower()
            row["mastodon"] = f"@{first.lower()}{n}@social.example"
        if n % 20 == 0:  # a tenth of the feeds are by people (their blogs), the rest not
            host = f"blog{n // 20:04d}.example.org" if n // 20 < FEEDS // 10 else f"site{n}.example"
            row["website"] = f"https://{host}"
        rows.append(row)
    return rows


def seed(data_dir: Path, people: int, touches: int) -> float:
    """Fill `data_dir` with people and touches through the store's bulk functions."""
    from app.store import people as people_q
    from app.store import touches as touches_q

    started = time.perf_counter()
    planner, db = _open(data_dir)
    rng = random.Random("digwell-people-bench")
    today = NOW.date()
    with db.transaction() as conn:
        ids = people_q.insert_people(conn, _people_rows(rng, people), today - timedelta(400))
        rows = [(i, "connected", today - timedelta(rng.randrange(3650)), "") for i in ids]
        active = rng.sample(ids, max(1, len(ids) // 10))
        for _ in range(max(0, touches - len(rows))):
            who = rng.choice(active) if rng.random() < 0.8 else rng.choice(ids)
            day = today - timedelta(int(rng.expovariate(1 / 200)) % 1095)
            rows.append((who, rng.choice(_KINDS), day, ""))
        touches_q.add_touches(conn, rows, NOW)
        people_q.refresh_people(conn, None)
    planner.close()
    return time.perf_counter() - started


def _open(data_dir: Path, now: datetime = NOW):
    """A planner on `data_dir` at a fixed time, and its database."""
    from zoneinfo import ZoneInfo

    from app.clock import FixedClock
    from app.paths import DB_FILENAME
    from app.planner import Planner
    from app.store import Database

    db = Database(data_dir / DB_FILENAME)
    return Planner(db, FixedClock(now, ZoneInfo("Europe/Berlin"))), db


def median_ms(work, runs: int) -> float:
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


# --- (a) the due list ------------------------------------------------------------------


def measure_due(data_dir: Path, repeat: int) -> dict[str, float]:
    planner, _ = _open(data_dir)
    people = planner.people
    due, overdue = people.due_counts()
    shown = len(people.due(500))
    result = {
        "due_ms": median_ms(lambda: people.due(500), repeat),
        "due_all_ms": median_ms(people.due, max(5, repeat // 3)),
        "due_counts_ms": median_ms(people.due_counts, repeat),
    }
    print(
        f"due list: {due:,} due, {overdue:,} overdue; the page's {shown} in"
        f" {result['due_ms']:.2f} ms, all {due:,} in {result['due_all_ms']:.1f} ms,"
        f" counts in {result['due_counts_ms']:.2f} ms"
    )
    planner.close()
    return result


# --- (b) import ------------------------------------------------------------------------


def write_connections(path: Path, count: int) -> None:
    """A Connections.csv as LinkedIn writes it: notes before the header, dates like
    `24 Aug 2023`, most e-mails empty, a blank row here and there."""
    rng = random.Random("digwell-people-import")
    lines = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email'
        " addresses are missing. You will only see email addresses for connections who"
        ' have allowed their connections to see or download their email address."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    for n in range(count):
        first, last = _name(rng)
        day = NOW.date() - timedelta(rng.randrange(3650))
        email = f"{first}.{last}@mail.example".lower() if rng.random() < 0.05 else ""
        company = rng.choice(("Acme", "Globex, Inc.", "Initech", "Umbrella", ""))
        profile = f"https://www.linkedin.com/in/{first}-{last}-{n}".lower()
        connected = f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"
        lines.append(f'{first},{last},{profile},{email},"{company}",Engineer,{connected}')
        if rng.random() < 0.001:
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure_import(tmp: Path, count: int) -> dict[str, float]:
    source = tmp / "Connections.csv"
    write_connections(source, count)
    firsts, agains = [], []
    for run in range(3):
        folder = tmp / f"import-{run}"
        planner, _ = _open(folder)
        start = time.perf_counter()
        plan = planner.people.apply_import(planner.people.read_import(source))
        firsts.append(time.perf_counter() - start)
        start = time.perf_counter()
        again = planner.people.apply_import(planner.people.read_import(source))
        agains.append(time.perf_counter() - start)
        counts = (planner.people.count(), len(plan.added), len(again.added), len(plan.errors))
        planner.close()
        shutil.rmtree(folder)
    people, added, added_again, errors = counts
    print(
        f"import: {added:,} added ({errors} rows refused), {people:,} people after a"
        f" re-import that added {added_again}; first {statistics.median(firsts):.2f} s,"
        f" again {statistics.median(agains):.2f} s (runs: "
        + ", ".join(f"{t:.2f}" for t in firsts)
        + ")"
    )
    return {"import_s": statistics.median(firsts), "reimport_s": statistics.median(agains)}


# --- (c) matching authors in a cold refresh ---------------------------------------------


def _feed_bodies(people: int) -> list[tuple[str, bytes]]:
    """(feed URL, body) of 300 feeds from bench/refresh.py, their authors made varied:
    most blogs one author, one in five many; one author in ten is one of the people."""
    from refresh import make_feed  # bench/refresh.py

    rng = random.Random("digwell-people-authors")
    names = [" ".join(_name(random.Random(f"p{n}"))) for n in range(50)]  # strangers
    person_rng = random.Random("digwell-people-bench")
    known = [str(r["name"]) for r in _people_rows(person_rng, people)]
    pool = names * 9 + rng.sample(known, min(len(known), 50))
    bodies = []
    for index in range(FEEDS):
        text = make_feed(index).body.decode("utf-8")
        single = rng.random() < 0.8
        own = rng.choice(pool)

        def author(match: re.Match[str], single: bool = single, own: str = own) -> str:
            return match.group(1) + (own if single else rng.choice(pool)) + match.group(3)

        text = re.sub(r"(<dc:creator>|<name>)(Ada|Grace|Linus|Barbara|Ken|Radia)(<)", author, text)
        bodies.append((f"https://blog{index:04d}.example.org/feed.xml", text.encode("utf-8")))
    return bodies


def _parse(bodies: list[tuple[str, bytes]]) -> tuple[list[tuple[str, str, list]], float]:
    """What the refresh's workers hand over, and the CPU it took them."""
    from app.feeds.parse import parse_feed
    from app.store.items import entry_row

    start = time.process_time()
    parsed = []
    for url, body in bodies:
        feed = parse_feed(body)
        parsed.append((url, feed.site_url, [entry_row(e) for e in feed.entries]))
    return parsed, time.process_time() - start


def _store_cpu(template: Path, folder: Path, parsed: list[tuple[str, str, list]]) -> float:
    """CPU seconds to store every feed's rows into a copy of `template` (one
    transaction a feed, as the refresh stores them)."""
    from app.paths import DB_FILENAME
    from app.store import feeds as feeds_q
    from app.store import item_people
    from app.store import items as items_q
    from app.strategy.scoring import current_scorer

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(template / DB_FILENAME, folder / DB_FILENAME)
    _, db = _open(folder)
    with db.transaction() as conn:
        feed_ids = [feeds_q.add_feed(conn, url, "", NOW) for url, _, _ in parsed]
    item_people._AUTHOR_KEYS.clear()  # a refresh is a fresh process: nothing cached
    gc.collect()
    start = time.process_time()
    for feed_id, (_, site, rows) in zip(feed_ids, parsed, strict=True):
        with db.transaction() as conn:
            feeds_q.record_success(conn, feed_id, "", site, NOW)
            items_q.upsert_rows(conn, feed_id, rows, NOW, current_scorer(conn))
    spent = time.process_time() - start
    linked = db.read("SELECT count(*) FROM item_people")[0][0]
    db.close()
    shutil.rmtree(folder)
    _store_cpu.linked = linked  # type: ignore[attr-defined]
    return spent


def _with_themes(folder: Path) -> None:
    """Five themes with keywords, as bench/inbox.py ranks by."""
    from inbox import EXCLUDED, THEMES  # bench/inbox.py

    from app.store import themes as themes_q
    from app.store.settings import set_setting
    from app.strategy.scoring import STRATEGY_VERSION_KEY
    from app.types import Theme

    planner, db = _open(folder)
    with db.transaction() as conn:
        for position, (name, keywords) in enumerate(THEMES):
            theme = Theme(0, name, tuple(keywords), tuple(EXCLUDED), (), "#3a7bd5")
            themes_q.save_theme(conn, theme, position)
        set_setting(conn, STRATEGY_VERSION_KEY, 1)
    planner.inbox.rescore()
    planner.close()


def measure_matching(tmp: Path, with_people: Path, people: int, repeat: int) -> dict[str, float]:
    bare = tmp / "bare"
    _with_themes(bare)
    _with_themes(with_people)
    parsed, parse_cpu = _parse(_feed_bodies(people))
    entries = sum(len(rows) for _, _, rows in parsed)
    none, some, linked = [], [], 0
    for _ in range(repeat):
        none.append(_store_cpu(bare, tmp / "run", parsed))
        some.append(_store_cpu(with_people, tmp / "run", parsed))
        linked = _store_cpu.linked  # type: ignore[attr-defined]
    store_none, store_some = statistics.median(none), statistics.median(some)
    result = {
        "match_cpu_ratio": (parse_cpu + store_some) / (parse_cpu + store_none),
        "store_cpu_ratio": store_some / store_none,
    }
    print(
        f"matching: {entries:,} entries from {FEEDS} feeds, {linked:,} linked to people;"
        f" parsing {parse_cpu:.2f} s CPU, storing {store_none:.2f} s without people and"
        f" {store_some:.2f} s with {people:,} (runs: "
        + ", ".join(f"{a:.2f}/{b:.2f}" for a, b in zip(none, some, strict=True))
        + f"): {result['match_cpu_ratio']:.3f}x with parsing,"
        f" {result['store_cpu_ratio']:.3f}x storing alone"
    )
    return result


# --- (d) the People page ----------------------------------------------------------------


def measure_page(data_dir: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from app.ui.views.people_page import PeoplePage

    app = QApplication.instance() or QApplication([])
    planner, _ = _open(data_dir)
    planner.people.count()  # the service built, as the window has it before the page
    app.processEvents()
    start = time.perf_counter()
    page = PeoplePage(planner)
    page.resize(1200, 800)
    page.show()
    app.processEvents()
    page.grab()  # painted
    open_ms = (time.perf_counter() - start) * 1000
    page.tabs.setCurrentIndex(1)  # Everyone
    app.processEvents()
    view, model = page.everyone_list, page.everyone_model
    bar = view.verticalScrollBar()
    steps: list[float] = []

    def step(value: int) -> None:
        begin = time.perf_counter()
        bar.setValue(value)
        app.processEvents()
        view.viewport().repaint()
        steps.append((time.perf_counter() - begin) * 1000)

    while bar.value() < bar.maximum() or model.canFetchMore(view.rootIndex()):
        step(bar.value() + bar.pageStep())
    rows = model.rowCount()
    rng = random.Random(5)
    for _ in range(40):
        step(rng.randrange(bar.maximum() + 1))
    page.close()
    planner.close()
    worst = max(steps)
    print(
        f"People page: open and paint {open_ms:.0f} ms with {model.total():,} people;"
        f" scrolled {rows:,} rows in {len(steps)} steps: worst {worst:.1f} ms,"
        f" median {statistics.median(steps):.2f} ms"
    )
    return {"page_open_ms": open_ms, "scroll_stall_ms": worst}


# ---------------------------------------------------------------------------------------

TARGETS = {
    "due_ms": 20,
    "due_counts_ms": 20,
    "import_s": 10,
    "match_cpu_ratio": 1.10,
    "page_open_ms": 200,
    "scroll_stall_ms": 50,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=30_000)
    parser.add_argument("--touches", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=31)
    parser.add_argument("--skip-gui", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="digwell-people-bench-") as name:
        tmp = Path(name)
        data = tmp / "data"
        took = seed(data, args.people, args.touches)
        print(f"seeded {args.people:,} people and {args.touches:,} touches in {took:.1f} s")
        results = measure_due(data, args.repeat)
        results.update(measure_import(tmp, args.people))
        results.update(measure_matching(tmp, data, args.people, 5))
        if not args.skip_gui:
            results.update(measure_page(data))
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
