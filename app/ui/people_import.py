"""File › Import people…: a LinkedIn Connections.csv, the whole LinkedIn export (.zip) or
a vCard file. A dry run in a child process says what would change, the preview dialog
shows it, and Import runs the same command for real; the window never stalls, and
Cancel stops the child at any point (docs/PEOPLE.md, "Import")."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from app.errors import DigwellError
from app.ui.people_import_runner import PeopleImportRunner

if TYPE_CHECKING:
    from app.planner import Planner
    from app.ui.dialogs.import_preview_dialog import ImportPreviewDialog

FILE_FILTER = (
    "People (Connections.csv *.csv *.zip *.vcf);;LinkedIn connections (*.csv);;"
    "LinkedIn export (*.zip);;vCard (*.vcf);;All files (*)"
)
# The progress dialog shows only for an import that takes longer than this.
PROGRESS_AFTER_MS = 300


class PeopleImport(QObject):
    """One import at a time, from choosing the file to the status message.

    Signals: `finished(imported)` when the flow ends (True once people were written),
    `message(text)` for the status bar, `failed(error)` for an error dialog."""

    finished = Signal(bool)
    message = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        planner: Planner,
        parent: QWidget,
        *,
        command: tuple[str, list[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._planner = planner
        self._parent = parent
        self._path: Path | None = None
        self.runner = PeopleImportRunner(planner.data_dir, self, command=command)
        self.runner.planned.connect(self._planned)
        self.runner.progressed.connect(self._progressed)
        self.runner.finished.connect(self._read)
        self.runner.failed.connect(self._failed)
        self.progress: QProgressDialog | None = None
        self.preview: ImportPreviewDialog | None = None

    def busy(self) -> bool:
        """Whether an import is under way (running, or its preview open)."""
        return self.runner.is_running() or (self.preview is not None and self.preview.isVisible())

    def start(self, path: Path | None = None) -> bool:
        """Import `path`, or a file the user picks; False if none was picked or one
        is under way."""
        if self.busy():
            self.message.emit("An import is already under way.")
            return False
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self._parent, "Import people", str(Path.home()), FILE_FILTER
            )
            if not chosen:
                self.finished.emit(False)
                return False
            path = Path(chosen)
        self._path = Path(path)
        return self._run(dry_run=True)

    def cancel(self) -> None:
        """Stop the child (a dry run has written nothing) or close the preview."""
        was_running, dry_run = self.runner.is_running(), self.runner.dry_run
        self.runner.stop(quiet=True)
        self._close_progress()
        if self.preview is not None:
            self.preview.reject()  # which ends the flow
            return
        if not was_running:
            return
        if dry_run:
            self.message.emit("Import cancelled: nothing was written.")
        else:
            # It writes in one transaction at its very end, so nothing, unless it had
            # just committed: the pages read again all the same.
            self._planner.people.changed_elsewhere()
            self.message.emit("Import stopped before it finished: nothing was written.")
        self.finished.emit(False)

    # The child --------------------------------------------------------------------

    def _run(self, *, dry_run: bool, keep_emails: bool = False) -> bool:
        assert self._path is not None
        verb = "Reading" if dry_run else "Importing"
        self._show_progress(f"{verb} {self._path.name}…")
        if not self.runner.start(self._path, dry_run=dry_run, keep_emails=keep_emails):
            self._close_progress()
            return False
        return True

    def _show_progress(self, text: str) -> None:
        self._close_progress()
        progress = QProgressDialog(text, "Cancel", 0, 0, self._parent)
        progress.setWindowTitle("Import people")
        progress.setMinimumDuration(PROGRESS_AFTER_MS)
        progress.setValue(0)  # starts the wait before it shows (else Qt's default 4 s)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.canceled.connect(self.cancel)
        self.progress = progress

    def _close_progress(self) -> None:
        progress, self.progress = self.progress, None
        if progress is not None:
            progress.canceled.disconnect(self.cancel)
            progress.close()
            progress.deleteLater()

    def _planned(self, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 0))

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 0))
            self.progress.setValue(min(done, total))

    def _read(self, result: dict) -> None:
        self._close_progress()
        if self.runner.dry_run and self.preview is not None:
            self.preview.show_result(result)  # read again for the e-mail choice
            return
        if self.runner.dry_run:
            self._show_preview(result)
            return
        self._planner.people.changed_elsewhere()  # the child wrote: every page reads again
        self.message.emit(imported_text(result))
        self.finished.emit(True)

    def _failed(self, message: str) -> None:
        dry_run = self.runner.dry_run
        self._close_progress()
        if self.preview is not None:  # reading again for the e-mail choice failed
            self._forget(self.preview)
        if not dry_run:
            self._planner.people.changed_elsewhere()  # whatever it wrote before failing
        hint = "Nothing was written: your people are as they were." if dry_run else ""
        self.failed.emit(DigwellError(message, hint))
        self.finished.emit(False)

    # The preview --------------------------------------------------------------------

    def _show_preview(self, result: dict) -> None:
        from app.ui.dialogs.import_preview_dialog import ImportPreviewDialog

        assert self._path is not None
        dialog = ImportPreviewDialog(self._path.name, result, self._parent)
        dialog.accepted.connect(lambda: self._confirmed(dialog))
        dialog.rejected.connect(lambda: self._declined(dialog))
        dialog.keep_toggled.connect(self._read_again)
        self.preview = dialog
        dialog.open()

    def _confirmed(self, dialog: ImportPreviewDialog) -> None:
        self._forget(dialog)
        self._run(dry_run=False, keep_emails=dialog.keep_emails())

    def _read_again(self, keep_emails: bool) -> None:
        """A dry run with or without e-mails: the preview then says what Import does
        (filling in the e-mails of people already kept updates them)."""
        assert self._path is not None and self.preview is not None
        self.preview.reading()
        self.runner.stop(quiet=True)  # a reading already under way is out of date
        self.runner.start(self._path, dry_run=True, keep_emails=keep_emails)

    def _declined(self, dialog: ImportPreviewDialog) -> None:
        self.runner.stop(quiet=True)  # a dry run reading again: nothing written
        self._forget(dialog)
        self.message.emit("Import cancelled: nothing was written.")
        self.finished.emit(False)

    def _forget(self, dialog: ImportPreviewDialog) -> None:
        if self.preview is dialog:
            self.preview = None
        dialog.blockSignals(True)  # closing it here is no answer of the user's
        dialog.close()
        dialog.deleteLater()


def imported_text(result: dict) -> str:
    """'Imported 1,204 people (12 updated). 2 rows with errors were left out.'"""
    added, updated = int(result.get("added", 0)), int(result.get("updated", 0))
    errors = int(result.get("errors_total", len(result.get("errors") or [])))
    count = added + updated
    text = f"Imported {count:,} {'person' if count == 1 else 'people'}"
    text += f" ({updated:,} updated)." if updated else "."
    if errors:
        rows = "1 row with errors was" if errors == 1 else f"{errors:,} rows with errors were"
        text += f" {rows} left out."
    return text


def import_people(window: Any, path: Path | None = None) -> PeopleImport:
    """File › Import people…: the window's one import flow (made on first use), wired
    to its status bar and error dialogs, started."""
    flow = window.findChild(PeopleImport)
    if flow is None:
        # The window's stand-in for `digwell` in child processes (tests), if any.
        flow = PeopleImport(window.planner, window, command=getattr(window, "_command", None))
        flow.message.connect(window.messages.info)
        flow.failed.connect(window.messages.error)
    flow.start(path)
    return flow
