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
  breaks         the planned breaks, [{"id", "from", "to", "note"}] (ISO dates, both
                 days included), by first day; the figures honour them
  on_break       whether today is on a break (then break_until is its last day)
  week_goal      posts this week needs to count towards the streak: week_target, or
                 less in a week partly on a break, 0 in a break week (week_break_days)
and also longest_streak_weeks, behind, posts_total and as_of (the local date). The
rules, breaks included: docs/CADENCE.md.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from app.planner import Planner

if TYPE_CHECKING:
    from app.cadence.report import CadenceReport
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
    if report.streak.target != report.week_target:  # a week partly or mostly on a break
        goal = report.streak.target
        week += f" ({goal} needed, {_days(report.streak.break_days)} on a break)" if goal else ""
        pace = pace or ("" if goal else " (a break week: the streak skips it)")
    rows = [
        ("This week", week + pace),
        ("Score", f"{data['score']}%"),
        ("Streak", _weeks(data["streak_weeks"]) + f" (longest {_weeks(report.streak.longest)})"),
    ]
    mix = ", ".join(
        f"{kind} {part['actual']}% (target {part['target']}%)" for kind, part in data["mix"].items()
    )
    rows.append(("Mix, 90 days", mix if report.total_posts else "no posts yet"))
    away = _break_row(report)
    if away:
        rows.append(("Break", away))
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


def _days(n: int) -> str:
    return f"{n} day{'s' * (n != 1)}"


def _break_row(report: CadenceReport) -> str:
    """Today's break, else the next one planned, else nothing."""
    if report.break_until is not None:
        return f"on a break until {report.break_until.isoformat()}: the score is frozen"
    upcoming = [b for b in report.breaks if b.starts_on > report.today]
    if not upcoming:
        return ""
    first = min(upcoming, key=lambda b: b.starts_on)
    note = f" ({first.note})" if first.note else ""
    return f"next from {first.starts_on.isoformat()} to {first.ends_on.isoformat()}{note}"
