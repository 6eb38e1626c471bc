"""`digwell feeds ...`: subscribe, list, pause, remove, OPML in and out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import DigwellError
from app.i18n import _, formats, ngettext
from app.planner import Planner

if TYPE_CHECKING:
    from app.commands.arguments import Subcommands
    from app.credentials.secret import FeedSecret
    from app.types import Feed


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    feeds = commands.add_parser("feeds", help=_("manage subscriptions"), parents=[common])
    sub = feeds.add_subparsers(dest="feeds_command", metavar="COMMAND", required=True)

    _add_subscribe_parser(sub, common)

    listing = sub.add_parser("list", parents=[common], help=_("list subscriptions"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(run=_list)

    for name, helptext, runner in (
        ("remove", _("unsubscribe (starred and drafted items stay)"), _remove),
        ("pause", _("stop refreshing a feed"), _pause),
        ("resume", _("refresh a paused feed again"), _resume),
    ):
        cmd = sub.add_parser(name, parents=[common], help=helptext)
        cmd.add_argument("feed", metavar="URL|ID")
        cmd.set_defaults(run=runner)

    imp = sub.add_parser(
        "import-opml", parents=[common], help=_("subscribe to an OPML file's feeds")
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.set_defaults(run=_import)
    exp = sub.add_parser("export-opml", parents=[common], help=_("write subscriptions as OPML"))
    exp.add_argument("file", type=Path, metavar="FILE")
    exp.set_defaults(run=_export)


def _add_subscribe_parser(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    """`feeds add`: a feed or a web page, perhaps private."""
    add = sub.add_parser(
        "add",
        parents=[common],
        help=_("subscribe to a feed, or to the feed a website links to"),
        description=_(
            "Subscribe to URL: a feed, or a web page whose feed is found for you. "
            "A private feed's secret is read from standard input and kept only in the "
            "system keyring."
        ),
    )
    add.add_argument("url", metavar="URL")
    add.add_argument(
        "--theme",
        action="append",
        default=[],
        metavar="NAME",
        help=_("file the feed under this theme (repeatable; created if new)"),
    )
    add.add_argument("--title", default="", help=_("your own name for the feed"))
    add.add_argument(
        "--pick",
        type=int,
        metavar="N",
        help=_("when a page offers several feeds, take the Nth (1 = first)"),
    )
    add.add_argument(
        "--auth",
        choices=("basic", "bearer", "header"),
        help=_("the feed is private: how to sign in"),
    )
    add.add_argument("--user", default="", help=_("user name for --auth basic"))
    add.add_argument(
        "--header",
        default="",
        metavar="NAME",
        help=_("header name for --auth header (e.g. X-Api-Key)"),
    )
    add.set_defaults(run=_add)


def _add(planner: Planner, args: argparse.Namespace) -> int:
    secret = _read_secret(args) if args.auth else None  # a private feed: discover signed in
    choices = planner.feeds.find(args.url, secret=secret)
    if len(choices) > 1 and args.pick is None:
        print(
            _("{url} offers {count} feeds; choose one with --pick N:").format(
                url=args.url, count=len(choices)
            )
        )
        for n, choice in enumerate(choices, 1):
            print(f"  {n}. {choice.title or _('(untitled)')} [{choice.kind}] {choice.url}")
        return 3
    index = (args.pick or 1) - 1
    if not 0 <= index < len(choices):
        raise DigwellError(
            _("There is no feed number {number}.").format(number=args.pick),
            _("Pick 1 to {count}.").format(count=len(choices)),
        )
    choice = choices[index]
    feed = planner.feeds.subscribe(
        choice.url, themes=args.theme, title=args.title or choice.title, secret=secret
    )
    name = feed.title or feed.url
    if feed.themes:
        text = _("Subscribed to {name} ({url}) under {themes}.").format(
            name=name, url=feed.url, themes=", ".join(feed.themes)
        )
    else:
        text = _("Subscribed to {name} ({url}).").format(name=name, url=feed.url)
    print(text)
    return 0


def _read_secret(args: argparse.Namespace) -> FeedSecret:
    from app.credentials.secret import FeedSecret

    if args.auth == "basic" and not args.user:
        raise DigwellError(
            _("--auth basic needs --user NAME."), _("Give the user name to sign in with.")
        )
    if args.auth == "header" and not args.header:
        raise DigwellError(
            _("--auth header needs --header NAME."), _("For example --header X-Api-Key.")
        )
    if sys.stdin.isatty():
        import getpass

        value = getpass.getpass(_("Secret (kept only in the system keyring): "))
    else:
        value = sys.stdin.readline().rstrip("\r\n")
    if not value:
        raise DigwellError(
            _("No secret was given."), _("Type it at the prompt or pipe it on stdin.")
        )
    name = {"basic": args.user, "header": args.header}.get(args.auth, "")
    return FeedSecret(kind=args.auth, name=name, value=value)


def _list(planner: Planner, args: argparse.Namespace) -> int:
    feeds = planner.feeds.list_feeds()
    if args.json:
        print(json.dumps([_feed_json(f) for f in feeds], indent=2, ensure_ascii=False))
        return 0
    if not feeds:
        print(_("No subscriptions yet. Add one with: digwell feeds add URL --theme NAME"))
        return 0
    for f in feeds:
        state = _("paused") if f.paused else (_("error") if f.last_error else _("ok"))
        themes = ", ".join(f.themes) or _("no theme")
        items = ngettext("{count} item", "{count} items", f.item_count).format(
            count=formats.number(f.item_count)
        )
        print(f"{f.id:>4}  {f.title or f.url}  [{themes}]  {items}  {state}")
        print(f"      {f.url}")
        if f.last_error:
            print("      " + _("last error: {error}").format(error=f.last_error))
    return 0


def _feed_json(f: Feed) -> dict[str, object]:
    return {
        "id": f.id,
        "url": f.url,
        "title": f.title,
        "site_url": f.site_url,
        "themes": list(f.themes),
        "last_success": f.last_success.isoformat() if f.last_success else None,
        "last_error": f.last_error,
        "item_count": f.item_count,
        "paused": f.paused,
        "paused_reason": f.paused_reason,
        "private": bool(f.auth_kind),
    }


def _remove(planner: Planner, args: argparse.Namespace) -> int:
    kept = planner.feeds.remove(args.feed)
    if kept:
        text = ngettext(
            "Unsubscribed from {feed}; {count} starred or drafted item kept.",
            "Unsubscribed from {feed}; {count} starred or drafted items kept.",
            kept,
        ).format(feed=args.feed, count=kept)
    else:
        text = _("Unsubscribed from {feed}.").format(feed=args.feed)
    print(text)
    return 0


def _pause(planner: Planner, args: argparse.Namespace) -> int:
    feed = planner.feeds.set_paused(args.feed, True)
    print(_("Paused {feed}.").format(feed=feed.title or feed.url))
    return 0


def _resume(planner: Planner, args: argparse.Namespace) -> int:
    feed = planner.feeds.set_paused(args.feed, False)
    print(
        _("Resumed {feed}; it is refreshed with the next refresh.").format(
            feed=feed.title or feed.url
        )
    )
    return 0


def _import(planner: Planner, args: argparse.Namespace) -> int:
    report = planner.feeds.import_opml(args.file)
    added = len(report.added)
    print(
        ngettext(
            "Added {count} feed, skipped {skipped}.",
            "Added {count} feeds, skipped {skipped}.",
            added,
        ).format(count=added, skipped=len(report.skipped))
    )
    for name in report.themes_created:
        print("  " + _("new theme: {name}").format(name=name))
    for what, why in report.skipped:
        print("  " + _("skipped {what}: {why}").format(what=what, why=why))
    return 0


def _export(planner: Planner, args: argparse.Namespace) -> int:
    count = planner.feeds.export_opml(args.file)
    print(
        ngettext(
            "Wrote {count} feed to {file} (no passwords or tokens).",
            "Wrote {count} feeds to {file} (no passwords or tokens).",
            count,
        ).format(count=count, file=args.file)
    )
    return 0
