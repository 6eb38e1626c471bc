"""Command line: `digwell` opens the window; options choose the data folder."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from app import APP_NAME, __version__
from app.errors import DigwellError
from app.paths import user_data_dir


class _HelpFormatter(argparse.HelpFormatter):
    """Fills in the default folders only when help is shown (finding them costs start-up)."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = super()._get_help_string(action) or ""
        if "{data_dir}" in text:
            text = text.format(data_dir=user_data_dir(), demo_dir=user_data_dir(demo=True))
        if "{log_file}" in text:
            from app.log_file import log_file

            text = text.format(log_file=log_file())
        return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digwell",
        formatter_class=_HelpFormatter,
        description=(
            f"{APP_NAME}: share good content on your career themes, week after week. "
            "With no command, opens the window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_folder_options(parser, subcommand=False)
    # Commands accept the same options after their name: `digwell feeds list --data-dir X`.
    common = argparse.ArgumentParser(add_help=False, formatter_class=_HelpFormatter)
    _add_folder_options(common, subcommand=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    from app.commands import (
        backup,
        cadence,
        count,
        draft,
        feeds,
        inbox,
        plan,
        posts,
        refresh,
        rescore,
        strategy,
    )

    backup.add_parsers(commands, common)
    cadence.add_parsers(commands, common)
    count.add_parsers(commands, common)
    draft.add_parsers(commands, common)
    feeds.add_parsers(commands, common)
    inbox.add_parsers(commands, common)
    plan.add_parsers(commands, common)
    posts.add_parsers(commands, common)
    refresh.add_parsers(commands, common)
    rescore.add_parsers(commands, common)
    strategy.add_parsers(commands, common)
    _use_formatter(parser)
    return parser


def _use_formatter(parser: argparse.ArgumentParser) -> None:
    """Every command's help fills in the default folders, as the top level's does."""
    parser.formatter_class = _HelpFormatter
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _use_formatter(sub)


def _add_folder_options(parser: argparse.ArgumentParser, subcommand: bool) -> None:
    options = [
        parser.add_argument(
            "--demo",
            action="store_true",
            help="use offline demo data (themes, feeds and items) kept in a separate demo "
            "folder, so your real data is never touched",
        ),
        parser.add_argument(
            "--data-dir",
            metavar="PATH",
            type=Path,
            help="keep the database in PATH instead of the default data folder "
            "({data_dir}; demo: {demo_dir})",
        ),
        parser.add_argument(
            "--debug",
            action="store_true",
            help="write details to the log file ({log_file}), also from the processes Digwell "
            "starts; passwords and tokens are masked",
        ),
    ]
    if subcommand:
        # In a command's parser the default is SUPPRESS, so it never overwrites a value
        # given before the command name.
        for option in options:
            option.default = argparse.SUPPRESS


def resolve_data_dir(args: argparse.Namespace) -> Path:
    """The folder chosen by --data-dir, else the demo or the real default."""
    if args.data_dir is not None:
        data_dir: Path = args.data_dir
        return data_dir.expanduser()
    return user_data_dir(demo=args.demo)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `digwell` and `python -m app`."""
    args = build_parser().parse_args(argv)
    data_dir = resolve_data_dir(args)
    if args.debug:
        import os

        from app.logs import DEBUG_ENV

        os.environ[DEBUG_ENV] = "1"  # the processes Digwell starts inherit it
    if getattr(args, "run", None) is not None or getattr(args, "run_on_folder", None):
        from app.logs import setup_logging

        setup_logging(process=args.command)
        return run_command(args, data_dir)
    # Start-up builds ~100k objects that live as long as the window (PySide6's types
    # and enums, our modules); collecting while they are made finds nothing and cost
    # ~15 ms here. The window turns collection back on after its first paint.
    gc.disable()
    try:
        # The core is imported before Qt on purpose: once PySide6 is loaded, its
        # __feature__ hook inspects the source of every module imported after it.
        import app.planner
        import app.running_instance  # noqa: F401

        try:
            from app.ui.app import run_gui  # Qt is imported only when the window is wanted
        except ImportError as err:
            print(f"digwell: the window cannot start: {err}. Reinstall Digwell.", file=sys.stderr)
            return 1
        try:
            return run_gui(data_dir, demo=args.demo)
        except DigwellError as err:
            print(f"digwell: {err}", file=sys.stderr)
            return 2
    finally:
        gc.enable()  # already on once the window painted; this covers the early exits


def run_command(args: argparse.Namespace, data_dir: Path) -> int:
    """Run a subcommand on the data folder; errors are one clear message and exit 2."""
    from app.planner import Planner

    if getattr(args, "run_on_folder", None) is not None:
        # A command that must not open the folder first (restore: into an empty one).
        try:
            return int(args.run_on_folder(data_dir, args))
        except DigwellError as err:
            print(f"digwell: {err}", file=sys.stderr)
            return 2
    try:
        planner = Planner.open(data_dir, demo=args.demo)
    except DigwellError as err:
        print(f"digwell: {err}", file=sys.stderr)
        return 2
    try:
        return int(args.run(planner, args))
    except DigwellError as err:
        print(f"digwell: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("digwell: stopped.", file=sys.stderr)
        return 130
    finally:
        planner.close()
