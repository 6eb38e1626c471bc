"""What a new user sees first: what Digwell does, and the two ways to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import _
from app.ui.look import heading, quiet


class FirstRunGuide(QWidget):
    """A short welcome; the window decides what the buttons open."""

    demo_requested = Signal()
    setup_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunGuide")
        title = QLabel(_("Welcome to Digwell"))
        title.setObjectName("firstRunTitle")
        heading(title, 1.8)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel(
            _(
                "Digwell ranks what you read against your career strategy: a goal, the people "
                "you want to reach, and a few themes you want to be known for. Each week it "
                "helps you share something worthwhile on them, crediting the people whose work "
                "you pass on, so your network is there long before you need it.\n\n"
                "Start by setting out your strategy (it takes a few minutes and you can change "
                "it at any time), or look around the demo first: it keeps its data apart from "
                "yours."
            )
        )
        self.body.setObjectName("firstRunBody")
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setFixedWidth(480)
        quiet(self.body)
        # A word-wrapped label gets its height only when the layout does not align it.
        body_row = QHBoxLayout()
        body_row.addStretch(1)
        body_row.addWidget(self.body)
        body_row.addStretch(1)

        self.setup_button = QPushButton(_("Set up my strategy"))
        self.setup_button.setObjectName("setupStrategyButton")
        self.setup_button.setDefault(True)
        self.setup_button.clicked.connect(self.setup_requested)
        self.demo_button = QPushButton(_("Try the demo"))
        self.demo_button.setObjectName("tryDemoButton")
        self.demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.setup_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addLayout(body_row)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(3)
