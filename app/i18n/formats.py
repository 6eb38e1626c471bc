"""Dates, times and numbers in the user's locale (docs/TRANSLATION.md), from CLDR's
patterns as Babel gives them.

The patterns and names of a locale are looked up with Babel once and then kept in the
cache folder (app.i18n.locale_data); app.i18n.patterns applies them. So the window's
first paint reads a small file instead of importing Babel (~55 ms), and a day costs a
few microseconds to format. A pattern with a field app.i18n.patterns does not know is
left to Babel.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from app.i18n import locale_data, patterns
from app.i18n.translate import LANGUAGE_ENV, PSEUDO, locale_name

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
        _data(chosen)
    except ValueError:  # an unknown locale, or a malformed name
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
def _data(name: str) -> dict[str, Any]:
    return locale_data.load(name)


def _format(skeleton: str, value: date | datetime | time) -> str:
    data = _data(_locale)
    pattern = str(data["patterns"][skeleton])
    written = patterns.format_date(pattern, value, data)
    if written is None:
        from babel.dates import parse_pattern

        written = str(parse_pattern(pattern).apply(value, _locale))
    return written


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
    return _format(locale_data.SHORT_TIME, moment)


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
    written = patterns.format_number(value, decimals, _data(_locale))
    if written is None:
        from babel.numbers import format_decimal

        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        written = str(format_decimal(value, format=pattern, locale=_locale))
    return written


def percent(value: float) -> str:
    """A whole percentage, given 0–100: "91%" (en), "91 %" (de)."""
    written = patterns.format_percent(value, _data(_locale))
    if written is None:
        from babel.numbers import format_percent

        written = str(format_percent(round(value) / 100, locale=_locale))
    return written
