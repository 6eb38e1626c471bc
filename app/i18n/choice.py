"""Choosing the language and the formats once per process, from the environment."""

from __future__ import annotations

from collections.abc import Sequence

from app.i18n import formats, translate


def choose_from_environment(fallback: Sequence[str] = ()) -> tuple[str, str]:
    """Translate and format as the environment asks (docs/TRANSLATION.md); `fallback` is
    the system's UI languages, which macOS and Windows keep outside the environment (the
    window passes Qt's). Returns the language and the locale chosen."""
    wanted = translate.system_languages(fallback=fallback)
    language = translate.use_language(translate.choose_language(wanted))
    locale = formats.use_locale(formats.system_locale(fallback=fallback[0] if fallback else ""))
    return language, locale
