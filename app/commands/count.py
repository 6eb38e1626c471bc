"""`digwell count --platform P`: how long the text on standard input is, counted as P
counts it. Scripts and checks rely on its output: one line `COUNT LIMIT`, exit 0 when
the text was counted, over the limit or not (compare the two numbers); an unknown
platform or text that is not UTF-8 is a message on stderr and exit 2."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from app.commands.arguments import positive_int
from app.compose.platforms import PLATFORMS, platform
from app.errors import DigwellError
from app.i18n import _
from app.planner import Planner

if TYPE_CHECKING:
    from typing import TextIO

    from app.commands.arguments import Subcommands


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "count",
        parents=[common],
        help=_("count the text on standard input the way a platform does"),
        description=_(
            "Count the text on standard input (UTF-8) the way the platform does and "
            "print `COUNT LIMIT`, e.g. `26 280`. One trailing newline is not counted, so "
            '`echo "hi" | digwell count --platform x` prints `2 280`.'
        ),
    )
    cmd.add_argument(
        "--platform",
        required=True,
        metavar="P",
        help=_("the platform: {platforms}").format(platforms=", ".join(PLATFORMS)),
    )
    cmd.add_argument(
        "--limit",
        type=positive_int,
        metavar="N",
        help=_(
            "count against N instead of the platform's limit (a Mastodon instance's own; "
            "without it, Mastodon's is the one set in Digwell)"
        ),
    )
    cmd.set_defaults(run=run)


def run(planner: Planner, args: argparse.Namespace) -> int:
    from app.compose.counting import count_text

    key = platform(args.platform).key  # an unknown platform stops here, before reading
    limit = args.limit if args.limit is not None else planner.drafting.platforms.limit(key)
    counted = count_text(read_text(sys.stdin), key, limit=limit)
    print(f"{counted.count} {counted.limit}")
    return 0


def read_text(stream: TextIO | None) -> str:
    """All of `stream` as UTF-8, less one trailing newline (LF or CR LF): what `echo`
    and editors add is not part of the post. A byte order mark is not text either."""
    if stream is None:  # started with no standard input at all
        return ""
    if hasattr(stream, "buffer"):  # the bytes, whatever the locale's encoding
        try:
            text = stream.buffer.read().decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise DigwellError(
                _("The text on standard input is not UTF-8 (byte {position} is not).").format(
                    position=err.start + 1
                ),
                _("Pipe the text in as UTF-8."),
            ) from None
    else:
        text = stream.read().removeprefix("\ufeff")
    if text.endswith("\r\n"):
        return text[:-2]
    if text.endswith("\n"):
        return text[:-1]
    return text
