"""Command line: `digwell` opens the window; options choose the data folder; a command
runs instead (app/commands/parser.py builds their parser)."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from app.errors import DigwellError
from app.i18n import _
from app.paths import user_data_dir

if TYPE_CHECKING:
    import argparse


# Window options asking the running Digwell (or the one starting) to do something.
WINDOW_REQUESTS = {"--refresh": "refresh", "--new-post": "new-post"}


class WindowArgs(NamedTuple):
    """The options of a plain window start."""

    demo: bool = False
    data_dir: Path | None = None
    debug: bool = False
    tray: bool = False  # straight to the tray, no window until asked (start at login)
    request: str = ""  # --refresh, --new-post: the menu entry's actions (docs/DESKTOP.md)


def window_args(argv: Sequence[str]) -> WindowArgs | None:
    """`digwell [--demo] [--debug] [--tray] [--data-dir PATH]` read without argparse (the
    window's start-up); None for anything else (a command, --help, --version, an abbreviation
    or a typo), which the full parser reads and answers as before."""
    demo = debug = tray = False
    request = ""
    data_dir: str | None = None
    words = list(argv)
    while words:
        word = words.pop(0)
        if word == "--demo":
            demo = True
        elif word == "--debug":
            debug = True
        elif word == "--tray":
            tray = True
        elif word in WINDOW_REQUESTS:
            request = WINDOW_REQUESTS[word]
        elif word == "--data-dir" and words and not words[0].startswith("-"):
            data_dir = words.pop(0)
        elif word.startswith("--data-dir=") and len(word) > len("--data-dir="):
            data_dir = word.split("=", 1)[1]
        else:
            return None
    return WindowArgs(demo, Path(data_dir) if data_dir is not None else None, debug, tray, request)


def resolve_data_dir(args: argparse.Namespace | WindowArgs) -> Path:
    """The folder chosen by --data-dir, else the demo or the real default."""
    if args.data_dir is not None:
        data_dir: Path = args.data_dir
        return data_dir.expanduser()
    return user_data_dir(demo=bool(args.demo))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `digwell` and `python -m app`."""
    from app.i18n.choice import choose_from_environment

    choose_from_environment()
    fast = window_args(sys.argv[1:] if argv is None else argv)
    if fast is None:
        from app.commands.parser import build_parser

        args: argparse.Namespace | WindowArgs = build_parser().parse_args(argv)
    else:
        args = fast
    data_dir = resolve_data_dir(args)
    if args.debug:
        import os

        from app.logs import DEBUG_ENV

        os.environ[DEBUG_ENV] = "1"  # the processes Digwell starts inherit it
    if fast is None and (getattr(args, "run", None) or getattr(args, "run_on_folder", None)):
        from app.logs import setup_logging

        assert not isinstance(args, WindowArgs)
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
            print(
                _("digwell: the window cannot start: {error}. Reinstall Digwell.").format(
                    error=err
                ),
                file=sys.stderr,
            )
            return 1
        try:
            return run_gui(
                data_dir,
                demo=args.demo,
                tray=bool(getattr(args, "tray", False)),
                request=getattr(args, "request", None) or "",
            )
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
        print(_("digwell: stopped."), file=sys.stderr)
        return 130
    finally:
        planner.close()
