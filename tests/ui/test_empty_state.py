from PySide6.QtCore import Qt


def test_real_data_folder_starts_empty_with_next_steps(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    assert window.windowTitle() == "Digwell"
    inbox = window.inbox
    assert inbox.currentWidget() is inbox.empty
    texts = " ".join(w.text() for w in inbox.empty.findChildren(type(window.cadence.headline)))
    assert "Your inbox is empty" in texts and "RSS and Atom feeds" in texts
    assert window.cadence.headline.text() == "0 of 3 posts this week"
    with qtbot.waitSignal(window.demo_requested):
        qtbot.mouseClick(inbox.empty.demo_button, Qt.MouseButton.LeftButton)
