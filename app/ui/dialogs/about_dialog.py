"""Help › About: the version, the licence, what the app is for, where its data lives,
and the libraries it is built on with their licences, read from their installed metadata
(docs/ARCHITECTURE.md). About Qt opens Qt's own box."""

from __future__ import annotations

import html
import importlib.metadata as metadata
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.i18n import N_, _

DESCRIPTION = N_(
    "Dig your well before you are thirsty: share good content on your career themes, "
    "week after week."
)
# The licence in pyproject.toml's [project] table; the metadata's when installed.
LICENCE = "MIT"
# pyproject.toml's [project] dependencies, by distribution name: a bundle may carry no
# metadata to list them from, so they are named here and tests/ui/test_about_dialog.py
# holds them equal to pyproject.toml. Versions and licences come from the metadata.
DEPENDENCIES = (
    "PySide6-Essentials",
    "feedparser",
    "jinja2",
    "keyring",
    "httpx",
    "sniffio",
    "platformdirs",
    "twitter-text-parser",
    "regex",
    "icalendar",
    "vobject",
    "ijson",
    "libipld",
    "babel",
)
UNKNOWN = N_("see the library's own notice")
# "License :: OSI Approved :: BSD License" -> "BSD"
_CLASSIFIER = re.compile(r"^License :: (?:OSI Approved :: )?(.+?)(?: License)?$")


@dataclass(frozen=True)
class Credit:
    """One library: its name, installed version ("" when unknown) and licence."""

    name: str
    version: str
    licence: str


def licence_of(meta: metadata.PackageMetadata) -> str:
    """The licence a distribution declares: its SPDX expression, else a short License
    field, else its trove classifiers; UNKNOWN when it declares none."""
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    field = (meta.get("License") or "").strip()
    # Some put the whole licence text in the field: only a one-line name is shown.
    if field and "\n" not in field and len(field) <= 60:
        return field
    classifiers = [
        match.group(1)
        for text in meta.get_all("Classifier") or []
        if (match := _CLASSIFIER.match(text)) and text.startswith("License ::")
    ]
    return " OR ".join(classifiers) if classifiers else UNKNOWN


def credit(name: str) -> Credit:
    """A library's credit from its installed metadata; the name alone when missing."""
    try:
        meta = metadata.metadata(name)
    except metadata.PackageNotFoundError:
        return Credit(name, "", UNKNOWN)
    return Credit(str(meta["Name"] or name), str(meta["Version"] or ""), licence_of(meta))


def credits() -> list[Credit]:
    """Every library of pyproject.toml's dependencies, then Qt itself, which PySide6
    carries (its LGPLv3 is what lets the app link it)."""
    found = [credit(name) for name in DEPENDENCIES]
    return [*found, Credit("Qt", qVersion(), "LGPL-3.0-only")]


def app_licence() -> str:
    """The app's licence: the installed metadata's, else pyproject.toml's."""
    try:
        return licence_of(metadata.metadata("digwell"))
    except metadata.PackageNotFoundError:
        return LICENCE


def about_html(data_dir: Path | None, log_file: Path | None) -> str:
    """The box's text: name, version, licence, description, folders and credits."""
    rows = "".join(
        f"<tr><td>{html.escape(c.name)}</td><td>{html.escape(c.version)}</td>"
        f"<td>{html.escape(_(UNKNOWN) if c.licence == UNKNOWN else c.licence)}</td></tr>"
        for c in credits()
    )
    places = ""
    if data_dir is not None:
        places += _("Data folder: {path}").format(path=html.escape(str(data_dir))) + "<br>"
    if log_file is not None:
        places += _("Log file: {path}").format(path=html.escape(str(log_file)))
    licence = _("Licence: {licence}").format(licence=html.escape(app_licence()))
    help_text = _("Something wrong? Help › Report a problem shows the log's recent lines.")
    built_with = _("Built with")
    columns = (_("Library"), _("Version"), _("Licence"))
    header = "".join(f"<th align='left'>{html.escape(c)}</th>" for c in columns)
    return (
        f"<h2>{APP_NAME} {html.escape(__version__)}</h2>"
        f"<p>{html.escape(_(DESCRIPTION))}</p>"
        f"<p>{licence}</p>"
        f"<p>{places}</p>"
        f"<p>{html.escape(help_text)}</p>"
        f"<h3>{html.escape(built_with)}</h3>"
        "<table cellspacing='0' cellpadding='3'>"
        f"<tr>{header}</tr>{rows}</table>"
    )


class AboutDialog(QDialog):
    """The About box: its text in a read-only browser that takes keyboard focus (so a
    screen reader can read it line by line), Close and About Qt."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        data_dir: Path | None = None,
        log_file: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About {app}").format(app=APP_NAME))
        self.resize(520, 560)
        heading = QLabel(f"<b>{APP_NAME} {html.escape(__version__)}</b>")
        heading.setAccessibleName(
            _("{app} version {version}").format(app=APP_NAME, version=__version__)
        )
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html(data_dir, log_file))
        self.text.setAccessibleName(_("About {app}").format(app=APP_NAME))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.about_qt_button = self.buttons.addButton(
            _("About &Qt"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.about_qt_button.setAccessibleName(_("About Qt"))
        self.about_qt_button.clicked.connect(self.about_qt)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)

    def about_qt(self) -> None:
        """Qt's own About box: its version and licence terms."""
        QMessageBox.aboutQt(self, _("About Qt"))
