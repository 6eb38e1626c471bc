"""Test isolation: no display, no real keyring, no user folders, a fixed clock."""

from __future__ import annotations

import functools
import os
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

# Before anything imports Qt: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# English with day-month-year dates, whatever the machine's locale; the translation
# tests choose their language themselves.
os.environ["DIGWELL_LANGUAGE"] = "en_GB"
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
def feed_server():
    """A feed server on 127.0.0.1 (see tests/feed_server.py)."""
    from tests.feed_server import FeedServer

    with FeedServer() as server:
        yield server


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def open_folder(folder: Path, clock=None):
    """(planner, database) on `folder`: tests of the store reach the database the
    planner keeps private."""
    from app.clock import default_clock
    from app.paths import DB_FILENAME
    from app.planner import Planner
    from app.store import Database

    db = Database(Path(folder) / DB_FILENAME)
    return Planner(db, clock or default_clock()), db


@pytest.fixture
def planner_and_db(data_dir: Path, clock):
    planner, db = open_folder(data_dir, clock)
    yield planner, db
    planner.close()


@pytest.fixture
def planner(planner_and_db):
    return planner_and_db[0]


@pytest.fixture
def db(planner_and_db):
    """The database of the `planner` fixture."""
    return planner_and_db[1]


@pytest.fixture
def demo_planner(planner):
    planner.seed_demo()
    return planner


@functools.cache
def _memory_keyring_class():
    """An in-memory keyring backend, for tests only (keyring is imported when first needed)."""
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    class MemoryKeyring(KeyringBackend):
        """Secrets in a dict: `store[(service, username)] = password`."""

        priority = -1  # never "recommended", so keyring's own discovery never picks it

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if self.store.pop((service, username), None) is None:
                raise PasswordDeleteError("Password not found")

    _unregister(MemoryKeyring)
    return MemoryKeyring


def _unregister(cls: type) -> None:
    """keyring registers every backend class it sees; keep test classes out of discovery."""
    from keyring.backend import KeyringBackend

    KeyringBackend._classes.discard(cls)


@pytest.fixture
def memory_keyring():
    """A trusted in-memory keyring installed with `credentials.use_backend`, then removed.

    Returns the backend: `memory_keyring.store` maps (service, username) to what was stored.
    """
    from app import credentials

    backend = _memory_keyring_class()()
    credentials.use_backend(backend)
    yield backend
    credentials.use_backend(None)


@pytest.fixture
def make_keyring():
    """`make_keyring(module, name="Keyring")`: a fresh in-memory backend whose class claims
    to live in `module` (e.g. "keyrings.alt.file" or "keyring.backends.SecretService"),
    for testing which backends app.credentials trusts. Nothing is installed."""

    def make(module: str, name: str = "Keyring"):
        cls = type(name, (_memory_keyring_class(),), {"__module__": module})
        _unregister(cls)
        return cls()

    return make
