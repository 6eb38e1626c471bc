"""`digwell rescore`: rank every item by the strategy as last saved. The window runs it
in its own process after the strategy changes (scoring 100k items is seconds of Python,
which in the window's process would stall it), following `--json-progress`."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from app.i18n import _, formats, ngettext
from app.planner import Planner

if TYPE_CHECKING:
    from app.commands.arguments import Subcommands


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "rescore", parents=[common], help=_("rank every item again by your strategy as saved")
    )
    cmd.add_argument(
        "--json-progress",
        action="store_true",
        help=_("print progress as JSON lines (progress, done)"),
    )
    cmd.set_defaults(run=run)


def run(planner: Planner, args: argparse.Namespace) -> int:
    last = [0]

    def on_progress(done: int, total: int) -> None:
        if args.json_progress:
            print(json.dumps({"event": "progress", "done": done, "total": total}), flush=True)
        elif total and done * 10 // total > last[0]:  # at each tenth
            last[0] = done * 10 // total
            percent = formats.percent(last[0] * 10)
            print(_("Ranking… {percent}").format(percent=percent), flush=True)

    count = planner.inbox.rescore(on_progress)
    if args.json_progress:
        print(json.dumps({"event": "done", "items": count}), flush=True)
    else:
        print(
            ngettext(
                "Ranked {count} item by your strategy.",
                "Ranked {count} items by your strategy.",
                count,
            ).format(count=formats.number(count))
        )
    return 0
