"""Argument types the commands share."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.i18n import _

if TYPE_CHECKING:
    # What `add_subparsers` returns: each command module adds its parsers to it.
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]


def positive_int(value: str) -> int:
    """An argparse type: a whole number above 0, or a message saying so."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a whole number above 0").format(value=value)
        )
    return number
