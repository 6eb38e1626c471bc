"""Help › About: version, licence, description, the libraries' credits read from their
installed metadata, and About Qt (docs/ARCHITECTURE.md)."""

from __future__ import annotations

import re
from email.message import Message
from pathlib import Path

from PySide6.QtCore import QTimer, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, __version__
from app.ui.app import make_application
from app.ui.dialogs.about_dialog import (
    DEPENDENCIES,
    UNKNOWN,
    AboutDialog,
    about_html,
    app_licence,
    credit,
    credits,
    licence_of,
)

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject() -> str:
    return PYPROJECT.read_text(encoding="utf-8")


def _licence() -> str:
    # tomllib is 3.11+ (the app runs on 3.10): the one line needed, read as text.
    return re.search(r'^license = "([^"]+)"', _pyproject(), re.MULTILINE).group(1)


def _dependencies() -> set[str]:
    block = re.search(r"^dependencies = \[(.*?)^\]", _pyproject(), re.MULTILINE | re.DOTALL)
    quoted = re.findall(r'^\s*"([A-Za-z0-9_.\-]+)', block.group(1), re.MULTILINE)
    return {_normal(name) for name in quoted}


def test_the_credits_name_every_dependency_of_pyproject():
    assert "feedparser" in _dependencies() and "libipld" in _dependencies()
    assert {_normal(name) for name in DEPENDENCIES} == _dependencies()


def test_each_library_has_its_installed_version_and_licence():
    found = {_normal(c.name): c for c in credits()}
    assert found["pyside6-essentials"].licence.startswith("LGPL-3.0")
    assert found["qt"].version == qVersion() and found["qt"].licence == "LGPL-3.0-only"
    assert "BSD" in found["feedparser"].licence
    assert "BSD" in found["httpx"].licence
    assert "BSD" in found["jinja2"].licence
    assert found["keyring"].licence == "MIT"
    assert found["platformdirs"].licence == "MIT"
    assert "Apache" in found["vobject"].licence
    assert "BSD" in found["ijson"].licence
    assert found["libipld"].licence == "MIT"
    for name in DEPENDENCIES:  # every one installed here, so none unknown
        assert found[_normal(name)].version
        assert found[_normal(name)].licence != UNKNOWN


def test_the_licence_falls_back_from_expression_to_field_to_classifiers():
    meta = Message()
    meta["License-Expression"] = "BSD-3-Clause"
    meta["License"] = "whatever"
    assert licence_of(meta) == "BSD-3-Clause"
    meta = Message()
    meta["License"] = "Permission is hereby granted...\nthe whole text"
    meta["Classifier"] = "License :: OSI Approved :: BSD License"
    meta["Classifier"] = "Programming Language :: Python"
    assert licence_of(meta) == "BSD"
    assert licence_of(Message()) == UNKNOWN


def test_a_missing_library_is_named_without_a_version():
    missing = credit("no-such-library-for-digwell")
    assert (missing.name, missing.version, missing.licence) == (
        "no-such-library-for-digwell",
        "",
        UNKNOWN,
    )


def test_the_text_has_version_licence_description_and_folders(tmp_path):
    text = about_html(tmp_path / "data", tmp_path / "log" / "digwell.log")
    assert f"{APP_NAME} {__version__}" in text
    assert f"Licence: {_licence()}" in text
    assert app_licence() == _licence() == "MIT"
    assert "Dig your well before you are thirsty" in text
    assert str(tmp_path / "data") in text and "digwell.log" in text
    assert "feedparser" in text and "LGPL-3.0-only" in text


def test_the_dialog_shows_credits_and_about_qt(qtbot, tmp_path):
    make_application()
    dialog = AboutDialog(data_dir=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = dialog.text.toPlainText()
    assert __version__ in shown and "libipld" in shown and "Licence: MIT" in shown
    seen: list[str] = []

    def close_about_qt() -> None:
        box = QApplication.activeModalWidget()
        seen.append(box.windowTitle() if isinstance(box, QMessageBox) else "")
        if box is not None:
            box.close()

    QTimer.singleShot(50, close_about_qt)
    dialog.about_qt_button.click()
    assert seen == ["About Qt"]


def test_help_about_opens_the_dialog(qtbot, open_window, demo_planner):
    make_application()
    window = open_window(demo_planner, demo=True)
    window.menu_actions["about"].trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert str(demo_planner.data_dir) in dialog.text.toPlainText()
    dialog.reject()
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is None)
