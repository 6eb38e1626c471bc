"""The one-time offer to start Digwell at login, made once the user first sets a posting
schedule: the reminders that schedule asks for only come while Digwell runs
(docs/DESKTOP.md, "Start at login"). A window-modal question that never blocks the event
loop; asked once, whatever the answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.errors import DigwellError
from app.i18n import N_, _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from app.cadence.service import CadenceService
    from app.ui.messages import Messenger

OFFER_TEXT = N_("Start Digwell when you log in, in the tray?")
OFFER_DETAIL = N_(
    "Your reminders to post come only while Digwell runs. Started at login it waits in "
    "the tray, without a window, until you open it. You can change this in "
    "Cadence › Posting schedule."
)


def offer_start_at_login(
    book: CadenceService, window: QWidget, messages: Messenger
) -> QMessageBox | None:
    """Ask once, over `window`, whether to start at login; None when there is nothing
    to ask (asked before, already on, or no tray on this desktop)."""
    from app.ui.tray import Tray

    if book.start_at_login_offered() or book.start_at_login() or not Tray.available():
        return None
    from PySide6.QtWidgets import QMessageBox

    book.mark_start_at_login_offered()  # once: not again if the box is just closed
    box = QMessageBox(QMessageBox.Icon.Question, "Digwell", _(OFFER_TEXT), parent=window)
    box.setInformativeText(_(OFFER_DETAIL))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    yes = box.button(QMessageBox.StandardButton.Yes)
    yes.setText(_("Start at login"))
    box.button(QMessageBox.StandardButton.No).setText(_("Not now"))
    box.buttonClicked.connect(lambda button: _turn_on(book, messages) if button is yes else None)
    box.open()
    return box


def _turn_on(book: CadenceService, messages: Messenger) -> None:
    try:
        book.set_start_at_login(True)
    except DigwellError as err:
        messages.error(err)
        return
    messages.info(_("Digwell will start in the tray when you log in."))
