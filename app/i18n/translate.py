"""gettext catalogues chosen once per process (docs/TRANSLATION.md).

Nothing here is called at import time by the rest of `app`: a module keeps its constant
strings in English, marked with `N_`, and translates them where it shows them, so a
language chosen after the imports (the window's start, a test) still applies to them.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

DOMAIN = "digwell"
SOURCE_LANGUAGE = "en"
PSEUDO = "pseudo"  # every string lengthened by 40% and accented (app.i18n.pseudo)
# The languages with a catalogue under resources/locale, besides the source language.
CATALOGUES = ("de",)
# Chooses the language (and the date and number formats) over the environment's locale.
LANGUAGE_ENV = "DIGWELL_LANGUAGE"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def _(message: str) -> str:
    """The message in the chosen language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The plural form the chosen language uses for `n` ("1 post", "3 posts")."""
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A short message whose meaning depends on where it is shown ("Post" the verb)."""
    return _translations.pgettext(context, message)


def N_(message: str) -> str:
    """Marks a constant for the catalogue; `_` translates it where it is shown."""
    return message


def language() -> str:
    """The language chosen: "en", "de" or "pseudo"."""
    return _language


def languages() -> tuple[str, ...]:
    """Every language the user can choose."""
    return (SOURCE_LANGUAGE, *CATALOGUES)


@contextmanager
def english() -> Iterator[None]:
    """Messages in the source language for a while: what scripts read (`--json`) stays
    the same whatever language the user reads."""
    global _translations
    kept = _translations
    _translations = gettext.NullTranslations()
    try:
        yield
    finally:
        _translations = kept


def locale_folder() -> Path:
    from app.paths import resource_path

    return resource_path("locale")


def use_language(code: str | None) -> str:
    """Translate into `code` ("de", "de_AT", "pseudo") from now on; a language without a
    catalogue falls back to English. Returns the language used."""
    global _translations, _language
    chosen = _catalogue_language(code or "")
    if chosen == PSEUDO:
        from app.i18n.pseudo import PseudoTranslations

        _translations = PseudoTranslations()
    elif chosen == SOURCE_LANGUAGE:
        _translations = gettext.NullTranslations()
    else:
        path = locale_folder() / chosen / "LC_MESSAGES" / f"{DOMAIN}.mo"
        with path.open("rb") as file:
            _translations = gettext.GNUTranslations(file)
    _language = chosen
    return chosen


def _catalogue_language(code: str) -> str:
    name = locale_name(code)
    if name == PSEUDO:
        return PSEUDO
    base = name.split("_")[0].lower()
    return base if base in CATALOGUES else SOURCE_LANGUAGE


def locale_name(value: str) -> str:
    """ "de_DE.UTF-8@euro" → "de_DE"; "" for C, POSIX or nothing."""
    name = value.split(".")[0].split("@")[0].replace("-", "_").strip()
    return "" if name in ("", "C", "POSIX") else name


def system_languages(
    environ: Mapping[str, str] | None = None, fallback: Sequence[str] = ()
) -> list[str]:
    """The languages the user asked for, most wanted first: DIGWELL_LANGUAGE, then
    gettext's LANGUAGE, LC_ALL, LC_MESSAGES and LANG, then `fallback` (the window passes
    the system's UI languages, which macOS and Windows keep outside the environment)."""
    env = os.environ if environ is None else environ
    if env.get(LANGUAGE_ENV):
        return [env[LANGUAGE_ENV]]
    found = [p for p in (locale_name(part) for part in env.get("LANGUAGE", "").split(":")) if p]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        name = locale_name(env.get(var, ""))
        if name:
            found.append(name)
            break
    found.extend(locale_name(f) for f in fallback if locale_name(f))
    return found


def choose_language(wanted: Sequence[str]) -> str:
    """The first wanted language Digwell has; else English."""
    for code in wanted:
        chosen = _catalogue_language(code)
        if chosen != SOURCE_LANGUAGE or locale_name(code).lower().startswith("en"):
            return chosen
    return SOURCE_LANGUAGE
