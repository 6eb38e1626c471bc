"""Setting up the log: how a process starts writing to the shared file, and stops.

Every process (the window, CLI commands, a refresh and its workers) calls
`setup_logging(process=...)` once; all of them append to the same rotating file in the
user log folder (app.log_file), each line tagged with the process kind and id. Digwell's
loggers live under "digwell" (`get_logger(__name__)`), so libraries stay quiet unless
debugging is on (`debug=True` or DIGWELL_DEBUG=1, which child processes inherit); then
httpx and httpcore, which log request lines and response headers, go to the same file.

Secrets are kept out twice over. Code never logs one (app.credentials logs feed refs
only), and a filter (app.log_handlers) masks, in every message, traceback and stack,
what app.log_masking masks: the values of credential-like headers and fields
(Authorization, Cookie, X-Api-Key, anything named *token*, *secret*, *key*, *auth*,
*password*...), user:password@ in URLs, credential-like query parameters, and every
registered secret.

Importing this module costs ~0.2 ms: it imports no `logging`, `re` or `typing`.
`setup_logging` imports `logging` (~4 ms) and app.log_handlers, but not
`logging.handlers` (~4.5 ms more); the redaction patterns are compiled when a line
first needs them.
"""

from __future__ import annotations

import _thread
import os
from pathlib import Path

from app.log_file import log_file

TYPE_CHECKING = False  # typing itself costs ~1.5 ms to import
if TYPE_CHECKING:
    import logging

    from app.log_handlers import RotatingFile

LOGGER_NAME = "digwell"
DEBUG_ENV = "DIGWELL_DEBUG"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5
# Loggers routed to the file when debugging: httpx logs each request line (with its query
# string) at INFO, httpcore connection events and response headers at DEBUG.
DEBUG_LIBRARIES = ("httpx", "httpcore")


def debug_requested() -> bool:
    """Whether DIGWELL_DEBUG asks for debug logging."""
    return os.environ.get(DEBUG_ENV, "").strip().lower() not in ("", "0", "false", "no", "off")


class _State:
    handler: RotatingFile | None = None  # the file handler, when the file is open
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

    from app.log_handlers import RedactFilter

    root = logging.getLogger(LOGGER_NAME)
    if _State.handler is None:
        if _State.guard is None:
            _State.guard = logging.NullHandler()
            _State.guard.addFilter(RedactFilter())
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

    from app.log_handlers import Formatter

    debug = _debug_for_children(debug)
    root = logging.getLogger(LOGGER_NAME)
    path = log_file()
    with _State.lock:
        handler = _State.handler
        if handler is not None and handler.baseFilename != os.path.abspath(path):
            _drop_handler()  # the log folder moved (DIGWELL_HOME changed)
            handler = None
        fresh = handler is None
        if handler is None:
            handler, _State.problem = _open_handler(path)
            if handler is not None:
                root.addHandler(handler)
                _State.handler = handler
        if handler is not None:
            handler.setFormatter(Formatter(process))
        root.setLevel(logging.DEBUG if debug else logging.INFO)
        _route_libraries(handler if debug else None)
        _sync_guard()
    if handler is None:
        return None
    if fresh:
        _log_start(root, process, debug)
    return path


def _debug_for_children(debug: bool) -> bool:
    """Whether to log at debug level; sets (or unsets, if this module set it) DIGWELL_DEBUG
    so that the processes this one starts inherit the choice."""
    if not debug and _State.set_env:  # debug was ours, from an earlier call: off again
        os.environ.pop(DEBUG_ENV, None)
        _State.set_env = False
    debug = debug or debug_requested()
    if debug and not debug_requested():
        os.environ[DEBUG_ENV] = "1"
        _State.set_env = True
    return debug


def _log_start(root: logging.Logger, process: str, debug: bool) -> None:
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


def _open_handler(path: Path) -> tuple[RotatingFile | None, str | None]:
    from app.log_handlers import RedactFilter, RotatingFile

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handler = RotatingFile(str(path), MAX_BYTES, BACKUP_COUNT)
    except OSError as err:
        reason = err.strerror or type(err).__name__
        from app.i18n import _

        problem = _("Digwell cannot write its log file {path} ({reason}); nothing is logged.")
        return None, problem.format(path=path, reason=reason)
    handler.addFilter(RedactFilter())
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
    from app.log_handlers import RotatingFile

    return isinstance(handler, RotatingFile)


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
        return handler.problem
    return _State.problem
