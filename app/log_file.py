"""Where the log file lives, and reading its end back for a "report a problem" dialog.

Every Digwell process appends to the same file (app.logs sets that up); older lines
are beside it in digwell.log.1, .2 ... Importing this module imports no `logging`.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.log_masking import redact
from app.paths import user_log_dir

LOG_FILENAME = "digwell.log"


def log_file() -> Path:
    """The current log file (older ones are beside it as digwell.log.1, .2 ...)."""
    return user_log_dir() / LOG_FILENAME


def recent_log_text(max_bytes: int = 64 * 1024) -> str:
    """The end of the log (about `max_bytes`, whole lines, the previous file first if the
    current one is short), redacted again: for a "report a problem" dialog."""
    current = log_file()
    parts: list[bytes] = []
    budget = max_bytes
    for path in (current, current.with_name(f"{LOG_FILENAME}.1")):
        if budget <= 0:
            break
        try:
            with open(path, "rb") as file:
                size = file.seek(0, os.SEEK_END)
                file.seek(max(0, size - budget))
                data = file.read(budget)
        except OSError:
            continue
        if len(data) < size:  # cut: start at the first whole line
            data = data[data.find(b"\n") + 1 :] if b"\n" in data else b""
        parts.insert(0, data)
        budget -= len(data)
        if len(data) < size:
            break
    return redact(b"".join(parts).decode("utf-8", errors="replace"))
