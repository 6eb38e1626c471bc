"""Your Mastodon server: where "Copy and open" goes, and its character limit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.errors import DigwellError
from app.planner import Planner


class MastodonDialog(QDialog):
    """Server name and limit; saved only when valid, a wrong name is said in place."""

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self.setWindowTitle("Mastodon server")
        self.server = QLineEdit(planner.mastodon_instance())
        self.server.setObjectName("mastodonServer")
        self.server.setPlaceholderText("mastodon.social")
        self.limit = QSpinBox()
        self.limit.setObjectName("mastodonLimit")
        self.limit.setRange(1, 100_000)
        self.limit.setValue(planner.platform_limit("mastodon"))
        self.limit.setToolTip("500 on most servers; some allow more")
        self.problem = QLabel()
        self.problem.setObjectName("mastodonProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Your server", self.server)
        form.addRow("Character limit", self.limit)
        form.addRow(self.problem)
        form.addRow(buttons)

    def save(self) -> None:
        try:
            self._planner.set_mastodon(self.server.text(), self.limit.value())
        except DigwellError as err:
            self.problem.setText(str(err))
            self.problem.show()
            return
        self.accept()
