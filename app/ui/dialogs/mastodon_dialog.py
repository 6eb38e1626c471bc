"""Your Mastodon server: where "Copy and open" goes, and its character limit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.errors import DigwellError
from app.i18n import _
from app.planner import Planner
from app.ui.dialogs.form_parts import problem_label, save_cancel, show_problem


class MastodonDialog(QDialog):
    """Server name and limit; saved only when valid, a wrong name is said in place."""

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self.setWindowTitle(_("Mastodon server"))
        self.server = QLineEdit(planner.drafting.platforms.mastodon_instance())
        self.server.setObjectName("mastodonServer")
        self.server.setPlaceholderText("mastodon.social")
        self.limit = QSpinBox()
        self.limit.setObjectName("mastodonLimit")
        self.limit.setRange(1, 100_000)
        self.limit.setValue(planner.drafting.platforms.limit("mastodon"))
        self.limit.setToolTip(_("500 on most servers; some allow more"))
        self.problem = problem_label("mastodonProblem")
        buttons = save_cancel(self, self.save)
        form = QFormLayout(self)
        form.addRow(_("Your server"), self.server)
        form.addRow(_("Character limit"), self.limit)
        form.addRow(self.problem)
        form.addRow(buttons)

    def save(self) -> None:
        try:
            self._planner.drafting.platforms.set_mastodon(self.server.text(), self.limit.value())
        except DigwellError as err:
            show_problem(self.problem, err)
            return
        self.accept()
