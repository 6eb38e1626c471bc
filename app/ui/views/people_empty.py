"""What the People page shows before there is anyone on it: what people are for, and the
two ways to start (docs/PEOPLE.md)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import N_, _
from app.ui.look import heading, quiet

WHY = N_(
    "A connection is not a relationship. Keep here the people you credit, thank and help:"
    " Digwell tells you who has gone quiet for too long, keeps a timeline of what you did"
    " for each other and the posts behind it, and notices when one of them writes something"
    " in your inbox.\n\n"
    "Add someone you would like to keep warm, or bring your LinkedIn connections (the"
    " Connections.csv of LinkedIn's data export) or an address book (.vcf). Nothing about"
    " them ever leaves this computer."
)


class EmptyPeople(QWidget):
    """The explanation and the buttons Add person and Import."""

    add_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyPeople")
        title = heading(QLabel(_("Keep the people who matter warm")), 1.8)
        title.setObjectName("emptyTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QLabel(_(WHY))
        body.setObjectName("emptyBody")
        quiet(body)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setFixedWidth(body.fontMetrics().averageCharWidth() * 72)
        body_row = QHBoxLayout()  # a wrapped label gets its height only when not aligned
        body_row.addStretch(1)
        body_row.addWidget(body)
        body_row.addStretch(1)
        self.add_button = QPushButton(_("&Add a person…"))
        self.add_button.setObjectName("emptyAddPerson")
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_requested)
        self.import_button = QPushButton(_("Import &LinkedIn connections…"))
        self.import_button.setObjectName("emptyImportPeople")
        self.import_button.clicked.connect(self.import_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(6)
        layout.addLayout(body_row)
        layout.addSpacing(14)
        layout.addLayout(buttons)
        layout.addStretch(3)
