"""Where the log file is, and its end read back for a report (app.log_file)."""

from __future__ import annotations

from pathlib import Path

from app import log_masking, logs
from app.log_file import log_file, recent_log_text
from tests.log_support import (
    LINE,
    SECRET,
    clean_logging,  # noqa: F401 - autouse: each test starts clean
    log,
)


def test_the_log_file_is_in_the_user_log_folder(_sandboxed_home):
    assert log_file() == Path(_sandboxed_home) / "log" / "Digwell" / "digwell.log"


def test_recent_log_text_is_the_redacted_tail_in_whole_lines(monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 3000)
    path = logs.setup_logging()
    for n in range(100):
        log().info("entry %03d", n)
    tail = recent_log_text(max_bytes=1000)
    assert len(tail.encode()) <= 1000
    assert tail.endswith("entry 099\n")
    assert all(LINE.match(line) for line in tail.splitlines())
    # Spans the previous file when the current one is short.
    assert path.with_name("digwell.log.1").exists()
    everything = recent_log_text(max_bytes=10_000)
    assert "entry 060" in everything
    assert everything.index("entry 060") < everything.index("entry 099")
    # Lines written by older versions or other tools are masked again when shown.
    log_masking.register_secret(SECRET)
    with open(path, "a", encoding="utf-8") as file:
        file.write(f"old line with {SECRET} and Authorization: Bearer abc\n")
    shown = recent_log_text()
    assert SECRET not in shown
    assert shown.endswith("old line with *** and Authorization: ***\n")


def test_recent_log_text_without_a_log_is_empty():
    assert recent_log_text() == ""
