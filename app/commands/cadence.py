"""`digwell cadence`: the presence score, streak, this week, content mix and theme
coverage, the same figures the Cadence page shows.

`--json` prints one object. Scripts rely on these keys:
  score          the presence score as a whole percent, 0-100 (see README)
  streak_weeks   consecutive calendar weeks that met the weekly target
  week_posts     posts in the current calendar week (Monday first, local time)
  week_target    the weekly target
  mix            {"share"|"original"|"credit": {"posts", "actual", "target"}} over
                 90 days, percentages as whole numbers
  themes         [{"name", "last_post", "weeks_quiet", "posts_30", "share_30",
                   "posts_90", "share_90"}]
  summary        the one-line readiness summary
and also longest_streak_weeks, behind, posts_total and as_of (the local date).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from app.planner import Planner

if TYPE_CHECKING:
    from app.commands.arguments import Subcommands


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "cadence",
        parents=[common],
        help="your presence score, streak, this week, content mix and theme coverage",
        description="Show how steady your presence is: the figures of the Cadence page.",
    )
    cmd.add_argument("--json", action="store_true", help="print one JSON object")
    cmd.set_defaults(run=run)


def run(planner: Planner, args: argparse.Namespace) -> int:
    from app.cadence.report import report_json

    report = planner.cadence.report()
    data = report_json(report, planner.clock.tz())
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(report.summary)
    print()
    week = f"{data['week_posts']} of {data['week_target']} posts"
    pace = (
        " (behind)" if report.behind else " (target met)" if report.streak.current_week_met else ""
    )
    rows = [
        ("This week", week + pace),
        ("Score", f"{data['score']}%"),
        ("Streak", _weeks(data["streak_weeks"]) + f" (longest {_weeks(report.streak.longest)})"),
    ]
    mix = ", ".join(
        f"{kind} {part['actual']}% (target {part['target']}%)" for kind, part in data["mix"].items()
    )
    rows.append(("Mix, 90 days", mix if report.total_posts else "no posts yet"))
    for label, value in rows:
        print(f"{label:<14}{value}")
    if data["themes"]:
        print()
        width = max(len(t["name"]) for t in data["themes"])
        print(f"{'Theme':<{width}}  {'last post':<16}{'30 days':<12}90 days")
        for theme in data["themes"]:
            quiet = theme["weeks_quiet"]
            last = (
                "never" if quiet is None else "this week" if quiet == 0 else f"{_weeks(quiet)} ago"
            )
            print(
                f"{theme['name']:<{width}}  {last:<16}"
                f"{theme['posts_30']:>3} ({theme['share_30']:>3}%)  "
                f"{theme['posts_90']:>3} ({theme['share_90']:>3}%)"
            )
    return 0


def _weeks(n: int) -> str:
    return f"{n} week{'s' * (n != 1)}"
