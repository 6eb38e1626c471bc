"""The log file: where it is, how a process starts writing to it, and how secrets stay out.

Every process (the window, CLI commands, a refresh and its workers) calls
`setup_logging(process=...)` once; all of them append to the same rotating file in the
user log folder, each line tagged with the process kind and id. Digwell's loggers live
under "digwell" (`get_logger(__name__)`), so libraries stay quiet unless debugging is on
(`debug=True` or DIGWELL_DEBUG=1, which child processes inherit); then httpx and httpcore,
which log request lines and response headers, go to the same file.

Secrets are kept out twice over. Code never logs one (app.credentials logs feed refs
only), and a filter masks, in every message, traceback and stack, what
app.log_masking masks: the values of credential-like headers and fields (Authorization,
Cookie, X-Api-Key, anything named *token*, *secret*, *key*, *auth*, *password*...),
user:password@ in URLs, credential-like query parameters, and every registered secret.

Importing this module costs ~0.2 ms: it imports no `logging`, `re` or `typing`.
`setup_logging` imports `logging` (~4 ms) but not `logging.handlers` (~4.5 ms more:
socket, pickle, queue), whose RotatingFileHandler is replaced by a small handler that
also copes with other processes rotating the shared file; the redaction patterns are
compiled when a line first needs them.
"""

from __future__ import annotations

import _thread
import os
from pathlib import Path

from app.log_masking import redact
from app.paths import user_log_dir

TYPE_CHECKING = False  # typing itself costs ~1.5 ms to import
if TYPE_CHECKING:
    import logging
    from typing import Any

LOG_FILENAME = "digwell.log"
LOGGER_NAME = "digwell"
DEBUG_ENV = "DIGWELL_DEBUG"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5
# Loggers routed to the file when debugging: httpx logs each request line (with its query
# string) at INFO, httpcore connection events and response headers at DEBUG.
DEBUG_LIBRARIES = ("httpx", "httpcore")
# How long a process waits before retrying a rotation that failed (on Windows another
# process holding the file open prevents renaming it).
_ROTATE_RETRY_S = 60.0


def log_file() -> Path:
    """The current log file (older ones are beside it as digwell.log.1, .2 ...)."""
    return user_log_dir() / LOG_FILENAME


def debug_requested() -> bool:
    """Whether DIGWELL_DEBUG asks for debug logging."""
    return os.environ.get(DEBUG_ENV, "").strip().lower() not in ("", "0", "false", "no", "off")


# ---------------------------------------------------------------------------------------
# Set-up


class _State:
    handler: Any = None  # the file handler (RotatingFile), when the file is open
    # Until there is a file handler, a NullHandler with the redaction filter: records are
    # dropped, and never reach logging's last resort (stderr) unredacted.
    guard: logging.Handler | None = None
    safe = False  # "digwell" has the file handler or the guard
    problem: str | None = None  # why there is no file, from the last set-up
    routed: dict[str, int] = {}  # noqa: RUF012 -- library logger -> its level before
    set_env = False  # DIGWELL_DEBUG was set by setup_logging(debug=True), not inherited
    lock = _thread.allocate_lock()


def get_logger(name: str) -> logging.Logger:
    """The logger for module `name` ("app.feeds.refresh" -> "digwell.feeds.refresh").

    Imports `logging`: call it where logging happens, not at import time, in modules on
    the start-up path. Records logged before `setup_logging` are redacted and dropped
    (never printed on stderr).
    """
    import logging

    if not _State.safe:
        with _State.lock:
            _sync_guard()
    if name == "app" or name.startswith("app."):
        name = name[len("app") :]
    return logging.getLogger(LOGGER_NAME + "." + name.lstrip(".") if name else LOGGER_NAME)


def _sync_guard() -> None:
    """The guard on "digwell" exactly when there is no file handler; call with the lock."""
    import logging

    root = logging.getLogger(LOGGER_NAME)
    if _State.handler is None:
        if _State.guard is None:
            _State.guard = logging.NullHandler()
            _State.guard.addFilter(_impl().RedactFilter())
        if _State.guard not in root.handlers:
            root.addHandler(_State.guard)
    elif _State.guard is not None:
        root.removeHandler(_State.guard)
    _State.safe = True


def setup_logging(*, debug: bool = False, process: str = "app") -> Path | None:
    """Log this process to `log_file()`; returns that path, or None if the file cannot be
    written (then `logging_problem()` says why, and logging goes nowhere).

    Idempotent: a second call changes the level and process tag, never adds a handler.
    `debug` (or DIGWELL_DEBUG=1) logs Digwell's debug messages and httpx/httpcore's;
    debug also sets DIGWELL_DEBUG=1 so child processes inherit it.
    """
    import logging

    if not debug and _State.set_env:  # debug was ours, from an earlier call: off again
        os.environ.pop(DEBUG_ENV, None)
        _State.set_env = False
    debug = debug or debug_requested()
    if debug and not debug_requested():
        os.environ[DEBUG_ENV] = "1"
        _State.set_env = True
    impl = _impl()
    root = logging.getLogger(LOGGER_NAME)
    path = log_file()
    with _State.lock:
        handler = _State.handler
        if handler is not None and handler.baseFilename != os.path.abspath(path):
            _drop_handler()  # the log folder moved (DIGWELL_HOME changed)
            handler = None
        fresh = handler is None
        if handler is None:
            handler, _State.problem = _open_handler(impl, path)
            if handler is not None:
                root.addHandler(handler)
                _State.handler = handler
        if handler is not None:
            handler.setFormatter(impl.Formatter(process))
        root.setLevel(logging.DEBUG if debug else logging.INFO)
        _route_libraries(handler if debug else None)
        _sync_guard()
    if handler is None:
        return None
    if fresh:
        import sys

        from app import __version__

        root.info(
            "Digwell %s started: %s process, debug %s, Python %s on %s",
            __version__,
            process,
            "on" if debug else "off",
            sys.version.split()[0],
            sys.platform,
        )
    return path


def _open_handler(impl: _Impl, path: Path) -> tuple[Any, str | None]:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handler = impl.RotatingFile(str(path), MAX_BYTES, BACKUP_COUNT)
    except OSError as err:
        reason = err.strerror or type(err).__name__
        return None, f"Digwell cannot write its log file {path} ({reason}); nothing is logged."
    handler.addFilter(impl.RedactFilter())
    return handler, None


def _route_libraries(handler: logging.Handler | None) -> None:
    """Send httpx/httpcore records to `handler` at DEBUG, or stop sending them (None)."""
    import logging

    for name in DEBUG_LIBRARIES:
        logger = logging.getLogger(name)
        if handler is not None:
            _State.routed.setdefault(name, logger.level)
            for old in [h for h in logger.handlers if h is not handler and _is_ours(h)]:
                logger.removeHandler(old)  # from a previous folder
            if handler not in logger.handlers:
                logger.addHandler(handler)
            logger.setLevel(logging.DEBUG)
        elif name in _State.routed:
            for old in [h for h in logger.handlers if _is_ours(h)]:
                logger.removeHandler(old)
            logger.setLevel(_State.routed.pop(name))


def _is_ours(handler: logging.Handler) -> bool:
    return isinstance(handler, _impl().RotatingFile)


def _drop_handler() -> None:
    import logging

    handler = _State.handler
    _route_libraries(None)
    if handler is not None:
        logging.getLogger(LOGGER_NAME).removeHandler(handler)
        handler.close()
    _State.handler = None


def stop_logging() -> None:
    """Close the log file and undo `setup_logging` (for tests, and before exiting)."""
    if _State.handler is None and not _State.routed and _State.problem is None:
        return
    import logging

    with _State.lock:
        _drop_handler()
        _State.problem = None
        logging.getLogger(LOGGER_NAME).setLevel(logging.NOTSET)
        _sync_guard()


def logging_problem() -> str | None:
    """Why the log file is not (or no longer) being written, or None when all is well."""
    handler = _State.handler
    if handler is not None:
        return getattr(handler, "problem", None)
    return _State.problem


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


# ---------------------------------------------------------------------------------------
# The logging classes, made when first needed so that importing this module stays free.


class _Impl:
    RedactFilter: type[logging.Filter]
    Formatter: Any
    RotatingFile: Any


_impl_cache: list[_Impl] = []
_impl_lock = _thread.allocate_lock()


def _impl() -> _Impl:
    if _impl_cache:
        return _impl_cache[0]
    with _impl_lock:  # one set of classes, or isinstance checks would miss handlers
        if not _impl_cache:
            _impl_cache.append(_make_impl())
    return _impl_cache[0]


def _make_impl() -> _Impl:
    import logging
    import sys
    import time
    from datetime import datetime

    plain = logging.Formatter()

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
                    record.exc_text = plain.formatException(record.exc_info)
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

        def _open(self) -> Any:
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
                if self.stream is None or self._moved():
                    self._reopen()
                if self._full(len(text)):
                    self._rotate()
                self.stream.write(text)
                self.stream.flush()
                if self.problem is not None:
                    self.problem = None  # writing works again
            except RecursionError:
                raise
            except Exception:
                self.handleError(record)

        def _moved(self) -> bool:
            try:
                on_disk = os.stat(self.baseFilename)
            except OSError:
                return True
            mine = os.fstat(self.stream.fileno())
            return (on_disk.st_dev, on_disk.st_ino) != (mine.st_dev, mine.st_ino)

        def _reopen(self) -> None:
            if self.stream is not None:
                self.stream.close()
                self.stream = None
            self.stream = self._open()

        def _full(self, adding: int) -> bool:
            if self.max_bytes <= 0 or self.backups < 1 or time.monotonic() < self._retry_at:
                return False
            size = os.fstat(self.stream.fileno()).st_size
            return size > 0 and size + adding > self.max_bytes

        def _rotate(self) -> None:
            self.stream.close()
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
            self.stream = self._open()

        def handleError(self, record: logging.LogRecord) -> None:
            # Never print (the record could be mid-redaction) and never stop the app.
            error = sys.exc_info()[1]
            reason = getattr(error, "strerror", None) or type(error).__name__
            self.problem = f"Digwell could not write its log file {self.baseFilename} ({reason})."

    impl = _Impl()
    impl.RedactFilter = RedactFilter
    impl.Formatter = Formatter
    impl.RotatingFile = RotatingFile
    return impl


def _private_opener(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)  # lines name feeds and themes: the user's own
