"""Test isolation: no display, no real keyring, no user folders, a fixed clock."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

# Before anything imports Qt: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# keyring's "fail" backend: a test that reaches for the real keyring errors out.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

# Monday 23 November 2026, 10:00 in Berlin.
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def _sandboxed_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every default folder (data, config, cache) points into a temporary home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DIGWELL_HOME", str(home))
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_DATA_HOME", "share"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    return home


@pytest.fixture
def clock():
    from app.clock import FixedClock

    return FixedClock(NOW, BERLIN)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def planner(data_dir: Path, clock):
    from app.planner import Planner

    p = Planner.open(data_dir, clock=clock)
    yield p
    p.close()


@pytest.fixture
def demo_planner(planner):
    from app.demo import load_demo

    load_demo(planner)
    return planner
