"""What the inbox shows before there is anything in it: what to do next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import _
from app.ui.look import heading, quiet


class EmptyInbox(QWidget):
    """A friendly explanation and the actions that help now."""

    demo_requested = Signal()
    add_feed_requested = Signal()
    import_requested = Signal()

    def __init__(self, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyInbox")
        picture = QLabel()
        picture.setPixmap(icon.pixmap(96, 96))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(_("Your inbox is empty"))
        title.setObjectName("emptyTitle")
        heading(title, 1.8)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QLabel(
            _(
                "Digwell fills this inbox from RSS and Atom feeds on the themes of your career, "
                "so that sharing something worthwhile each week takes minutes.\n\n"
                "Add a feed by its address (a blog or news site works too), or bring your "
                "subscriptions from another reader as an OPML file. To see how it works first, "
                "open the demo: it keeps its data apart from yours."
            )
        )
        body.setObjectName("emptyBody")
        quiet(body)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setFixedWidth(460)
        # A word-wrapped label gets its height only when the layout does not align it.
        body_row = QHBoxLayout()
        body_row.addStretch(1)
        body_row.addWidget(body)
        body_row.addStretch(1)
        self.add_button = QPushButton(_("Add a feed…"))
        self.add_button.setObjectName("emptyAddFeed")
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_feed_requested)
        self.import_button = QPushButton(_("Import OPML…"))
        self.import_button.setObjectName("emptyImportOpml")
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button = QPushButton(_("Open the demo"))
        self.demo_button.setObjectName("openDemoButton")
        self.demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.add_button, self.import_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(picture)
        layout.addSpacing(8)
        layout.addWidget(title)
        layout.addSpacing(4)
        layout.addLayout(body_row)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(3)
