"""The one translation layer (docs/TRANSLATION.md): `_`, `ngettext` and `pgettext` for
every user-facing string, core and window alike, and `N_` to mark a constant that is
translated where it is shown."""

from app.i18n.translate import N_, _, english, language, ngettext, pgettext, use_language

__all__ = ["N_", "_", "english", "language", "ngettext", "pgettext", "use_language"]
