"""Digwell in German (docs/TRANSLATION.md): the window's start chooses the language from the
environment (or the system's), loads Qt's own German words, and tells the processes it
starts; the pages, menus, charts and dates then speak German."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QAccessible

from app.i18n import _, formats, translate
from app.ui.translation import install_translations
from app.ui.views.chart_words import heatmap_day, score_summary


@pytest.fixture
def german(qapp, monkeypatch) -> Iterator[None]:
    monkeypatch.setenv("DIGWELL_LANGUAGE", "de_DE")
    translator = install_translations(qapp)
    yield
    if translator is not None:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("en_GB"))
    translate.use_language("en_GB")
    formats.use_locale("en_GB")


def test_the_start_chooses_german_with_qts_words_and_formats(german):
    assert translate.language() == "de"
    assert formats.current_locale() == "de_DE"
    assert QLocale().name() == "de_DE"  # Qt's date widgets agree
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    assert _("just now") == "gerade eben"


def test_english_needs_no_qt_catalogue(qapp, monkeypatch):
    monkeypatch.setenv("DIGWELL_LANGUAGE", "en_GB")
    assert install_translations(qapp) is None
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    QLocale.setDefault(QLocale("en_GB"))


def test_a_language_from_the_system_reaches_the_processes_the_window_starts(qapp, monkeypatch):
    """Qt's system languages (macOS and Windows keep them outside the environment) choose
    German; the refresh and import processes read only the environment, so it says so."""
    for var in ("DIGWELL_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_AT")))
    translator = install_translations(qapp)
    try:
        assert translate.language() == "de"
        assert formats.current_locale() == "de_AT"
        import os

        assert os.environ["DIGWELL_LANGUAGE"] == "de_AT"
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_GB"))
        translate.use_language("en_GB")
        formats.use_locale("en_GB")


def test_the_window_speaks_german(qtbot, open_window, demo_planner, german):
    window = open_window(demo_planner)
    pages = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert pages[0].startswith("Eingang") and pages[4].startswith("Personen")
    menus = [action.text() for action in window.menuBar().actions()]
    assert "&Datei" in menus and "&Hilfe" in menus
    window.nav.setCurrentRow(3)  # Cadence
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 3)
    cadence = window.cadence_page
    chart = QAccessible.queryAccessibleInterface(cadence.chart)
    assert chart.text(QAccessible.Text.Description).startswith("Präsenzwert ")


def test_the_charts_words_in_german(german):
    day = date(2026, 11, 3)
    points = [(date(2026, 8, 12), 0.33), (day - timedelta(days=7), 0.89), (day, 0.91)]
    assert score_summary(points) == (
        "Präsenzwert 91\u00a0%, 2 Punkte mehr als letzte Woche; "
        "am niedrigsten 33\u00a0% am 12. Aug."
    )
    assert heatmap_day(day, 2, True, None).startswith("Di., 3. Nov.: 2 Beiträge")
    assert heatmap_day(day, 1, False, "").startswith("Di., 3. Nov.: 1 Beitrag")
