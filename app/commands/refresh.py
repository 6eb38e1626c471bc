"""`digwell refresh`: fetch every due feed; `--json-progress` prints one JSON line per
event, which is how the GUI follows a refresh it started in its own process."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from app.i18n import _, formats, ngettext
from app.planner import Planner

if TYPE_CHECKING:
    from types import FrameType

    from app.commands.arguments import Subcommands
    from app.feeds.refresh import FeedOutcome, RefreshReport


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "refresh", parents=[common], help=_("fetch new items from every due feed")
    )
    cmd.add_argument(
        "--json-progress",
        action="store_true",
        help=_("print progress as JSON lines (start, one per feed, done)"),
    )
    cmd.add_argument(
        "--all",
        action="store_true",
        help=_("also fetch feeds that asked to be left alone for now"),
    )
    cmd.add_argument(
        "--background",
        action="store_true",
        help=_("run at low CPU priority, so the window stays responsive (the window uses it)"),
    )
    cmd.set_defaults(run=run)


def run(planner: Planner, args: argparse.Namespace) -> int:
    if args.background:
        lower_priority()

    def emit(event: dict[str, object]) -> None:
        print(json.dumps(event, ensure_ascii=False), flush=True)

    def on_start(total: int) -> None:
        if args.json_progress:
            emit({"event": "start", "total": total})
        elif total == 0:
            print(_("Nothing to refresh: no feed is due."))

    from app.logs import get_logger

    log = get_logger(__name__)

    def on_progress(done: int, total: int, outcome: FeedOutcome) -> None:
        if outcome.status in ("error", "gone"):
            log.warning("%s: %s", outcome.url, outcome.error)
        else:
            log.debug("%s: %s", outcome.url, outcome.status)
        if args.json_progress:
            emit({"event": "feed", "done": done, "total": total, **outcome._asdict()})
        elif outcome.status in ("error", "gone"):
            print(
                # Translators: {done} of {total} feeds; {feed} is its title, {error} what failed.
                _("[{done}/{total}] {feed}: {error}").format(
                    done=done, total=total, feed=outcome.title, error=outcome.error
                ),
                file=sys.stderr,
            )

    with _exit_on_terminate():
        report = planner.feeds.refresh(
            force=args.all,
            on_start=on_start,
            on_progress=on_progress,
        )
    log.info(
        "refreshed %d feeds in %.1f s: %d new, %d updated, %d unchanged, %d with errors",
        report.feeds,
        report.elapsed_s,
        report.added,
        report.updated,
        report.not_modified,
        report.errors,
    )
    if args.json_progress:
        emit({"event": "done", **report._asdict()})
    else:
        print(_refreshed(report))
    return 1 if report.feeds and report.errors == report.feeds else 0


def _refreshed(report: RefreshReport) -> str:
    """ "Refreshed 12 feeds in 3.4 s: 40 new items, 2 updated, 9 unchanged, 1 with errors."."""
    feeds = ngettext("{count} feed", "{count} feeds", report.feeds).format(
        count=formats.number(report.feeds)
    )
    items = ngettext("{count} new item", "{count} new items", report.added).format(
        count=formats.number(report.added)
    )
    # Translators: {feeds} is "12 feeds", {items} "40 new items"; the others are counts of feeds.
    return _(
        "Refreshed {feeds} in {seconds} s: {items}, {updated} updated, {unchanged} unchanged, "
        "{errors} with errors."
    ).format(
        feeds=feeds,
        seconds=formats.number(report.elapsed_s, 1),
        items=items,
        updated=formats.number(report.updated),
        unchanged=formats.number(report.not_modified),
        errors=formats.number(report.errors),
    )


@contextlib.contextmanager
def _exit_on_terminate() -> Iterator[None]:
    """SIGTERM (the window's Stop button) unwinds like an exit, so the refresh stops its
    worker processes on the way out; by default Python would die and leave them."""
    import signal

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (an embedding caller): leave it as it is
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# Windows' SetPriorityClass value: below normal, above idle. Processes this one starts
# (the refresh's workers) inherit it.
_BELOW_NORMAL_PRIORITY_CLASS = 0x4000


def lower_priority() -> None:
    """Yield the CPU to the window: parsing uses every core, and on a 2-core machine an
    equal-priority refresh delayed the window's timers by up to ~35 ms. Worker processes
    inherit the lower priority."""
    import os
    import sys

    if hasattr(os, "nice"):  # POSIX
        with contextlib.suppress(OSError):  # not allowed: normal priority then
            os.nice(10)
    elif sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        # Failure (returns 0) leaves normal priority, as os.nice's OSError does.
        kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), _BELOW_NORMAL_PRIORITY_CLASS)
