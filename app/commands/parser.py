"""The full command-line parser: the window's options and every command's (each
command module adds its own parsers). Built only when a command or --help needs it:
importing argparse and every command costs the window's start-up ~10 ms."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import APP_NAME, __version__
from app.i18n import _
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
    """`digwell`'s parser, with every command."""
    from app.commands.argparse_words import translate_argparse

    translate_argparse()
    parser = argparse.ArgumentParser(
        prog="digwell",
        formatter_class=_HelpFormatter,
        description=_(
            "{app}: share good content on your career themes, week after week. "
            "With no command, opens the window."
        ).format(app=APP_NAME),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_("show the version number and exit"),
    )
    _add_folder_options(parser, subcommand=False)
    _add_window_options(parser)
    # Commands accept the same options after their name: `digwell feeds list --data-dir X`.
    common = argparse.ArgumentParser(add_help=False, formatter_class=_HelpFormatter)
    _add_folder_options(common, subcommand=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    from app.commands import (
        away,
        backup,
        cadence,
        count,
        desktop,
        draft,
        feeds,
        history_import,
        inbox,
        people,
        plan,
        posts,
        refresh,
        rescore,
        strategy,
    )

    away.add_parsers(commands, common)
    backup.add_parsers(commands, common)
    cadence.add_parsers(commands, common)
    count.add_parsers(commands, common)
    desktop.add_parsers(commands, common)
    draft.add_parsers(commands, common)
    feeds.add_parsers(commands, common)
    history_import.add_parsers(commands, common)
    inbox.add_parsers(commands, common)
    people.add_parsers(commands, common)
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


def _add_window_options(parser: argparse.ArgumentParser) -> None:
    """How the window starts: in the tray, or following a menu entry's action."""
    parser.add_argument(
        "--tray",
        action="store_true",
        help=_(
            "start in the system tray without opening the window, for the reminders "
            "(how Digwell starts at login; docs/DESKTOP.md)"
        ),
    )
    requests = parser.add_mutually_exclusive_group()
    requests.add_argument(
        "--refresh",
        dest="request",
        action="store_const",
        const="refresh",
        help=_("refresh the feeds in the window (the one already open, else a new one)"),
    )
    requests.add_argument(
        "--new-post",
        dest="request",
        action="store_const",
        const="new-post",
        help=_(
            "open the window on a new post of your own (the menu entry's actions; docs/DESKTOP.md)"
        ),
    )


def _add_folder_options(parser: argparse.ArgumentParser, subcommand: bool) -> None:
    options = [
        parser.add_argument(
            "--demo",
            action="store_true",
            help=_(
                "use offline demo data (themes, feeds and items) kept in a separate demo "
                "folder, so your real data is never touched"
            ),
        ),
        parser.add_argument(
            "--data-dir",
            metavar="PATH",
            type=Path,
            # Translators: {data_dir} and {demo_dir} are folders, filled in when help is shown.
            help=_(
                "keep the database in PATH instead of the default data folder "
                "({data_dir}; demo: {demo_dir})"
            ),
        ),
        parser.add_argument(
            "--debug",
            action="store_true",
            # Translators: {log_file} is the log file's path, filled in when help is shown.
            help=_(
                "write details to the log file ({log_file}), also from the processes Digwell "
                "starts; passwords and tokens are masked"
            ),
        ),
    ]
    if subcommand:
        # In a command's parser the default is SUPPRESS, so it never overwrites a value
        # given before the command name.
        for option in options:
            option.default = argparse.SUPPRESS
