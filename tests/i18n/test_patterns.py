"""The patterns Digwell applies itself (app/i18n/patterns.py) write what Babel writes,
over many locales; where they cannot, they say so and Babel is asked."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from babel.core import Locale
from babel.dates import parse_pattern
from babel.numbers import format_decimal, format_percent

from app.i18n import formats, locale_data, patterns

LOCALES = [
    "en_GB",
    "en_US",
    "en_IN",
    "en_AU",
    "de_DE",
    "de_AT",
    "de_CH",
    "fr_FR",
    "fr_CA",
    "es_ES",
    "es_MX",
    "it_IT",
    "pt_BR",
    "pt_PT",
    "nl_NL",
    "sv_SE",
    "nb_NO",
    "da_DK",
    "fi_FI",
    "pl_PL",
    "cs_CZ",
    "sk_SK",
    "hu_HU",
    "ro_RO",
    "bg_BG",
    "el_GR",
    "ru_RU",
    "uk_UA",
    "tr_TR",
    "he_IL",
    "ar_EG",
    "fa_IR",
    "hi_IN",
    "bn_BD",
    "th_TH",
    "vi_VN",
    "id_ID",
    "ms_MY",
    "ja_JP",
    "ko_KR",
    "zh_CN",
    "zh_TW",
    "sw_KE",
    "ga_IE",
    "cy_GB",
    "lt_LT",
    "lv_LV",
    "et_EE",
    "sl_SI",
    "hr_HR",
    "sr_RS",
]
MOMENTS = [datetime(2026, 11, 3, 14, 5), datetime(2027, 1, 9, 0, 30), datetime(2026, 5, 24, 12, 0)]
# Babel 2.x leaves 12345678 ungrouped in de_CH (whose group separator is "'") while it
# groups 1234 as "1'234"; CLDR and Digwell group both.
BABEL_QUIRKS = {("de_CH", 12345678), ("de_CH", -4321)}
NUMBERS = [(7, 0), (1234, 0), (12345678, 0), (1234.5, 1), (0.25, 2), (-4321, 0)]


@pytest.mark.parametrize("name", LOCALES)
def test_dates_and_numbers_are_written_as_babel_writes_them(name):
    data = locale_data.extract(name)
    locale = Locale.parse(name)
    asked_babel = 0
    for pattern in data["patterns"].values():
        for moment in MOMENTS:
            ours = patterns.format_date(pattern, moment, data)
            if ours is None:
                asked_babel += "B" not in pattern  # flexible day periods: Babel's
                continue
            assert ours == parse_pattern(pattern).apply(moment, locale), (pattern, moment)
    assert asked_babel == 0, f"{name}: {asked_babel} patterns left to Babel"
    for value, decimals in NUMBERS:
        ours = patterns.format_number(value, decimals, data)
        if (name, value) in BABEL_QUIRKS:
            continue
        assert ours == format_decimal(value, locale=locale), (value, ours)
    for value in (0, 7, 91, 100, 1250):
        ours = patterns.format_percent(value, data)
        assert ours is None or ours == format_percent(value / 100, locale=locale), value


def test_an_unknown_field_is_left_to_babel():
    data = locale_data.extract("en_GB")
    assert patterns.format_date("G y", date(2026, 1, 1), data) is None  # the era
    formats.use_locale("en_GB")
    assert formats.number(1234.5, decimals=1) == "1,234.5"


def test_the_locale_is_looked_up_once_then_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGWELL_HOME", str(tmp_path))
    looked_up = []
    real = locale_data.extract
    monkeypatch.setattr(locale_data, "extract", lambda name: looked_up.append(name) or real(name))
    first = locale_data.load("de_AT")
    again = locale_data.load("de_AT")
    assert looked_up == ["de_AT"] and first == again
    (cached,) = (tmp_path / "cache" / "Digwell" / "locales").iterdir()
    assert cached.name.startswith("de_AT-")
    cached.write_text("{not json", encoding="utf-8")  # a damaged cache is looked up again
    assert locale_data.load("de_AT") == first and looked_up == ["de_AT", "de_AT"]


def test_an_unknown_locale_is_refused():
    with pytest.raises(ValueError):
        locale_data.load("xx_YY")


def test_a_name_that_is_no_locale_never_becomes_a_path(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGWELL_HOME", str(tmp_path))
    with pytest.raises(ValueError):
        locale_data.load("../../evil")
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").rglob("*.json"))
