"""The flow layout wraps its widgets onto more lines instead of widening its pane."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from app.ui.views.flow_layout import FlowLayout


def test_buttons_wrap_when_narrow_and_sit_on_one_line_when_wide(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host)
    buttons = [QPushButton(f"A rather long button {n}") for n in range(4)]
    for button in buttons:
        flow.addWidget(button)
    widest = max(b.sizeHint().width() for b in buttons)
    assert flow.minimumSize().width() == widest  # never wider than its widest button
    host.resize(flow.sizeHint().width() + 10, 100)
    host.show()
    qtbot.waitExposed(host)
    assert len({b.y() for b in buttons}) == 1
    one_line = flow.heightForWidth(flow.sizeHint().width())
    assert flow.heightForWidth(widest) > 3 * one_line  # one a line
    host.resize(widest, 300)
    qtbot.waitUntil(lambda: len({b.y() for b in buttons}) == 4)
    assert all(b.x() == buttons[0].x() for b in buttons)
