"""The logging classes: the rotating shared file, its failures, and masking in the
records and the lines written (app.log_handlers)."""

from __future__ import annotations

import logging
import os

from app import log_masking, logs
from tests.log_support import (
    SECRET,
    all_log_text,
    clean_logging,  # noqa: F401 - autouse: each test starts clean
    log,
    our_handlers,
    text,
)

# --- Rotation -----------------------------------------------------------------------


def test_the_file_rotates_and_keeps_a_bounded_number_of_old_files(monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    monkeypatch.setattr(logs, "BACKUP_COUNT", 3)
    path = logs.setup_logging()
    for n in range(200):
        log().info("line %03d %s", n, "x" * 50)
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["digwell.log", "digwell.log.1", "digwell.log.2", "digwell.log.3"]
    for p in path.parent.iterdir():
        assert p.stat().st_size <= 2000
    assert "line 199" in text()
    assert "line 198" in all_log_text()
    assert "line 000" not in all_log_text()  # rotated out


def test_a_file_rotated_by_another_process_is_followed(monkeypatch):
    path = logs.setup_logging()
    log().info("before")
    path.rename(path.with_name("digwell.log.1"))  # what another Digwell process does
    log().info("after")
    assert "after" in text()
    assert "after" not in path.with_name("digwell.log.1").read_text(encoding="utf-8")


def test_a_failed_rotation_keeps_appending(monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 500)
    path = logs.setup_logging()

    def refuse(src, dst):
        raise PermissionError(13, "in use by another process")  # as on Windows

    monkeypatch.setattr(os, "replace", refuse)
    for n in range(30):
        log().info("line %02d %s", n, "y" * 40)
    assert "line 29" in text()
    assert path.stat().st_size > 500
    assert logs.logging_problem() is None


def test_a_write_failure_later_is_silent_and_reported(capsys):
    logs.setup_logging()
    handler = our_handlers()[0]
    stream = handler.stream

    class DiskFull:
        def fileno(self) -> int:
            return stream.fileno()

        def write(self, _text: str) -> int:
            raise OSError(28, "No space left on device")

    handler.stream = DiskFull()
    try:
        log().error("cannot be written")
    finally:
        handler.stream = stream
    assert "No space left on device" in logs.logging_problem()
    assert capsys.readouterr() == ("", "")
    log().info("written again")
    assert logs.logging_problem() is None
    assert "written again" in text()


# --- Redaction in the file ----------------------------------------------------------


def test_args_dicts_exceptions_and_stacks_are_masked_in_the_file():
    log_masking.register_secret(SECRET)
    logs.setup_logging(debug=True)

    class Leaky:
        def __repr__(self) -> str:
            return f"Leaky({SECRET})"

    log().info("headers %s", {"Authorization": f"Bearer {SECRET}"})
    log().info("%(token)s mapping args", {"token": SECRET})
    log().info("object %r", Leaky())
    log().debug("with stack", stack_info=True, extra={"unused": SECRET})
    try:
        raise ValueError(f"could not fetch https://u:{SECRET}@example.org/?token={SECRET}")
    except ValueError:
        log().exception("fetch failed")
    try:
        leaked = {"X-Api-Key": SECRET}
        raise KeyError(leaked)
    except KeyError:
        log().warning("lookup failed", exc_info=True)
    content = text()
    assert SECRET not in content
    assert "Traceback (most recent call last)" in content
    assert "ValueError: could not fetch https://***@example.org/?token=***" in content
    assert "fetch failed" in content
    assert "*** mapping args" in content
    assert "Leaky(***)" in content
    assert "Stack (most recent call last)" in content


def test_other_handlers_see_the_record_masked_too(caplog):
    logs.setup_logging()
    caplog.set_level(logging.INFO)
    log().info("Cookie: sid=%s", SECRET)
    assert SECRET not in caplog.text
    assert "Cookie: ***" in caplog.text


def test_a_log_call_with_wrong_arguments_is_written_without_them(capsys, caplog):
    logs.setup_logging()
    log().info("%d things and a %s", "not a number", SECRET)
    assert "%d things and a %s (the log call's arguments did not fit its message)" in text()
    assert SECRET not in text()
    assert SECRET not in caplog.text  # later handlers get the fixed record too
    assert capsys.readouterr().err == ""
