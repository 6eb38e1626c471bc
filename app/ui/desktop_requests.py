"""What the menu entry's actions ask of the window (docs/DESKTOP.md): `digwell --refresh`
refreshes the feeds where the window is; `digwell --new-post` raises it on the Drafts
page with its "New post" menu open. A Digwell already open gets them through the
single-instance socket; a new one follows them once settled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from app.ui.sidebar import DRAFTS

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def follow_request(window: MainWindow, request: str) -> None:
    if request == "refresh":
        window.work.refresh_now()
    elif request == "new-post":
        window.bring_to_front()
        window.nav.setCurrentRow(DRAFTS)
        # Once the page shows: the menu runs its own event loop.
        QTimer.singleShot(0, window.drafts.new_button.showMenu)
