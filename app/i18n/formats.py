"""Dates, times and numbers in the user's locale (docs/TRANSLATION.md), from CLDR's
patterns through Babel.

Babel is imported on the first date formatted, not at start-up, and each pattern is
parsed once per locale: formatting a day then costs a few microseconds.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from app.i18n.translate import LANGUAGE_ENV, PSEUDO, locale_name

if TYPE_CHECKING:
    from babel.core import Locale

# Where the environment names no locale (C, POSIX): day-month-year and a 24-hour clock.
DEFAULT_LOCALE = "en_GB"

_locale = DEFAULT_LOCALE


def use_locale(name: str | None) -> str:
    """Format for `name` ("de_DE", "en_US") from now on; returns the locale used."""
    global _locale
    chosen = locale_name(name or "")
    if not chosen or chosen == PSEUDO:
        chosen = DEFAULT_LOCALE
    try:
        _babel_locale(chosen)
    except ValueError:  # babel.core.UnknownLocaleError, or a malformed name
        chosen = DEFAULT_LOCALE
    _locale = chosen
    return chosen


def current_locale() -> str:
    return _locale


def system_locale(environ: Mapping[str, str] | None = None, fallback: str = "") -> str:
    """The locale dates and numbers follow: DIGWELL_LANGUAGE, else LC_ALL, LC_TIME, LANG,
    else `fallback` (the window passes the system's locale)."""
    env = os.environ if environ is None else environ
    for var in (LANGUAGE_ENV, "LC_ALL", "LC_TIME", "LANG"):
        name = locale_name(env.get(var, ""))
        if name:
            return name
    return locale_name(fallback)


@functools.lru_cache(maxsize=16)
def _babel_locale(name: str) -> Locale:
    from babel.core import Locale, UnknownLocaleError

    try:
        return Locale.parse(name)
    except (UnknownLocaleError, TypeError) as exc:
        raise ValueError(str(exc)) from exc


@functools.lru_cache(maxsize=128)
def _pattern(skeleton: str, name: str) -> Any:
    from babel.dates import match_skeleton, parse_pattern

    locale = _babel_locale(name)
    if skeleton == "short time":  # the locale's own clock: "14:05" or "2:05 PM"
        return locale.time_formats["short"]
    skeletons = locale.datetime_skeletons
    key = skeleton if skeleton in skeletons else match_skeleton(skeleton, skeletons)
    return parse_pattern(skeletons[key] if key else skeleton)


def _format(skeleton: str, value: date | datetime | time) -> str:
    return str(_pattern(skeleton, _locale).apply(value, _babel_locale(_locale)))


def day_month(day: date) -> str:
    """ "3 Nov" (en_GB), "3. Nov." (de)."""
    return _format("MMMd", day)


def day_month_year(day: date) -> str:
    """ "3 Nov 2026", "3. Nov. 2026"."""
    return _format("yMMMd", day)


def weekday_day_month(day: date) -> str:
    """ "Tue 3 Nov", "Di., 3. Nov."."""
    return _format("MMMEd", day)


def weekday_day_month_year(day: date) -> str:
    """ "Tue 3 Nov 2026"."""
    return _format("yMMMEd", day)


def month(day: date) -> str:
    """ "Nov" (a chart's axis)."""
    return _format("LLL", day)


def month_year(day: date) -> str:
    """ "Nov 2026"."""
    return _format("yMMM", day)


def time_of_day(moment: datetime | time) -> str:
    """ "14:05" where the locale keeps a 24-hour clock, "2:05 PM" where it does not."""
    return _format("short time", moment)


def day_month_year_time(moment: datetime) -> str:
    """ "3 Nov 2026, 14:05"."""
    from app.i18n.translate import _

    return _("{date}, {time}").format(date=day_month_year(moment), time=time_of_day(moment))


def weekday_day_month_time(moment: datetime) -> str:
    """ "Tue 3 Nov, 14:05"."""
    from app.i18n.translate import _

    return _("{date}, {time}").format(date=weekday_day_month(moment), time=time_of_day(moment))


def number(value: float, decimals: int = 0) -> str:
    """ "12,345" (en), "12.345" (de)."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(value, format=pattern, locale=_babel_locale(_locale)))


def percent(value: float) -> str:
    """A whole percentage, given 0–100: "91%" (en), "91 %" (de)."""
    from babel.numbers import format_percent

    return str(format_percent(round(value) / 100, locale=_babel_locale(_locale)))
