"""`digwell desktop install` / `uninstall`: Digwell's menu entry, AppStream metainfo and
icons under the user's XDG data folder, for people who installed with pip
(docs/DESKTOP.md).

    digwell desktop install [--data-home PATH] [--json]
    digwell desktop uninstall [--data-home PATH] [--json]

--json prints {"data_home", "files", "command", "caches_updated", "caches_missing"}.
Neither opens the data folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import _, ngettext

if TYPE_CHECKING:
    from app.commands.arguments import Subcommands
    from app.desktop.install import DesktopReport


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    desktop = commands.add_parser(
        "desktop",
        help=_("add Digwell to the desktop's menu (Linux), or take it away"),
        description=_(
            "Put Digwell's menu entry, its AppStream data and its icons under your "
            "XDG data folder ($XDG_DATA_HOME, else ~/.local/share), or remove them."
        ),
    )
    actions = desktop.add_subparsers(dest="desktop_action", metavar="ACTION", required=True)
    for name, text in (
        ("install", _("add the menu entry, metainfo and icons")),
        ("uninstall", _("remove the files `install` added")),
    ):
        action = actions.add_parser(name, parents=[common], help=text, description=text)
        action.add_argument(
            "--data-home",
            type=Path,
            metavar="PATH",
            help=_("the XDG data folder to use instead of yours (e.g. for a test)"),
        )
        action.add_argument("--json", action="store_true", help=_("print what was done as JSON"))
        action.set_defaults(run=None, run_on_folder=run_desktop)


def launch_command(argv0: str = sys.argv[0], executable: str = sys.executable) -> list[str]:
    """What the menu entry runs: this `digwell` by its full path (a menu's PATH often
    lacks a virtual environment's or ~/.local/bin), else this Python with `-m app`."""
    script = Path(argv0)
    if script.name == "digwell" and script.is_file():
        return [str(script.resolve())]
    return [str(Path(executable).absolute()), "-m", "app"]


def run_desktop(_data_dir: Path, args: argparse.Namespace) -> int:
    from app.desktop import install
    from app.desktop.layout import data_home
    from app.paths import resources_dir

    home = args.data_home.expanduser().absolute() if args.data_home else data_home()
    if args.desktop_action == "install":
        report = install.install(home, resources_dir(), command=launch_command())
    else:
        report = install.uninstall(home)
    if args.json:
        import json

        print(json.dumps(report_json(report), indent=2))
    else:
        print(describe(report, installing=args.desktop_action == "install"))
    return 0


def report_json(report: DesktopReport) -> dict[str, object]:
    return {
        "data_home": str(report.data_dir),
        "files": [str(p) for p in report.files],
        "command": report.command,
        "caches_updated": report.caches_updated,
        "caches_missing": report.caches_missing,
    }


def describe(report: DesktopReport, *, installing: bool) -> str:
    """The report in words: the files, then what the menu runs and the caches."""
    count = len(report.files)
    if installing:
        head = ngettext(
            "Added Digwell to the menu: {count} file under {folder}:",
            "Added Digwell to the menu: {count} files under {folder}:",
            count,
        )
    elif report.files:
        head = ngettext(
            "Removed {count} file from {folder}:", "Removed {count} files from {folder}:", count
        )
    else:
        return _("Nothing to remove: Digwell's desktop files are not in {folder}.").format(
            folder=report.data_dir
        )
    lines = [head.format(count=count, folder=report.data_dir)]
    lines += [f"  {os.path.relpath(p, report.data_dir)}" for p in report.files]
    if installing:
        lines.append(_("The menu entry runs: {command}").format(command=report.command))
    lines += _caches(report.caches_updated, report.caches_missing)
    return "\n".join(lines)


def _caches(updated: Sequence[str], missing: Sequence[str]) -> list[str]:
    lines = []
    if updated:
        lines.append(_("Updated: {names}.").format(names=", ".join(updated)))
    if missing:
        lines.append(
            _("Not found (skipped; the desktop notices by itself): {names}.").format(
                names=", ".join(missing)
            )
        )
    return lines
