import sys

from PySide6.QtCore import Qt


def test_a_strategy_with_no_items_yet_shows_the_next_steps(db, qtbot, open_window, planner):
    from app.store import themes as themes_q
    from app.types import Theme

    with db.transaction() as conn:  # a new user first gets the first-run guide
        themes_q.save_theme(conn, Theme(0, "Platform", ("kubernetes",)))
    window = open_window(planner, demo=False)
    assert window.windowTitle() == "Digwell"
    inbox = window.inbox
    assert inbox.currentWidget() is inbox.empty
    texts = " ".join(w.text() for w in inbox.empty.findChildren(type(window.cadence.headline)))
    assert "Your inbox is empty" in texts and "RSS and Atom feeds" in texts
    assert window.cadence.headline.text() == "0 of 3 posts this week"
    with qtbot.waitSignal(window.demo_requested):
        qtbot.mouseClick(inbox.empty.demo_button, Qt.MouseButton.LeftButton)


def test_open_the_demo_starts_a_separate_demo_process(monkeypatch):
    from PySide6.QtCore import QProcess

    from app.ui import app as ui_app

    started = []
    monkeypatch.setattr(
        QProcess,
        "startDetached",
        lambda program, args: started.append((program, args)) or True,
    )
    ui_app.launch_demo()
    assert started == [(sys.executable, ["-m", "app", "--demo"])]
