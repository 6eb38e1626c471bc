"""Templates render in a separate process that is killed when it takes too long.

User templates are untrusted, and the sandbox bounds neither time nor memory: a loop
that never ends, or a string built by doubling, would hang or swamp the app. A child
process (memory-limited where the OS allows) renders each template; the caller waits
at most TIME_LIMIT_S, then kills it and starts a fresh one for the next render.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import TemplateError
from app.i18n import N_, _, formats, language, ngettext, use_language

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import SpawnProcess

TIME_LIMIT_S = 2.0
# Address space of the render process: Python with Jinja2 uses ~100 MB of it.
MEMORY_LIMIT_BYTES = 768 * 1024 * 1024
# Starting Python and importing Jinja2 takes a few hundred ms on a busy machine; that
# time is not the template's.
START_TIMEOUT_S = 30.0
_FIX = N_("Fix the template and try again.")


class RenderProcess:
    """One child process rendering templates on request; thread-safe, restarts itself."""

    def __init__(self, time_limit_s: float = TIME_LIMIT_S) -> None:
        self.time_limit_s = time_limit_s
        self._lock = threading.Lock()
        self._process: SpawnProcess | None = None
        self._conn: Connection | None = None  # set and cleared with _process

    def render(self, folders: list[Path], name: str, filename: str, context: dict[str, Any]) -> str:
        """Render `filename` (found in `folders`, earlier first) with `context`."""
        with self._lock:
            conn = self._ensure_started()
            try:
                conn.send(([str(f) for f in folders], name, filename, context))
            except (OSError, ValueError) as err:  # the child died between renders
                self._stop()
                raise TemplateError(
                    _("The template '{name}' could not be rendered: {error}.").format(
                        name=name, error=err
                    )
                ) from err
            if not conn.poll(self.time_limit_s):
                self._stop()
                raise TemplateError(
                    ngettext(
                        "The template '{name}' was stopped after {count} second: "
                        "it takes too long (a loop that never ends?).",
                        "The template '{name}' was stopped after {count} seconds: "
                        "it takes too long (a loop that never ends?).",
                        1 if self.time_limit_s == 1 else 2,  # 0.5 seconds, 2 seconds
                    ).format(name=name, count=f"{self.time_limit_s:g}"),
                    _(_FIX),
                )
            try:
                reply = conn.recv()
            except (EOFError, OSError):
                self._stop()
                raise TemplateError(
                    _(
                        "The template '{name}' was stopped: it used too much memory "
                        "(does it build a huge text?)."
                    ).format(name=name),
                    _(_FIX),
                ) from None
        if reply[0] == "ok":
            return str(reply[1])
        raise TemplateError(reply[1], reply[2])

    def _ensure_started(self) -> Connection:
        """The pipe to a live render process, started if need be."""
        if self._process is not None and self._conn is not None and self._process.is_alive():
            return self._conn
        self._stop()
        # spawn: a fork of the window's process would copy Qt's threads and state.
        context = multiprocessing.get_context("spawn")
        parent_conn, child_conn = context.Pipe()
        # The child's messages are in the user's language, its numbers in their locale.
        process = context.Process(
            target=serve,
            args=(child_conn, MEMORY_LIMIT_BYTES, language(), formats.current_locale()),
            daemon=True,
            name="digwell-render",
        )
        process.start()
        child_conn.close()
        if not parent_conn.poll(START_TIMEOUT_S) or parent_conn.recv() != "ready":
            process.kill()
            raise TemplateError(
                _("Templates cannot be rendered: the render process did not start.")
            )
        self._process, self._conn = process, parent_conn
        return parent_conn

    def _stop(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(5)
            self._process.close()
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None

    def close(self) -> None:
        with self._lock:
            self._stop()


def serve(conn: Connection, memory_limit: int, lang: str = "en", locale: str = "") -> None:
    """The child: render each request and reply, until the pipe closes; its messages in
    the language `lang`, its numbers for `locale` (as the parent's)."""
    _limit_memory(memory_limit)
    from app.compose.rendering import render_reply

    with contextlib.suppress(OSError):  # no catalogue: the messages stay English
        use_language(lang)
    if locale and locale != formats.current_locale():  # en_GB needs no Babel at start
        formats.use_locale(locale)

    conn.send("ready")
    while True:
        try:
            folders, name, filename, context = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(render_reply([Path(f) for f in folders], name, filename, context))


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the time limit still applies
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


_shared: RenderProcess | None = None
_shared_lock = threading.Lock()


def shared_render_process() -> RenderProcess:
    """The process-wide renderer (one child serves every template library)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = RenderProcess()
        return _shared
