"""A draft autosaved before a crash is there after it: the app is SIGKILLed while typing."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import open_folder

TYPIST = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from app.clock import FixedClock
    from app.planner import Planner
    from app.ui.views.composer import Composer
    from datetime import datetime, timezone

    app = QApplication([])
    clock = FixedClock(datetime(2026, 11, 23, 9, tzinfo=timezone.utc))
    planner = Planner.open(Path(sys.argv[1]), clock=clock)
    draft = planner.drafting.new_draft([], "original-insight", theme_id=None)
    composer = Composer(planner)
    composer.show_draft(draft)
    words = iter(sys.argv[2].split())

    def type_word():
        word = next(words, None)
        if word is None:  # all typed: wait for the autosave, then crash with more unsaved
            QTimer.singleShot(1500, crash)
            return
        composer.editor.insertPlainText(word + " ")
        QTimer.singleShot(20, type_word)

    def crash():
        composer.editor.insertPlainText("NEVER-SAVED")
        print(draft.id, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

    QTimer.singleShot(0, type_word)
    app.exec()
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_text_typed_before_a_kill_is_kept(tmp_path, clock):
    data = tmp_path / "data"
    words = "Small teams ship faster when the paved road is the easy road."
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", TYPIST, str(data), words],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    draft_id = int(proc.stdout.strip())
    planner, db = open_folder(data, clock=clock)
    try:
        assert db.read("PRAGMA integrity_check")[0][0] == "ok"
        text = planner.drafting.draft(draft_id).text
        # Typing replaced the selected placeholder for the take.
        assert f"\n\n{words}" in text and "NEVER-SAVED" not in text
    finally:
        planner.close()
