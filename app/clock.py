"""Injected time: the core never reads the wall clock itself."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Protocol

from app.errors import DigwellError
from app.i18n import _


class Clock(Protocol):
    """Gives the current time and the user's time zone."""

    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...

    def tz(self) -> tzinfo:
        """The user's local time zone."""
        ...


class SystemClock:
    """The real clock, in the machine's local time zone."""

    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def tz(self) -> tzinfo:
        return _LOCAL


class _LocalTimezone(tzinfo):
    """The OS's local zone with its DST rules (a fixed offset would be wrong half the year)."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return self._local(dt).utcoffset() or timedelta(0)

    def dst(self, dt: datetime | None) -> timedelta:
        return self._local(dt).dst() or timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return self._local(dt).tzname() or "local"

    def fromutc(self, dt: datetime) -> datetime:
        local = dt.replace(tzinfo=timezone.utc).astimezone()
        return local.replace(tzinfo=self, fold=local.fold)

    @staticmethod
    def _local(dt: datetime | None) -> datetime:
        naive = (dt or datetime.now()).replace(tzinfo=None)
        return naive.astimezone()


_LOCAL = _LocalTimezone()


class FixedClock:
    """A clock for tests: stands still until moved."""

    def __init__(self, at: datetime, tz: tzinfo = timezone.utc) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._at = at.astimezone(timezone.utc)
        self._tz = tz

    def now(self) -> datetime:
        return self._at

    def tz(self) -> tzinfo:
        return self._tz

    def advance(self, delta: timedelta) -> None:
        """Move the clock forward by `delta`."""
        self._at += delta


# Fixes the clock of a `digwell` process (an ISO 8601 time with offset), so tests and
# reproducible runs can start the real commands at a chosen time.
NOW_ENV = "DIGWELL_NOW"


def default_clock() -> Clock:
    """The system clock, unless DIGWELL_NOW names a time."""
    fixed = os.environ.get(NOW_ENV)
    if not fixed:
        return SystemClock()
    try:
        at = datetime.fromisoformat(fixed)
    except ValueError as err:
        raise DigwellError(
            # Translators: {setting} is DIGWELL_NOW='…', an environment variable.
            _("{setting} is not a time.").format(setting=f"{NOW_ENV}={fixed!r}"),
            _(
                "Give an ISO 8601 time with its offset, e.g. 2026-11-23T10:00:00+01:00, "
                "or unset it."
            ),
        ) from err
    if at.tzinfo is None:
        raise DigwellError(
            _("{setting} has no UTC offset.").format(setting=f"{NOW_ENV}={fixed!r}"),
            _("Add one, e.g. +00:00."),
        )
    return FixedClock(at, SystemClock().tz())
