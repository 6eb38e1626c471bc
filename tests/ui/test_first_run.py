"""The first-run guide: what Digwell does, and a button for each way to begin."""

import pytest
from PySide6.QtCore import Qt

from app.ui.views.first_run import FirstRunGuide


@pytest.fixture
def guide(qtbot):
    widget = FirstRunGuide()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_it_says_what_digwell_does(guide):
    assert guide.body.text().startswith("Digwell ranks what you read against your career strategy")
    assert guide.setup_button.text() == "Set up my strategy"
    assert guide.demo_button.text() == "Try the demo"
    assert guide.body.isVisible() and guide.body.height() > guide.body.fontMetrics().height()


@pytest.mark.parametrize(
    ("button", "signal", "other"),
    [
        ("setup_button", "setup_requested", "demo_requested"),
        ("demo_button", "demo_requested", "setup_requested"),
    ],
)
def test_each_button_asks_for_its_own_way_in(qtbot, guide, button, signal, other):
    others = []
    getattr(guide, other).connect(lambda: others.append(True))
    with qtbot.waitSignal(getattr(guide, signal), timeout=1000):
        qtbot.mouseClick(getattr(guide, button), Qt.MouseButton.LeftButton)
    assert others == []
