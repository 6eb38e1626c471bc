"""What the log's tests share: a clean logging state around each test, and reading back
what was written."""

from __future__ import annotations

import logging
import re

import pytest

from app import log_masking, logs
from app.log_file import log_file

SECRET = "s3cr3t-Tok3n-7f2c9a"  # never written anywhere, by any rule
LINE = re.compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d (?P<level>[A-Z]+) "
    r"(?P<tag>\w+)\[(?P<pid>\d+)\] (?P<name>[\w.]+): (?P<message>.*)$"
)


@pytest.fixture(autouse=True)
def clean_logging(monkeypatch: pytest.MonkeyPatch):
    """No DIGWELL_DEBUG from outside; afterwards no handler, level or secret is left."""
    monkeypatch.setenv(logs.DEBUG_ENV, "")  # restored (removed) at teardown
    yield
    logs.stop_logging()
    log_masking.forget_secrets()


def log(name: str = "app.tests") -> logging.Logger:
    return logs.get_logger(name)


def text() -> str:
    return log_file().read_text(encoding="utf-8")


def all_log_text() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in log_file().parent.iterdir())


def our_handlers(name: str = logs.LOGGER_NAME) -> list[logging.Handler]:
    return [h for h in logging.getLogger(name).handlers if logs._is_ours(h)]
