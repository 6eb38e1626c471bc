"""`digwell inbox`: the ranked inbox, as the window lists it, for people and scripts."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from app.errors import DigwellError
from app.i18n import _, formats
from app.planner import Planner

if TYPE_CHECKING:
    from typing import TypedDict

    from app.commands.arguments import Subcommands
    from app.types import InboxFilter

    class ListedItem(TypedDict):
        """An item as `digwell inbox --json` prints it."""

        id: int
        score: float  # 0-1, decayed by age
        theme: str
        reason: str
        title: str
        link: str
        source: str
        published: str | None  # ISO 8601
        read: bool
        starred: bool
        shared_at: str | None


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "inbox", parents=[common], help=_("list items ranked by your themes, with the reasons")
    )
    cmd.add_argument("--theme", metavar="NAME", help=_("only items matching this theme"))
    cmd.add_argument(
        "--search", metavar="TEXT", help=_("only items whose title or text has these words")
    )
    cmd.add_argument(
        "--show",
        choices=("inbox", "unread", "read", "starred", "dismissed"),
        default="inbox",
        help=_("which items (default: all but the dismissed)"),
    )
    cmd.add_argument("--limit", metavar="N", type=int, default=20, help=_("at most N items (20)"))
    cmd.add_argument("--json", action="store_true", help=_("print a JSON list"))
    cmd.set_defaults(run=run)


def run(planner: Planner, args: argparse.Namespace) -> int:
    from app.strategy.ranking import score_at
    from app.types import InboxFilter

    if args.limit < 1:
        raise DigwellError(_("--limit must be at least 1."), _("For example: --limit 50."))
    theme_id = _theme_id(planner, args.theme)
    if not planner.inbox.scores_current():
        print(_("Ranking every item by your strategy as last saved…"), file=sys.stderr)
        planner.inbox.rescore()
    inbox = InboxFilter(theme_id, args.show, args.search or "")
    ids = planner.inbox.ids(args.limit, inbox)
    rows = planner.inbox.rows(ids, theme_id)
    now = planner.clock.now()
    half_life = planner.inbox.half_life_days()
    listed: list[ListedItem] = []
    for item_id in ids:
        row = rows.get(item_id)
        if row is None:
            continue
        when = row.sort_time or now
        listed.append(
            {
                "id": row.id,
                "score": round(score_at(row.relevance, when, now, half_life), 4),
                "theme": row.theme,
                "reason": row.reason,
                "title": row.title,
                "link": row.link,
                "source": row.source,
                "published": row.published.isoformat() if row.published else None,
                "read": row.read,
                "starred": row.starred,
                "shared_at": row.shared_at.isoformat() if row.shared_at else None,
            }
        )
    if args.json:
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return 0
    if not listed:
        print(_nothing(planner, inbox))
        return 0
    for entry in listed:
        score = formats.percent(entry["score"] * 100).rjust(4)
        print(f"{score}  {entry['title']}")
        reason = entry["reason"] or _("matches no theme")
        print(f"      {reason} · {entry['source']}")
        if entry["link"]:
            print(f"      {entry['link']}")
    return 0


def _theme_id(planner: Planner, name: str | None) -> int:
    if not name:
        return 0
    themes = planner.strategy.themes()
    for theme in themes:
        if theme.name.casefold() == name.strip().casefold():
            return theme.id
    known = ", ".join(t.name for t in themes) or _("none yet")
    raise DigwellError(
        _("There is no theme named '{name}'.").format(name=name),
        _("Your themes: {themes}. See them with `digwell strategy show`.").format(themes=known),
    )


def _nothing(planner: Planner, inbox: InboxFilter) -> str:
    if not planner.inbox.item_count():
        return _("The inbox is empty: add feeds (`digwell feeds add URL`), then `digwell refresh`.")
    if inbox.search:
        return _("Nothing matches '{search}'.").format(search=inbox.search)
    return _("Nothing to list in this view.")
