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

if TYPE_CHECKING:
    from app.commands.arguments import Subcommands
    from app.desktop.install import DesktopReport


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    desktop = commands.add_parser(
        "desktop",
        help="add Digwell to the desktop's menu (Linux), or take it away",
        description="Put Digwell's menu entry, its AppStream data and its icons under your "
        "XDG data folder ($XDG_DATA_HOME, else ~/.local/share), or remove them.",
    )
    actions = desktop.add_subparsers(dest="desktop_action", metavar="ACTION", required=True)
    for name, text in (
        ("install", "add the menu entry, metainfo and icons"),
        ("uninstall", "remove the files `install` added"),
    ):
        action = actions.add_parser(name, parents=[common], help=text, description=text)
        action.add_argument(
            "--data-home",
            type=Path,
            metavar="PATH",
            help="the XDG data folder to use instead of yours (e.g. for a test)",
        )
        action.add_argument("--json", action="store_true", help="print what was done as JSON")
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
    if installing:
        lines = [f"Added Digwell to the menu: {len(report.files)} files under {report.data_dir}:"]
    elif report.files:
        lines = [f"Removed {len(report.files)} files from {report.data_dir}:"]
    else:
        return f"Nothing to remove: Digwell's desktop files are not in {report.data_dir}."
    lines += [f"  {os.path.relpath(p, report.data_dir)}" for p in report.files]
    if installing:
        lines.append(f"The menu entry runs: {report.command}")
    lines += _caches(report.caches_updated, report.caches_missing)
    return "\n".join(lines)


def _caches(updated: Sequence[str], missing: Sequence[str]) -> list[str]:
    lines = []
    if updated:
        lines.append(f"Updated: {', '.join(updated)}.")
    if missing:
        lines.append(f"Not found (skipped; the desktop notices by itself): {', '.join(missing)}.")
    return lines
