"""`digwell import`: your own posts from a platform's export, so the cadence is true from
the first day (docs/HISTORY.md).

    digwell import FILE [--platform auto|linkedin|x|mastodon|bluesky] [--dry-run]
                        [--json] [--json-progress]

FILE is LinkedIn's data export (.zip, or Shares.csv alone), an X archive (.zip), a
Mastodon archive (.zip) or a Bluesky repository (.car). Nothing is imported twice.

JSON keys scripts rely on: `platform`, `posts_added`, `posts_skipped`,
`engagement_added`, `people_added`, `first` and `last` (the new posts' first and last
day, ISO dates, or null), `errors` ([{where, message}], the first 1000), `preview`
({by_platform: {platform: n}, by_kind: {kind: n}, by_year: {"2019": n}, score,
streak: {current, longest}, score_now, streak_now: {current, longest}}: the score in
whole percent and the streak in weeks today, with this history and as it stands), and
`dry_run`. With `--json-progress` it prints JSON lines instead: {"event": "start",
"total": N}, {"event": "progress", "done": n, "total": N} now and then, and last
{"event": "done", "result": {...}}.

It exits 0 when the file was read, even if some records had problems (they are listed
and left out); a refused file changes nothing and exits 2 with the reason on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.planner import Planner

if TYPE_CHECKING:
    from app.commands.arguments import Subcommands

PLATFORM_CHOICES = ("auto", "linkedin", "x", "mastodon", "bluesky")
_NAMES = {"linkedin": "LinkedIn", "x": "X", "mastodon": "Mastodon", "bluesky": "Bluesky"}
_STEPS = 1000  # the progress bar's length in --json-progress


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "import",
        parents=[common],
        help="import your posts from a LinkedIn, X, Mastodon or Bluesky export",
        description="Import your own posts (and count your comments and replies) from the "
        "file a platform lets you download: LinkedIn's data export (.zip or Shares.csv), "
        "an X archive (.zip), a Mastodon archive (.zip) or a Bluesky repository (.car). A "
        "LinkedIn export's connections are imported as people too. Nothing is imported "
        "twice. See docs/HISTORY.md.",
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--platform",
        choices=PLATFORM_CHOICES,
        default="auto",
        help="which platform's export FILE is (default: told from the file)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; write nothing"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--json-progress", action="store_true", help="print progress as JSON lines (the window)"
    )
    parser.set_defaults(run=run)


def run(planner: Planner, args: argparse.Namespace) -> int:
    progress = _Progress(args.json_progress, args.dry_run)
    progress.start()
    plan = planner.history.read_file(args.file, args.platform, on_progress=progress.reading)
    if args.dry_run:
        result = plan.summary(dry_run=True)
    else:
        result = planner.history.apply(plan, on_progress=progress.writing)
    if args.json_progress:
        progress.emit({"event": "done", "result": result})
    elif args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print_result(result, args.file.name)
    return 0


class _Progress:
    """JSON lines for the window, in thousandths: reading is the whole bar on a dry run,
    its first half when the import also writes. A line only when the figure moves."""

    def __init__(self, enabled: bool, dry_run: bool) -> None:
        self.enabled = enabled
        self.share = 1 if dry_run else 2
        self.last = -1

    def emit(self, event: dict[str, object]) -> None:
        print(json.dumps(event, ensure_ascii=False), flush=True)

    def start(self) -> None:
        if self.enabled:
            self.emit({"event": "start", "total": _STEPS})

    def _tell(self, done: int) -> None:
        if self.enabled and done != self.last:
            self.last = done
            self.emit({"event": "progress", "done": done, "total": _STEPS})

    def reading(self, done: int, total: int) -> None:
        self._tell(_STEPS * done // max(1, total) // self.share)

    def writing(self, done: int, total: int) -> None:
        self._tell((_STEPS + _STEPS * done // max(1, total)) // 2)


def _count(value: object, one: str, many: str = "") -> str:
    number = int(str(value))
    return f"{number:,} {one if number == 1 else many or one + 's'}"


def _print_result(result: dict[str, object], name: str) -> None:
    dry = bool(result["dry_run"])
    verb = "would be added" if dry else "added"
    platform = _NAMES.get(str(result["platform"]), str(result["platform"]))
    parts = [
        f"{_count(result['posts_added'], 'post')} {verb}",
        f"{result['posts_skipped']:,} already in Digwell",
        f"{_count(result['engagement_added'], 'comment or reply', 'comments and replies')} counted",
    ]
    if result["people_added"]:
        parts.append(f"{_count(result['people_added'], 'person', 'people')} {verb}")
    span = f" ({result['first']} to {result['last']})" if result["first"] else ""
    print(f"{name} ({platform}): " + ", ".join(parts) + span + ".")
    preview = result["preview"]
    assert isinstance(preview, dict)
    now, then = preview["streak_now"], preview["streak"]
    print(
        f"Score today: {preview['score_now']}% -> {preview['score']}%; "
        f"streak {now['current']} -> {then['current']} weeks (longest {then['longest']})."
    )
    if dry:
        print("Nothing was written (--dry-run).")
    errors = result["errors"]
    assert isinstance(errors, list)
    for error in errors:
        print(f"{error['where']}: {error['message']}", file=sys.stderr)
