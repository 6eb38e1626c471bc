"""`digwell draft`: a post drafted from an item and saved; `digwell templates`: the
template library (list, duplicate to edit, where the user's templates live)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from app.compose.drafts import DEFAULT_TEMPLATE
from app.compose.platforms import DEFAULT_PLATFORM, PLATFORMS
from app.i18n import _
from app.planner import Planner

if TYPE_CHECKING:
    from app.commands.arguments import Subcommands


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "draft", parents=[common], help=_("draft a post from an item, print it and save it")
    )
    cmd.add_argument(
        "--item",
        type=int,
        required=True,
        action="append",
        metavar="ID",
        help=_("the item's id (`digwell inbox --json` lists them); repeat it for a roundup"),
    )
    cmd.add_argument(
        "--template",
        default=DEFAULT_TEMPLATE,
        metavar="NAME",
        help=_("the template (default {template}; `digwell templates list` shows all)").format(
            template=DEFAULT_TEMPLATE
        ),
    )
    cmd.add_argument(
        "--platform",
        default=DEFAULT_PLATFORM,
        metavar="P",
        help=_("where it will be posted: {platforms} (default {default})").format(
            platforms=", ".join(PLATFORMS), default=DEFAULT_PLATFORM
        ),
    )
    cmd.add_argument("--take", default="", metavar="TEXT", help=_("your own take, in your words"))
    cmd.add_argument(
        "--json", action="store_true", help=_("print the draft's id, text and count as JSON")
    )
    cmd.set_defaults(run=run_draft)

    templates = commands.add_parser(
        "templates", parents=[common], help=_("list the draft templates, or copy one to edit")
    )
    actions = templates.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help=_("every template, by title"))
    listing.add_argument("--json", action="store_true", help=_("print them as JSON"))
    listing.set_defaults(run=run_list)
    duplicate = actions.add_parser(
        "duplicate",
        parents=[common],
        help=_(
            "copy a template into your templates folder to edit it; under the same name "
            "your copy replaces the bundled one"
        ),
    )
    duplicate.add_argument("name", metavar="NAME")
    duplicate.add_argument("--as", dest="new_name", metavar="NEW", help=_("the copy's name"))
    duplicate.set_defaults(run=run_duplicate)
    folder = actions.add_parser(
        "folder", parents=[common], help=_("print the folder of your own templates")
    )
    folder.set_defaults(run=run_folder)


def run_draft(planner: Planner, args: argparse.Namespace) -> int:
    draft = planner.drafting.new_draft(args.item, args.template, args.platform, args.take)
    if args.json:
        count = planner.drafting.count(draft.text, draft.platform)
        print(
            json.dumps(
                {
                    "id": draft.id,
                    "items": args.item,
                    "template": draft.template,
                    "platform": draft.platform,
                    "text": draft.text,
                    "count": count.count,
                    "limit": count.limit,
                },
                ensure_ascii=False,
            )
        )
    else:
        print(draft.text)
    return 0


def run_list(planner: Planner, args: argparse.Namespace) -> int:
    templates = planner.drafting.templates.templates()
    if args.json:
        rows = [
            {
                "name": t.name,
                "title": t.title,
                "description": t.description,
                "kind": t.kind,
                "platforms": list(t.platforms),
                "path": str(t.path),
                "yours": t.user,
            }
            for t in templates
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    width = max((len(t.name) for t in templates), default=0)
    for t in templates:
        mine = " " + _("(yours)") if t.user else ""
        print(f"{t.name:<{width}}  {t.kind:<8}  {t.title}{mine}: {t.description}")
    return 0


def run_duplicate(planner: Planner, args: argparse.Namespace) -> int:
    info = planner.drafting.templates.duplicate(args.name, args.new_name)
    print(
        _("Copied to {path}; edit it there, Digwell picks up changes as you save.").format(
            path=info.path
        )
    )
    return 0


def run_folder(planner: Planner, args: argparse.Namespace) -> int:
    print(planner.drafting.templates.folders[0])
    return 0
