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
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use offline demo data (themes, feeds and items) kept in a separate demo "
        "folder, so your real data is never touched",
    )
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        type=Path,
        help="keep the database in PATH instead of the default data folder "
        "({data_dir}; demo: {demo_dir})",
    )
    return parser


def resolve_data_dir(args: argparse.Namespace) -> Path:
    """The folder chosen by --data-dir, else the demo or the real default."""
    if args.data_dir is not None:
        return args.data_dir.expanduser()
    return user_data_dir(demo=args.demo)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `digwell` and `python -m app`."""
    args = build_parser().parse_args(argv)
    data_dir = resolve_data_dir(args)
    # Start-up builds ~100k objects that live as long as the window (PySide6's types
    # and enums, our modules); collecting while they are made finds nothing and cost
    # ~15 ms here. The window turns collection back on after its first paint.
    gc.disable()
    try:
        # The core is imported before Qt on purpose: once PySide6 is loaded, its
        # __feature__ hook inspects the source of every module imported after it.
        import app.planner  # noqa: F401

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
