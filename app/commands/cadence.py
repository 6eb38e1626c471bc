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

from app.i18n import N_, _, formats, ngettext
from app.planner import Planner

if TYPE_CHECKING:
    from app.cadence.report import CadenceReport, ReportJson, ThemeJson
    from app.commands.arguments import Subcommands

# The content mix's kinds (stored identifiers) and the words shown for them.
MIX_WORDS = {"share": N_("share"), "original": N_("original"), "credit": N_("credit")}
# The width of the labels' column, at least.
LABEL_WIDTH = 14


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "cadence",
        parents=[common],
        help=_("your presence score, streak, this week, content mix and theme coverage"),
        description=_("Show how steady your presence is: the figures of the Cadence page."),
    )
    cmd.add_argument("--json", action="store_true", help=_("print one JSON object"))
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
    rows = [
        (_("This week"), _week_text(report, data)),
        (_("Score"), formats.percent(data["score"])),
        (
            _("Streak"),
            _("{weeks} (longest {longest})").format(
                weeks=_weeks(data["streak_weeks"]), longest=_weeks(report.streak.longest)
            ),
        ),
    ]
    mix = _mix_text(data)
    rows.append((_("Mix, 90 days"), mix if report.total_posts else _("no posts yet")))
    away = _break_row(report)
    if away:
        rows.append((_("Break"), away))
    label_width = max(LABEL_WIDTH, *(len(label) + 2 for label, _value in rows))
    for label, value in rows:
        print(f"{label:<{label_width}}{value}")
    if data["themes"]:
        print()
        _print_themes(data["themes"])
    return 0


def _week_text(report: CadenceReport, data: ReportJson) -> str:
    """This week: "3 of 4 posts (behind)", with what a break leaves of the target."""
    target = int(data["week_target"])
    week = [
        ngettext("{posts} of {target} post", "{posts} of {target} posts", target).format(
            posts=data["week_posts"], target=target
        )
    ]
    pace = _("(behind)") if report.behind else ""
    if not pace and report.streak.current_week_met:
        pace = _("(target met)")
    if report.streak.target != report.week_target:  # a week partly or mostly on a break
        goal = report.streak.target
        if goal:
            week.append(
                _("({goal} needed, {days} on a break)").format(
                    goal=goal, days=_days(report.streak.break_days)
                )
            )
        pace = pace or ("" if goal else _("(a break week: the streak skips it)"))
    week += [pace] if pace else []
    return " ".join(week)


def _mix_text(data: ReportJson) -> str:
    """The content mix over 90 days, each kind against its target."""
    return ", ".join(
        # Translators: "share 40% (target 50%)": {kind} is share, original or credit.
        _("{kind} {actual} (target {target})").format(
            kind=_(MIX_WORDS[kind]) if kind in MIX_WORDS else kind,
            actual=formats.percent(part["actual"]),
            target=formats.percent(part["target"]),
        )
        for kind, part in data["mix"].items()
    )


def _print_themes(themes: list[ThemeJson]) -> None:
    """The themes' table: when each was last posted about, and its share of the posts."""
    heads = (_("Theme"), _("last post"), _("30 days"), _("90 days"))
    width = max(len(heads[0]), *(len(t["name"]) for t in themes))
    last_width = max(16, len(heads[1]) + 2)
    print(f"{heads[0]:<{width}}  {heads[1]:<{last_width}}{heads[2]:<12}{heads[3]}")
    for theme in themes:
        quiet = theme["weeks_quiet"]
        if quiet is None:
            last = _("never")
        elif quiet == 0:
            last = _("this week")
        else:
            last = _("{weeks} ago").format(weeks=_weeks(quiet))
        print(
            f"{theme['name']:<{width}}  {last:<{last_width}}"
            f"{theme['posts_30']:>3} ({formats.percent(theme['share_30']):>4})  "
            f"{theme['posts_90']:>3} ({formats.percent(theme['share_90']):>4})"
        )


def _weeks(n: int) -> str:
    return ngettext("{count} week", "{count} weeks", n).format(count=n)


def _days(n: int) -> str:
    return ngettext("{count} day", "{count} days", n).format(count=n)


def _break_row(report: CadenceReport) -> str:
    """Today's break, else the next one planned, else nothing."""
    if report.break_until is not None:
        return _("on a break until {date}: the score is frozen").format(
            date=formats.day_month_year(report.break_until)
        )
    upcoming = [b for b in report.breaks if b.starts_on > report.today]
    if not upcoming:
        return ""
    first = min(upcoming, key=lambda b: b.starts_on)
    text = _("next from {first} to {last}").format(
        first=formats.day_month_year(first.starts_on), last=formats.day_month_year(first.ends_on)
    )
    return f"{text} ({first.note})" if first.note else text
