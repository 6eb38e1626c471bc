"""The small questions the feeds page asks: a feed's themes, its sign-in, a file to read
or write, and the report of an OPML import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.types import Feed

if TYPE_CHECKING:
    from app.feeds.service import OpmlReport
    from app.ui.dialogs.add_feed_dialog import SignInBox

FORGET = 2  # the sign-in dialog's result for "Forget sign-in"


def ask_themes(parent: QWidget, theme_names: list[str], feed: Feed) -> list[str] | None:
    """The themes the user puts the feed under (new names too); None if they cancel."""
    from app.ui.views.theme_picker import ThemePicker

    dialog = QDialog(parent)
    dialog.setWindowTitle(_("Themes of this feed"))
    picker = ThemePicker(theme_names, feed.themes)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(_("Themes of {feed}:").format(feed=feed.title or feed.url)))
    layout.addWidget(picker)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return picker.chosen()


def ask_sign_in(
    parent: QWidget, keyring_status: Callable[[], tuple[bool, str]], feed: Feed
) -> tuple[int, SignInBox]:
    """Ask how Digwell signs in to the feed: the dialog's result (Accepted to save the
    box's value, FORGET to forget the sign-in, else cancelled) and the box."""
    from app.ui.dialogs.add_feed_dialog import SignInBox

    dialog = QDialog(parent)
    dialog.setWindowTitle(_("Sign-in for this feed"))
    box = SignInBox(keyring_status)
    box.setChecked(True)
    if feed.auth_kind:
        index = next(
            (i for i in range(box.kind.count()) if box.kind.itemData(i) == feed.auth_kind), 0
        )
        box.kind.setCurrentIndex(index)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    if feed.auth_kind:
        forget = buttons.addButton(_("Forget sign-in"), QDialogButtonBox.ButtonRole.DestructiveRole)
        forget.clicked.connect(lambda: dialog.done(FORGET))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(
        QLabel(_("How Digwell signs in to {feed}:").format(feed=feed.title or feed.url))
    )
    layout.addWidget(box)
    layout.addWidget(buttons)
    return dialog.exec(), box


def choose_file(
    parent: QWidget, caption: str, start: Path, filters: str, *, save: bool = False
) -> Path | None:
    """A file the user picks to open (or to save to); None if they cancel."""
    ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
    chosen, _filter = ask(parent, caption, str(start), filters)
    return Path(chosen) if chosen else None


def import_report(parent: QWidget, path: Path, report: OpmlReport) -> QMessageBox:
    """Open (not exec) a box saying what an OPML import added and skipped, and why."""
    added, skipped = len(report.added), len(report.skipped)
    sentences = [
        ngettext(
            "Added {count} feed from {file}.", "Added {count} feeds from {file}.", added
        ).format(count=added, file=path.name)
    ]
    created = len(report.themes_created)
    if created:
        sentences.append(
            ngettext("Created {count} new theme.", "Created {count} new themes.", created).format(
                count=created
            )
        )
    if skipped:
        # Translators: how many of the file's feeds were not added (the details say why).
        sentences.append(
            ngettext("Skipped {count}.", "Skipped {count}.", skipped).format(count=skipped)
        )
    text = " ".join(sentences)
    box = QMessageBox(QMessageBox.Icon.Information, _("OPML import"), text, parent=parent)
    if skipped:
        box.setDetailedText("\n".join(f"{what}: {why}" for what, why in report.skipped))
    if report.themes_created:
        box.setInformativeText(
            _("New themes: {themes}").format(themes=", ".join(report.themes_created))
        )
    box.setObjectName("opmlReport")
    box.open()
    return box
