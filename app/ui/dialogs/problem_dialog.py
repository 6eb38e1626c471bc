"""Help › Report a problem: where the log file is, and its recent lines to copy into a
report (passwords and tokens masked, as everywhere in the log)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.i18n import _


class ProblemDialog(QDialog):
    """Shows the log's place and tail; copies them for a report."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.log_file import log_file, recent_log_text
        from app.logs import logging_problem

        self.setWindowTitle(_("Report a problem"))
        self.resize(720, 480)
        self.path = log_file()
        # Translators: {path} is the log file; keep the <b>, <code> tags and --debug.
        text = _(
            "{app} {version} writes what it does to <b>{path}</b>. "
            "Passwords and tokens are masked there. To report a problem, copy the recent "
            "lines below into your message; start Digwell with <code>--debug</code> for "
            "more detail."
        )
        where = QLabel(text.format(app=APP_NAME, version=__version__, path=self.path))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel(logging_problem() or "")
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(self.problem.text()))
        self.recent = QPlainTextEdit(recent_log_text() or _("The log is empty so far."))
        self.recent.setReadOnly(True)
        self.recent.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.recent.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.recent.setObjectName("recentLog")
        self.recent.setAccessibleName(_("Recent log lines"))
        copy = QPushButton(_("Copy the recent lines"))
        copy.clicked.connect(self.copy)
        folder = QPushButton(_("Open the log folder"))
        folder.clicked.connect(self.open_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.problem)
        layout.addWidget(self.recent, 1)
        layout.addWidget(buttons)

    def copy(self) -> None:
        header = f"{APP_NAME} {__version__}, log {self.path}\n\n"
        QGuiApplication.clipboard().setText(header + self.recent.toPlainText())

    def open_folder(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
