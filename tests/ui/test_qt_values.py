"""The start-up path's plain ints equal the `Qt` enums they stand for, and the first
paint never makes PySide6 build the `Qt` namespace (see app.ui.qt_values)."""

import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt

from app.ui import qt_values
from app.ui.app import EXIT_ON_PAINT_ENV


def test_each_value_matches_qt():
    assert Qt.ItemDataRole.DisplayRole.value == qt_values.DISPLAY_ROLE
    assert Qt.ItemDataRole.ToolTipRole.value == qt_values.TOOLTIP_ROLE
    assert Qt.Key.Key_Space.value == qt_values.KEY_SPACE
    assert Qt.FocusPolicy.StrongFocus.value == qt_values.STRONG_FOCUS
    assert Qt.ItemDataRole.AccessibleTextRole.value == qt_values.ACCESSIBLE_TEXT_ROLE
    assert Qt.ItemDataRole.AccessibleDescriptionRole.value == qt_values.ACCESSIBLE_DESCRIPTION_ROLE
    assert Qt.ItemDataRole.UserRole.value == qt_values.USER_ROLE
    assert Qt.TextFormat.PlainText.value == qt_values.PLAIN_TEXT
    assert Qt.Key.Key_Return.value == qt_values.KEY_RETURN
    assert Qt.Key.Key_Enter.value == qt_values.KEY_ENTER
    assert Qt.Key.Key_Delete.value == qt_values.KEY_DELETE
    assert Qt.KeyboardModifier.NoModifier.value == qt_values.NO_MODIFIER
    assert Qt.ScrollBarPolicy.ScrollBarAlwaysOff.value == qt_values.SCROLLBAR_ALWAYS_OFF


def test_labels_set_through_the_property_are_plain_text(open_window, demo_planner):
    window = open_window(demo_planner)
    assert window.inbox.preview.title.textFormat() == Qt.TextFormat.PlainText
    assert window.inbox.preview.meta.textFormat() == Qt.TextFormat.PlainText


def test_first_paint_on_demo_data_leaves_the_qt_namespace_unbuilt(tmp_path):
    script = textwrap.dedent(
        """
        import sys
        from app.ui import first_paint
        from app.ui.app import run_gui

        leave = first_paint.FirstPaint._painted

        def painted(self):  # the benchmark's exit at the first paint, told what was built
            from PySide6 import QtCore

            print("Qt built:", "Qt" in vars(QtCore), flush=True)
            leave(self)

        first_paint.FirstPaint._painted = painted
        sys.exit(run_gui(sys.argv[1], demo=True))
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DIGWELL_HOME=str(tmp_path))
    env[EXIT_ON_PAINT_ENV] = "1"
    data = tmp_path / "demo"
    for attempt in ("seeds the demo", "an ordinary start"):
        out = subprocess.run(
            [sys.executable, "-c", script, str(data)],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert out.returncode == 0, out.stderr
        if attempt == "an ordinary start":
            assert "Qt built: False" in out.stdout, out.stdout
