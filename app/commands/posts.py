"""`digwell posts ...`: the log of posts you made, in Digwell or elsewhere.

    digwell posts add --date YYYY-MM-DD [--time HH:MM] --platform P [--kind K]
                      [--theme NAME] [--url URL] [--text TEXT] [--json]
    digwell posts list [--json] [--limit N]
    digwell posts edit ID [--date] [--time] [--platform] [--kind] [--theme NAME|""]
                          [--url] [--text] [--json]
    digwell posts delete ID
    digwell posts import FILE.csv [--json]

Dates and times are in your time zone; a post without a time is logged at 12:00.

The CSV file for `import` (UTF-8, a header row, columns in any order, names in any case):

    date      required, YYYY-MM-DD
    time      HH:MM, 24-hour; 12:00 when empty
    platform  required: linkedin, x (or twitter), mastodon, bluesky, threads or other
    kind      share (the default), original, credit or help
    theme     the name of one of your themes; empty for none
    url       the post's web address (http or https)
    text      what the post said

Any other column is an error. One bad row and nothing is imported: every bad row is
listed by its line in the file, on stderr, with exit status 2. Rows already in the log
(same time, platform and URL) are skipped, so importing a file twice adds nothing.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.arguments import positive_int
from app.errors import DigwellError
from app.i18n import N_, _, formats, ngettext, pgettext
from app.planner import Planner
from app.types import POST_KINDS, Post

if TYPE_CHECKING:
    from app.commands.arguments import Subcommands

# The log's modules are imported when a posts command runs: the window builds this
# parser at start-up.
PLATFORM_CHOICES = "linkedin, x, mastodon, bluesky, threads, other"

_CSV_HELP = N_(
    "FILE is UTF-8 CSV with a header row naming its columns: date (YYYY-MM-DD, required), "
    "time (HH:MM), platform (required), kind, theme, url, text. One bad row and nothing is "
    "imported; rows already logged are skipped."
)


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    parents = [common]
    posts = commands.add_parser(
        "posts",
        parents=parents,
        help=_("the log of posts you made, here or elsewhere"),
        description=_("The log of your posts: what counts towards your cadence."),
    )
    sub = posts.add_subparsers(dest="posts_command", metavar="COMMAND", required=True)

    add = sub.add_parser(
        "add",
        parents=parents,
        help=_("log a post you made"),
        description=_(
            "Log a post you made (for example outside Digwell). Dates and times "
            "are in your time zone; without --time the post is logged at 12:00."
        ),
    )
    _post_options(add, required=True)
    add.set_defaults(run=run_add)

    listing = sub.add_parser("list", parents=parents, help=_("list logged posts, newest first"))
    listing.add_argument("--limit", type=positive_int, metavar="N", help=_("only the newest N"))
    listing.add_argument("--json", action="store_true", help=_("print a JSON list"))
    listing.set_defaults(run=run_list)

    edit = sub.add_parser(
        "edit",
        parents=parents,
        help=_("change a logged post"),
        description=_(
            "Change only the given fields of post ID. A new --date keeps the "
            'post\'s time, a new --time keeps its date; --theme "" takes its theme away.'
        ),
    )
    edit.add_argument("id", type=int, metavar="ID")
    _post_options(edit, required=False)
    edit.set_defaults(run=run_edit)

    delete = sub.add_parser("delete", parents=parents, help=_("take a post out of the log"))
    delete.add_argument("id", type=int, metavar="ID")
    delete.set_defaults(run=run_delete)

    imp = sub.add_parser(
        "import",
        parents=parents,
        help=_("log the posts of a CSV file"),
        description=_(_CSV_HELP),
    )
    imp.add_argument("file", type=Path, metavar="FILE.csv")
    imp.add_argument("--json", action="store_true", help=_("print the counts as JSON"))
    imp.set_defaults(run=run_import)


def _post_options(cmd: argparse.ArgumentParser, required: bool) -> None:
    cmd.add_argument("--date", required=required, metavar="YYYY-MM-DD", help=_("the day"))
    cmd.add_argument("--time", metavar="HH:MM", help=_("the time, 24-hour (default 12:00)"))
    cmd.add_argument(
        "--platform",
        required=required,
        metavar="P",
        # Translators: {platforms} are the words --platform takes.
        help=_("where: {platforms}").format(platforms=PLATFORM_CHOICES),
    )
    cmd.add_argument(
        "--kind",
        default="share" if required else None,
        metavar="KIND",
        # Translators: {kinds} are the words --kind takes ("share, original, …").
        help=(
            _("what it was: {kinds} (default share)") if required else _("what it was: {kinds}")
        ).format(kinds=", ".join(POST_KINDS)),
    )
    cmd.add_argument("--theme", metavar="NAME", help=_('one of your themes ("" for none)'))
    cmd.add_argument("--url", metavar="URL", help=_("the post's web address"))
    cmd.add_argument("--text", metavar="TEXT", help=_("what it said"))
    cmd.add_argument("--json", action="store_true", help=_("print the post as JSON"))


def run_add(planner: Planner, args: argparse.Namespace) -> int:
    log = planner.cadence.log
    post = log.add(
        log.parse_input(
            args.date,
            args.time,
            args.platform,
            args.kind or "share",
            args.theme,
            args.url or "",
            args.text or "",
        )
    )
    # Translators: {post} describes it: "2026-11-20 12:00, LinkedIn, share".
    _print_post(planner, post, _("Logged post {id}: {post}."), args.json)
    return 0


def run_edit(planner: Planner, args: argparse.Namespace) -> int:
    log = planner.cadence.log
    post = log.get(args.id)
    changes = log.parse_changes(
        post,
        date=args.date,
        time=args.time,
        platform=args.platform,
        kind=args.kind,
        theme=args.theme,
        url=args.url,
        text=args.text,
    )
    if not changes:
        raise DigwellError(
            _("Nothing to change in post {id}.").format(id=args.id),
            _("Give what changes: --date, --time, --platform, --kind, --theme, --url or --text."),
        )
    # Translators: {post} describes it: "2026-11-20 12:00, LinkedIn, share".
    _print_post(planner, log.edit(args.id, **changes), _("Updated post {id}: {post}."), args.json)
    return 0


def run_delete(planner: Planner, args: argparse.Namespace) -> int:
    log = planner.cadence.log
    post = log.delete(args.id)
    # Translators: {post} describes it: "2026-11-20 12:00, LinkedIn, share".
    print(_("Deleted post {id} ({post}).").format(id=post.id, post=log.describe(post)))
    return 0


def run_list(planner: Planner, args: argparse.Namespace) -> int:
    log = planner.cadence.log
    posts = log.list(args.limit)
    if args.json:
        print(json.dumps([log.to_json(p) for p in posts], ensure_ascii=False, indent=2))
        return 0
    if not posts:
        print(
            _(
                "No posts logged yet. Mark a draft as posted, add one with "
                "`digwell posts add --date YYYY-MM-DD --platform linkedin`, "
                "or import a CSV file with `digwell posts import FILE.csv`."
            )
        )
        return 0
    from app.cadence.post_fields import platform_name

    tz = planner.clock.tz()
    rows = [
        (
            pgettext("column", "ID"),
            pgettext("column", "WHEN"),
            pgettext("column", "PLATFORM"),
            pgettext("column", "KIND"),
            pgettext("column", "THEME"),
            pgettext("column", "URL"),
        )
    ]
    for post in posts:
        rows.append(
            (
                str(post.id),
                f"{post.posted_at.astimezone(tz):%Y-%m-%d %H:%M}",
                platform_name(post.platform),
                post.kind,
                log.theme_name(post.theme_id) or "-",
                post.url or "-",
            )
        )
    widths = [max(len(row[n]) for row in rows) for n in range(len(rows[0]) - 1)]
    for row in rows:
        # The URL is last and unpadded: long ones would push nothing out of line.
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        print("  ".join((*cells, row[-1])).rstrip())
    return 0


def run_import(planner: Planner, args: argparse.Namespace) -> int:
    report = planner.cadence.log.import_csv(args.file)
    if args.json:
        print(json.dumps(report._asdict(), ensure_ascii=False))
        return 0
    if report.skipped:
        text = ngettext(
            "Imported {count} post ({skipped} already in the log).",
            "Imported {count} posts ({skipped} already in the log).",
            report.added,
        )
    else:
        text = ngettext("Imported {count} post.", "Imported {count} posts.", report.added)
    print(text.format(count=formats.number(report.added), skipped=formats.number(report.skipped)))
    return 0


def _print_post(planner: Planner, post: Post, message: str, as_json: bool) -> None:
    """The post as JSON, else `message` ("Logged post {id}: {post}.") filled in."""
    log = planner.cadence.log
    if as_json:
        print(json.dumps(log.to_json(post), ensure_ascii=False, indent=2))
    else:
        print(message.format(id=post.id, post=log.describe(post)))
