"""The composer's top row: the template a draft is written from, Re-draft, the templates
menu, and the platform it is for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.compose.platforms import PLATFORMS
from app.errors import DigwellError
from app.i18n import _
from app.planner import Planner
from app.types import Draft

if TYPE_CHECKING:
    from app.compose.templates import TemplateInfo

ROW_SPACING = 10  # as the composer's own layout, which the row used to be part of


class TemplateBar(QWidget):
    """Picks the template and the platform. `redraft_clicked()` asks the composer to write
    the draft again; `platform_changed(key)` when the user picks another platform."""

    redraft_clicked = Signal()
    platform_changed = Signal(str)
    message = Signal(str)
    failed = Signal(object)  # DigwellError

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self.template_box = QComboBox()
        self.template_box.setObjectName("templateBox")
        self.template_box.setToolTip(_("The template this draft was written from"))
        self.template_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.redraft_button = QPushButton(_("Re-draft"))
        self.redraft_button.setObjectName("redraftButton")
        self.redraft_button.setToolTip(
            _(
                "Write the draft again from the chosen template and platform, keeping your "
                "take (Ctrl+Z brings the old text back)"
            )
        )
        self.redraft_button.clicked.connect(lambda _checked=False: self.redraft_clicked.emit())
        self.templates_button = self._templates_button()
        self.platform_box = QComboBox()
        self.platform_box.setObjectName("platformBox")
        self.platform_box.setToolTip(_("Where you will post it: its limit is marked in the text"))
        for p in PLATFORMS.values():
            self.platform_box.addItem(p.name, p.key)
        self.platform_box.currentIndexChanged.connect(
            lambda _index: self.platform_changed.emit(self.platform_key())
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(ROW_SPACING)
        row.addWidget(QLabel(_("Template")))
        row.addWidget(self.template_box)
        row.addWidget(self.redraft_button)
        row.addWidget(self.templates_button)
        row.addSpacing(16)
        # Translators: before the platform a draft is for ("For [LinkedIn]").
        row.addWidget(QLabel(_("For")))
        row.addWidget(self.platform_box)
        row.addStretch(1)

    def _templates_button(self) -> QToolButton:
        button = QToolButton()
        button.setText(_("Templates"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.addAction(_("Duplicate and edit this template…"), self.duplicate_template)
        menu.addAction(_("Open my templates folder"), self.open_templates_folder)
        menu.addAction(_("Reload the list"), self.load_templates)
        button.setMenu(menu)
        return button

    def template(self) -> str:
        """The name of the template chosen."""
        return self.template_box.currentData()

    def platform_key(self) -> str:
        return self.platform_box.currentData()

    def show_draft(self, draft: Draft | None) -> None:
        """Show the draft's platform and template (no draft: LinkedIn), quietly."""
        self.platform_box.blockSignals(True)
        self.platform_box.setCurrentIndex(
            max(0, self.platform_box.findData(draft.platform if draft else "linkedin"))
        )
        self.platform_box.blockSignals(False)
        if draft is not None:
            index = self.template_box.findData(draft.template)
            if index < 0 and draft.template:
                self.load_templates()
                index = self.template_box.findData(draft.template)
            self.template_box.setCurrentIndex(max(0, index))

    def set_editable(self, editable: bool) -> None:
        for widget in (self.platform_box, self.template_box, self.redraft_button):
            widget.setEnabled(editable)

    def load_templates(self) -> None:
        """List the templates again (a user's new or edited ones show up)."""
        current = self.template_box.currentData()
        self.template_box.blockSignals(True)
        self.template_box.clear()
        try:
            templates = self._planner.drafting.templates.templates()
        except DigwellError as err:
            self.failed.emit(err)
            templates = []
        for info in templates:
            title = _("{title} (yours)").format(title=info.title) if info.user else info.title
            self.template_box.addItem(title, info.name)
            self.template_box.setItemData(
                self.template_box.count() - 1,
                _("{description}\nKind: {kind}. {path}").format(
                    description=info.description, kind=info.kind, path=info.path
                ),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.template_box.setCurrentIndex(max(0, self.template_box.findData(current)))
        self.template_box.blockSignals(False)

    def duplicate_template(self) -> None:
        """Copy the chosen template to the user's folder and open it in their editor."""
        name = self.template()
        if not name:
            return
        try:
            info = self._planner.drafting.templates.duplicate(name)
        except DigwellError as err:
            own = self._own_copy(name)  # duplicated before: edit that copy
            if own is None:
                self.failed.emit(err)
                return
            info = own
        self.load_templates()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(info.path)))
        self.message.emit(
            _(
                "Your copy is {path}. Edit and save it, then Re-draft: it replaces the bundled one."
            ).format(path=info.path)
        )

    def _own_copy(self, name: str) -> TemplateInfo | None:
        """The user's own template named `name`, if they have one."""
        try:
            info = self._planner.drafting.templates.info(name)
        except DigwellError:
            return None
        return info if info.user else None

    def open_templates_folder(self) -> None:
        folder = self._planner.drafting.templates.folders[0]
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            message = _("The folder {folder} cannot be made: {error}.")
            self.failed.emit(DigwellError(message.format(folder=folder, error=err.strerror)))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
