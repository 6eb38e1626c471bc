"""The logging classes Digwell installs: the filter that masks secrets in each record,
the line format, and the handler of the log file that every process shares.

Imported when logging is set up (app.logs), never at start-up: it imports `logging`
(~4 ms) but not `logging.handlers` (~4.5 ms more: socket, pickle, queue), whose
RotatingFileHandler is replaced by RotatingFile, which also copes with other processes
rotating the shared file.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from datetime import datetime

from app.i18n import _
from app.log_masking import redact

TYPE_CHECKING = False  # typing itself costs ~1.5 ms to import
if TYPE_CHECKING:
    from io import TextIOWrapper

# How long a process waits before retrying a rotation that failed (on Windows another
# process holding the file open prevents renaming it).
_ROTATE_RETRY_S = 60.0

_plain = logging.Formatter()


class RedactFilter(logging.Filter):
    """Masks secrets in the record itself, so every later handler sees it masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            try:
                message = record.getMessage()
            except Exception:  # arguments that do not fit: not quoted, they may be anything
                message = f"{record.msg} (the log call's arguments did not fit its message)"
            record.msg = redact(message)
            record.args = None
            record.digwell_redacted = True
            if record.exc_info and not record.exc_text:
                record.exc_text = _plain.formatException(record.exc_info)
            if record.exc_text:
                record.exc_text = redact(record.exc_text)
            if record.stack_info:
                record.stack_info = redact(record.stack_info)
        except Exception:
            return False  # a record that cannot be checked is not written
        return True


class Formatter(logging.Formatter):
    """ISO time, level, process tag and pid, logger; the variable parts redacted again."""

    def __init__(self, process: str) -> None:
        tag = str(process).replace("%", "%%")
        super().__init__(f"%(asctime)s %(levelname)s {tag}[%(process)d] %(name)s: %(message)s")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        stamp = datetime.fromtimestamp(record.created).astimezone()
        return stamp.isoformat(timespec="milliseconds")

    def format(self, record: logging.LogRecord) -> str:
        record.message = record.getMessage()
        if not getattr(record, "digwell_redacted", False):  # no RedactFilter on the way
            record.message = redact(record.message)
        record.asctime = self.formatTime(record)
        text = self.formatMessage(record)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            text = f"{text}\n{redact(record.exc_text)}"
        if record.stack_info:
            text = f"{text}\n{redact(self.formatStack(record.stack_info))}"
        return text


class RotatingFile(logging.FileHandler):
    """Appends to the file shared by Digwell's processes; at `max_bytes` renames it to
    .1 (older ones to .2 ... up to `backups`). A file renamed by another process is
    followed by reopening the name; a failure is recorded in `problem`, never raised."""

    def __init__(self, filename: str, max_bytes: int, backups: int) -> None:
        self.max_bytes = max_bytes
        self.backups = backups
        self.problem: str | None = None
        self._retry_at = 0.0
        super().__init__(filename, mode="a", encoding="utf-8", delay=False)

    def _open(self) -> TextIOWrapper:
        return open(
            self.baseFilename,
            "a",
            encoding="utf-8",
            errors="backslashreplace",
            opener=_private_opener,
        )

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record) + self.terminator
            stream = self.stream
            if stream is None or self._moved(stream):
                stream = self._reopen()
            if self._full(stream, len(text)):
                stream = self._rotate(stream)
            stream.write(text)
            stream.flush()
            if self.problem is not None:
                self.problem = None  # writing works again
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

    def _moved(self, stream: TextIOWrapper) -> bool:
        try:
            on_disk = os.stat(self.baseFilename)
        except OSError:
            return True
        mine = os.fstat(stream.fileno())
        return (on_disk.st_dev, on_disk.st_ino) != (mine.st_dev, mine.st_ino)

    def _reopen(self) -> TextIOWrapper:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        self.stream = stream = self._open()
        return stream

    def _full(self, stream: TextIOWrapper, adding: int) -> bool:
        if self.max_bytes <= 0 or self.backups < 1 or time.monotonic() < self._retry_at:
            return False
        size = os.fstat(stream.fileno()).st_size
        return size > 0 and size + adding > self.max_bytes

    def _rotate(self, stream: TextIOWrapper) -> TextIOWrapper:
        stream.close()
        self.stream = None
        base = self.baseFilename
        try:
            for index in range(self.backups - 1, 0, -1):
                if os.path.exists(f"{base}.{index}"):
                    os.replace(f"{base}.{index}", f"{base}.{index + 1}")
            os.replace(base, f"{base}.1")
        except OSError:
            # Keep appending to the big file; try again in a while.
            self._retry_at = time.monotonic() + _ROTATE_RETRY_S
        self.stream = stream = self._open()
        return stream

    def handleError(self, record: logging.LogRecord) -> None:
        # Never print (the record could be mid-redaction) and never stop the app.
        error = sys.exc_info()[1]
        reason = getattr(error, "strerror", None) or type(error).__name__
        problem = _("Digwell could not write its log file {path} ({reason}).")
        self.problem = problem.format(path=self.baseFilename, reason=reason)


def _private_opener(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)  # lines name feeds and themes: the user's own
