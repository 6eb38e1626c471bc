"""Starting other Digwell processes: the demo window, the refresh command."""

from __future__ import annotations

import sys


def digwell_command(*args: str) -> tuple[str, list[str]]:
    """The program and arguments that run `digwell ARGS` with this installation
    (the frozen bundle's executable, or this Python with `-m app`)."""
    if getattr(sys, "frozen", False):
        return sys.executable, list(args)
    return sys.executable, ["-m", "app", *args]
