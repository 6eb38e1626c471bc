"""What Digwell needs of a locale's CLDR data, looked up with Babel once and kept in the
cache folder (docs/TRANSLATION.md, "Dates and numbers").

Babel's import and its locale data cost ~55 ms, which the window's first paint would pay
for the first date it shows. The few patterns and names Digwell formats with fit in a
small JSON file per locale; reading it takes well under a millisecond. The file is named
after the date of Babel's CLDR data file, so another Babel looks everything up again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

# The skeletons app.i18n.formats asks for, and "short time", the locale's own clock.
SKELETONS = ("MMMd", "yMMMd", "MMMEd", "yMMMEd", "LLL", "yMMM")
SHORT_TIME = "short time"
WIDTHS = ("abbreviated", "wide")
FORMAT_VERSION = 1  # of the cached file's layout


def load(name: str) -> dict[str, Any]:
    """The locale's patterns, names and number symbols; ValueError for an unknown locale."""
    path = _cache_file(name)
    if path is not None:
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT_VERSION and data.get("locale") == name:
                return data
        except (OSError, ValueError):
            pass  # not there yet, or unreadable: look it up again
    data = extract(name)
    if path is not None:
        _write(path, data)
    return data


def extract(name: str) -> dict[str, Any]:
    """Look the locale up with Babel."""
    from babel.core import Locale, UnknownLocaleError
    from babel.dates import match_skeleton

    try:
        locale = Locale.parse(name)
    except (UnknownLocaleError, TypeError, ValueError) as exc:
        raise ValueError(str(exc)) from exc
    skeletons = locale.datetime_skeletons

    def pattern(skeleton: str) -> str:
        key = skeleton if skeleton in skeletons else match_skeleton(skeleton, skeletons)
        return str(skeletons[key].pattern) if key else skeleton

    patterns = {skeleton: pattern(skeleton) for skeleton in SKELETONS}
    patterns[SHORT_TIME] = str(locale.time_formats["short"].pattern)
    symbols = locale.number_symbols["latn"]  # Babel writes Latin digits by default
    periods = locale.day_periods["format"]["abbreviated"]
    return {
        "format": FORMAT_VERSION,
        "locale": name,
        "patterns": patterns,
        "months": _names(locale.months, range(1, 13)),
        "days": _names(locale.days, range(7)),
        "periods": [periods["am"], periods["pm"]],
        "decimal": symbols["decimal"],
        "group": symbols["group"],
        "percent_sign": symbols["percentSign"],
        "minus": symbols["minusSign"],
        "decimal_pattern": str(locale.decimal_formats[None].pattern),
        "percent_pattern": str(locale.percent_formats[None].pattern),
    }


def _names(table: Any, keys: range) -> dict[str, dict[str, list[str]]]:
    """Month or day names by context and width: names["format"]["abbreviated"][0]."""
    return {
        context: {width: [table[context][width][key] for key in keys] for width in WIDTHS}
        for context in ("format", "stand-alone")
    }


def _cache_file(name: str) -> Path | None:
    """None where Babel's data cannot be dated, or for a name that is no locale's (it
    comes from the environment, and becomes a file name)."""
    import re

    from app.paths import user_cache_dir

    if not re.fullmatch(r"[A-Za-z]{2,8}(?:_[A-Za-z0-9]{1,8})*", name):
        return None
    try:
        stamp = os.stat(_babel_data_file()).st_mtime_ns
    except (ImportError, OSError, ValueError, TypeError):
        return None
    return user_cache_dir() / "locales" / f"{name}-{stamp}.json"


def _babel_data_file() -> Path:
    """Babel's global.dat, found without importing Babel: beside its package, or in a
    PyInstaller bundle's folder (where the package itself sits in an archive)."""
    import sys

    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "babel" / "global.dat"
    from importlib.util import find_spec

    spec = find_spec("babel")
    if spec is None or not spec.origin:
        raise ImportError("babel")
    return Path(spec.origin).with_name("global.dat")


def _write(path: Path, data: dict[str, Any]) -> None:
    """Write whole or not at all (another Digwell may read it at the same moment)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass  # a read-only cache: the next start looks it up again
