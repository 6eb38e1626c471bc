"""Qt's side of the translation layer (docs/TRANSLATION.md): Qt's own words (message box
buttons, file dialogs, context menus of text fields) come from Qt's catalogues, and Qt's
date and number widgets follow the locale Digwell formats with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.i18n import formats, translate
from app.i18n.choice import choose_from_environment

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator


_installed: list[QTranslator] = []  # the one Qt catalogue loaded, to take out on a change


def install_translations(app: QCoreApplication, preferred: str = "system") -> QTranslator | None:
    """Choose the language: `preferred` (View › Language) unless it is "system", else the
    environment's, else the system's UI languages. Set Qt's default locale, and load Qt's
    catalogue for the language; None for English (and the pseudo-locale), which needs none."""
    import os

    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    system = QLocale.system()
    language, locale = choose_from_environment([system.name(), *system.uiLanguages()])
    if preferred != "system":
        language = translate.use_language(preferred)
        if not locale.startswith(language):  # German words want German dates
            locale = formats.use_locale(language)
        os.environ[translate.LANGUAGE_ENV] = locale if locale.startswith(language) else language
    elif not os.environ.get(translate.LANGUAGE_ENV) and language != _from_environment_only():
        # Chosen by the system's settings, not the environment: the processes the window
        # starts (a refresh, an import) read only the environment, so tell them.
        os.environ[translate.LANGUAGE_ENV] = locale if locale.startswith(language) else language
    QLocale.setDefault(QLocale(locale))
    while _installed:
        app.removeTranslator(_installed.pop())
    language = translate.language()
    if language in (translate.SOURCE_LANGUAGE, translate.PSEUDO):
        return None
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)  # parented: lives as long as the application
    if not translator.load(QLocale(language), "qtbase", "_", folder):
        return None  # a bundle or a distribution without Qt's catalogues: Qt stays English
    app.installTranslator(translator)
    _installed.append(translator)
    return translator


def _from_environment_only() -> str:
    return translate.choose_language(translate.system_languages())
