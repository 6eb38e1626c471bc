"""View › Language: the window can speak English or German whatever the system speaks; the
choice is kept with the data folder and applies from the next start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from app.errors import DigwellError
from app.i18n import _, formats, translate
from app.ui.app import apply_language
from app.ui.language_menu import ACTION_PREFIX


def test_the_choice_is_kept_and_said(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    actions = {c: window.findChild(type(window.menu_actions["guide"]), ACTION_PREFIX + c)
               for c in ("system", "en", "de")}  # fmt: skip
    assert all(actions.values()) and actions["system"].isChecked()
    assert actions["de"].text() == "&Deutsch"  # each language in its own words
    actions["de"].trigger()
    assert demo_planner.strategy.language() == "de"
    assert "Deutsch" in window.statusBar().currentMessage()
    actions["system"].trigger()
    assert demo_planner.strategy.language() == "system"


def test_an_unknown_language_is_refused(demo_planner):
    with pytest.raises(DigwellError, match="does not speak"):
        demo_planner.strategy.set_language("fr")


def test_the_next_start_speaks_the_chosen_language(qapp, demo_planner, monkeypatch):
    monkeypatch.setenv("DIGWELL_LANGUAGE", "en_GB")
    demo_planner.strategy.set_language("de")
    try:
        apply_language(demo_planner, qapp)
        assert translate.language() == "de"
        assert formats.current_locale() == "de"  # German words, German dates
        assert _("just now") == "gerade eben"
        import os

        assert os.environ["DIGWELL_LANGUAGE"] == "de"  # the processes it starts follow
    finally:
        from app.ui.translation import install_translations

        monkeypatch.setenv("DIGWELL_LANGUAGE", "en_GB")
        install_translations(qapp)  # takes Qt's German catalogue out again
        QLocale.setDefault(QLocale("en_GB"))
        translate.use_language("en_GB")
        formats.use_locale("en_GB")
