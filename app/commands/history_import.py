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
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import _, formats, ngettext
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
        help=_("import your posts from a LinkedIn, X, Mastodon or Bluesky export"),
        description=_(
            "Import your own posts (and count your comments and replies) from the "
            "file a platform lets you download: LinkedIn's data export (.zip or Shares.csv), "
            "an X archive (.zip), a Mastodon archive (.zip) or a Bluesky repository (.car). A "
            "LinkedIn export's connections are imported as people too. Nothing is imported "
            "twice. See docs/HISTORY.md."
        ),
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--platform",
        choices=PLATFORM_CHOICES,
        default="auto",
        help=_("which platform's export FILE is (default: told from the file)"),
    )
    parser.add_argument(
        "--dry-run", action="store_true", help=_("show what would be imported; write nothing")
    )
    parser.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    parser.add_argument(
        "--json-progress", action="store_true", help=_("print progress as JSON lines (the window)")
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


def _number(value: object) -> int:
    return int(str(value))


def _print_result(result: dict[str, object], name: str) -> None:
    dry = bool(result["dry_run"])
    platform = _NAMES.get(str(result["platform"]), str(result["platform"]))
    counts = _counts(result, dry)
    if result["first"]:
        first = formats.day_month_year(date.fromisoformat(str(result["first"])))
        last = formats.day_month_year(date.fromisoformat(str(result["last"])))
        # Translators: {file} was imported from {platform}; {counts} lists what was added;
        # {first} and {last} are the days of the first and last new post.
        line = _("{file} ({platform}): {counts} ({first} to {last}).")
        print(line.format(file=name, platform=platform, counts=counts, first=first, last=last))
    else:
        # Translators: {file} was imported from {platform}; {counts} lists what was added.
        line = _("{file} ({platform}): {counts}.")
        print(line.format(file=name, platform=platform, counts=counts))
    _print_preview(result["preview"])
    if dry:
        print(_("Nothing was written (--dry-run)."))
    errors = result["errors"]
    assert isinstance(errors, list)
    for error in errors:
        print(f"{error['where']}: {error['message']}", file=sys.stderr)


def _counts(result: dict[str, object], dry: bool) -> str:
    """What was (or would be) added: "3 posts added, 1 already in Digwell, …"."""
    posts, skipped = _number(result["posts_added"]), _number(result["posts_skipped"])
    engagement, people = _number(result["engagement_added"]), _number(result["people_added"])
    if dry:
        added = ngettext(
            "{count} post would be added", "{count} posts would be added", posts
        ).format(count=formats.number(posts))
    else:
        added = ngettext("{count} post added", "{count} posts added", posts).format(
            count=formats.number(posts)
        )
    parts = [
        added,
        ngettext("{count} already in Digwell", "{count} already in Digwell", skipped).format(
            count=formats.number(skipped)
        ),
        ngettext(
            "{count} comment or reply counted", "{count} comments and replies counted", engagement
        ).format(count=formats.number(engagement)),
    ]
    if people and dry:
        parts.append(
            ngettext(
                "{count} person would be added", "{count} people would be added", people
            ).format(count=formats.number(people))
        )
    elif people:
        parts.append(
            ngettext("{count} person added", "{count} people added", people).format(
                count=formats.number(people)
            )
        )
    return ", ".join(parts)


def _print_preview(preview: object) -> None:
    """The score and streak today, and with the imported history."""
    assert isinstance(preview, dict)
    now, then = preview["streak_now"], preview["streak"]
    print(
        # Translators: the presence score and the streak today -> with the imported history.
        ngettext(
            "Score today: {score_now} -> {score}; streak {streak_now} -> {streak} week "
            "(longest {longest}).",
            "Score today: {score_now} -> {score}; streak {streak_now} -> {streak} weeks "
            "(longest {longest}).",
            int(then["current"]),
        ).format(
            score_now=formats.percent(preview["score_now"]),
            score=formats.percent(preview["score"]),
            streak_now=formats.number(now["current"]),
            streak=formats.number(then["current"]),
            longest=formats.number(then["longest"]),
        )
    )
