"""Running one command module in-process on a planner, as app.cli does: its parsers
built with the shared folder options after the command's name, a DigwellError printed
as `digwell: …` with exit code 2."""

from __future__ import annotations

import argparse
import sys
from types import ModuleType

from app.errors import DigwellError


def parser_for(module: ModuleType) -> argparse.ArgumentParser:
    """`digwell` with only this command module's parsers."""
    from app.commands.parser import _add_folder_options

    parser = argparse.ArgumentParser(prog="digwell")
    _add_folder_options(parser, subcommand=False)
    common = argparse.ArgumentParser(add_help=False)
    _add_folder_options(common, subcommand=True)
    module.add_parsers(parser.add_subparsers(dest="command"), common)
    return parser


def run_command(module: ModuleType, planner, capsys, *argv: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `digwell ARGV` run on `planner`."""
    args = parser_for(module).parse_args(list(argv))
    try:
        code = args.run(planner, args)
    except DigwellError as err:
        print(f"digwell: {err}", file=sys.stderr)
        code = 2
    out = capsys.readouterr()
    return code, out.out, out.err
