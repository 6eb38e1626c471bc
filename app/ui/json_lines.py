"""Progress events from a child `digwell` command: one JSON object per line of output."""

from __future__ import annotations

import json


class JsonLines:
    """Splits output read in chunks into JSON objects; lines that are not one (a library
    may print something) are skipped."""

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, data: bytes) -> list[dict]:
        """The objects on the complete lines read so far."""
        self._buffer += data
        *lines, self._buffer = self._buffer.split(b"\n")
        return [event for event in map(_parse, lines) if event is not None]

    def finish(self) -> list[dict]:
        """The object on a last line the process ended without a newline, if any."""
        line, self._buffer = self._buffer, b""
        event = _parse(line) if line.strip() else None
        return [event] if event is not None else []


def _parse(line: bytes) -> dict | None:
    try:
        event = json.loads(line)
    except ValueError:
        return None
    return event if isinstance(event, dict) else None
