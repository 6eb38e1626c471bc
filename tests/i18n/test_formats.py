"""Dates, times and numbers in the user's locale (docs/TRANSLATION.md)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.i18n import formats, translate

DAY = date(2026, 11, 3)
MOMENT = datetime(2026, 11, 3, 14, 5)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en_GB", ("3 Nov", "3 Nov 2026", "Tue 3 Nov", "Nov 2026", "14:05", "12,345", "91%")),
        ("de_DE", ("3. Nov.", "3. Nov. 2026", "Di., 3. Nov.", "Nov. 2026", "14:05", "12.345",
                   "91\u00a0%")),
        ("en_US", ("Nov 3", "Nov 3, 2026", "Tue, Nov 3", "Nov 2026", "2:05\u202fPM", "12,345",
                   "91%")),
    ],
)  # fmt: skip
def test_each_locale_formats_its_own_way(locale, expected):
    assert formats.use_locale(locale) == locale
    got = (
        formats.day_month(DAY),
        formats.day_month_year(DAY),
        formats.weekday_day_month(DAY),
        formats.month_year(DAY),
        formats.time_of_day(MOMENT),
        formats.number(12345),
        formats.percent(91),
    )
    assert got == expected


def test_date_and_time_together_follow_the_language_too():
    formats.use_locale("de_DE")
    translate.use_language("de")
    assert formats.day_month_year_time(MOMENT) == "3. Nov. 2026, 14:05"
    assert formats.weekday_day_month_time(MOMENT) == "Di., 3. Nov., 14:05"


def test_decimals_and_months():
    formats.use_locale("de_DE")
    assert formats.number(1234.5, decimals=1) == "1.234,5"
    assert formats.month(DAY) == "Nov"
    formats.use_locale("en_GB")
    assert formats.number(0.25, decimals=2) == "0.25"
    assert formats.weekday_day_month_year(DAY) == "Tue, 3 Nov 2026"


@pytest.mark.parametrize("name", ["", "C", "POSIX", "pseudo", "xx_YY", "not a locale!"])
def test_no_locale_or_an_unknown_one_formats_day_month_year(name):
    assert formats.use_locale(name) == formats.DEFAULT_LOCALE
    assert formats.day_month_year(DAY) == "3 Nov 2026"


@pytest.mark.parametrize(
    ("env", "fallback", "expected"),
    [
        ({"DIGWELL_LANGUAGE": "de_DE", "LC_ALL": "en_US.UTF-8"}, "", "de_DE"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}, "", "fr_FR"),
        ({"LC_TIME": "de_AT.UTF-8", "LANG": "en_GB.UTF-8"}, "", "de_AT"),
        ({"LANG": "C"}, "de_CH", "de_CH"),
        ({}, "", ""),
    ],
)
def test_the_formats_locale_comes_from_the_environment(env, fallback, expected):
    assert formats.system_locale(env, fallback) == expected
