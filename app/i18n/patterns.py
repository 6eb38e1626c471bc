"""Applying a locale's CLDR patterns (app.i18n.locale_data) to dates and numbers without
importing Babel: the fields Digwell's patterns use, written as Babel writes them
(tests/i18n/test_patterns.py compares the two over many locales). A pattern with a field
this does not know returns None, and the caller asks Babel."""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime, time
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

# Quoted literals ('' is an apostrophe), runs of one field letter, anything else as is.
_TOKEN = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|[^'A-Za-z]+")
_NUMBER = re.compile(r"[#0,.]+")


@functools.lru_cache(maxsize=64)
def _tokens(pattern: str) -> tuple[tuple[str, str], ...]:
    """("field", "MMM") or ("text", " ") pairs."""
    out = []
    for match in _TOKEN.finditer(pattern):
        token = match.group()
        if match.group(1):
            out.append(("field", token))
        elif token.startswith("'"):
            out.append(("text", token[1:-1].replace("''", "'") if token != "''" else "'"))
        else:
            out.append(("text", token))
    return tuple(out)


def format_date(pattern: str, value: date | datetime | time, data: dict[str, Any]) -> str | None:
    """`value` written in `pattern`; None when the pattern has a field not handled here."""
    parts = []
    for kind, token in _tokens(pattern):
        if kind == "text":
            parts.append(token)
            continue
        written = _field(token, value, data)
        if written is None:
            return None
        parts.append(written)
    return "".join(parts)


def _field(token: str, value: date | datetime | time, data: dict[str, Any]) -> str | None:
    letter, width = token[0], len(token)
    if letter == "d" and isinstance(value, date):
        return f"{value.day:0{width}d}"
    if letter in "ML" and isinstance(value, date):
        if width <= 2:
            return f"{value.month:0{width}d}"
        context = "format" if letter == "M" else "stand-alone"
        names = data["months"][context]["abbreviated" if width == 3 else "wide"]
        return str(names[value.month - 1]) if width <= 4 else None
    if letter == "y" and isinstance(value, date):
        return f"{value.year % 100:02d}" if width == 2 else f"{value.year:0{width}d}"
    if letter in "Ec" and isinstance(value, date) and width <= 4 and token not in ("c", "cc"):
        context = "format" if letter == "E" else "stand-alone"
        names = data["days"][context]["wide" if width == 4 else "abbreviated"]
        return str(names[value.weekday()])
    if isinstance(value, (datetime, time)):
        if letter == "H":
            return f"{value.hour:0{width}d}"
        if letter == "h":
            return f"{value.hour % 12 or 12:0{width}d}"
        if letter == "m":
            return f"{value.minute:0{width}d}"
        if letter == "a" and width <= 3:
            return str(data["periods"][value.hour >= 12])
    return None


def format_number(value: float, decimals: int, data: dict[str, Any]) -> str | None:
    """`value` with `decimals` places, grouped as the locale's decimal pattern groups."""
    grouping = _grouping(str(data["decimal_pattern"]))
    if grouping is None:
        return None
    return _digits(value, decimals, grouping, data)


def format_percent(value: float, data: dict[str, Any]) -> str | None:
    """A whole percentage (`value` 0–100) in the locale's percent pattern."""
    pattern = str(data["percent_pattern"]).split(";")[0]
    found = _NUMBER.search(pattern)
    grouping = _grouping(pattern)
    if found is None or grouping is None or "'" in pattern or "." in found.group():
        return None
    number = _digits(round(value), 0, grouping, data)
    sign = str(data["percent_sign"])
    if any(unicodedata.category(char) == "Cf" for char in sign):
        return None  # bidirectional marks: Babel decides where they go
    before, after = pattern[: found.start()], pattern[found.end() :]
    return before.replace("%", sign) + number + after.replace("%", sign)


def _grouping(pattern: str) -> tuple[int, int] | None:
    """(primary, secondary) group sizes: "#,##0" → (3, 3); "#,##,##0" → (3, 2)."""
    found = _NUMBER.search(pattern.split(";")[0])
    if found is None:
        return None
    groups = found.group().split(".")[0].split(",")
    if len(groups) < 2:
        return (0, 0)  # no grouping
    primary = len(groups[-1])
    secondary = len(groups[-2]) if len(groups) > 2 else primary
    return (primary, secondary)


def _digits(value: float, decimals: int, grouping: tuple[int, int], data: dict[str, Any]) -> str:
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)
    sign = "-" if exact < 0 else ""  # as Babel writes it, whatever the locale's minus
    whole, _point, fraction = f"{abs(exact):f}".partition(".")
    primary, secondary = grouping
    if primary and len(whole) > primary:
        head, groups = whole[:-primary], [whole[-primary:]]
        while len(head) > secondary:
            groups.insert(0, head[-secondary:])
            head = head[:-secondary]
        whole = str(data["group"]).join([head, *groups] if head else groups)
    return sign + whole + (str(data["decimal"]) + fraction if fraction else "")
