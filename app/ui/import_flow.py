"""An import from a file the user picks, as the window runs it (File › Import people…,
File › Import history…): a dry run in a child process says what would change, a preview
dialog shows it, and its Import runs the same command for real. The window never stalls,
and Cancel stops the child at any point. Subclasses say which command, which preview
and what to announce (app/ui/people_import.py, app/ui/history_import.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog, QWidget

from app.errors import DigwellError
from app.i18n import N_, _

if TYPE_CHECKING:
    from app.planner import Planner
    from app.ui.import_runner import ImportRunner

# The progress dialog shows only for an import that takes longer than this.
PROGRESS_AFTER_MS = 300


class ImportFlow(QObject):
    """One import at a time, from choosing the file to the status message.

    Signals: `finished(imported)` when the flow ends (True once something was written),
    `message(text)` for the status bar, `failed(error)` for an error dialog."""

    finished = Signal(bool)
    message = Signal(str)
    failed = Signal(object)

    # Marked with N_, translated where shown: subclasses give their own.
    TITLE = N_("Import")  # the file dialog's and the progress dialog's title
    FILE_FILTER = N_("All files (*)")
    NOTHING_WRITTEN = N_("Nothing was written.")  # the hint when a dry run fails

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
        self.runner = self.make_runner(planner.data_dir, command)
        self.runner.planned.connect(self._planned)
        self.runner.progressed.connect(self._progressed)
        self.runner.finished.connect(self._read)
        self.runner.failed.connect(self._failed)
        self.progress: QProgressDialog | None = None
        self.preview: QDialog | None = None

    # What subclasses say ------------------------------------------------------------

    def make_runner(self, data_dir: Path, command: tuple[str, list[str]] | None) -> ImportRunner:
        """The runner of the import command (a child of this flow)."""
        raise NotImplementedError

    def make_preview(self, file_name: str, result: dict) -> QDialog:
        """The preview of a dry run's result; accepted by its Import button."""
        raise NotImplementedError

    def options(self, preview: QDialog) -> dict[str, bool]:
        """The real import's options, as chosen in the preview."""
        return {}

    def changed_elsewhere(self) -> None:
        """The child wrote (or may have): the window's pages must read again."""
        raise NotImplementedError

    def imported_text(self, result: dict) -> str:
        """The status message after the real import."""
        raise NotImplementedError

    # The flow -----------------------------------------------------------------------

    def busy(self) -> bool:
        """Whether an import is under way (running, or its preview open)."""
        return self.runner.is_running() or (self.preview is not None and self.preview.isVisible())

    def start(self, path: Path | None = None) -> bool:
        """Import `path`, or a file the user picks; False if none was picked or one
        is under way."""
        if self.busy():
            self.message.emit(_("An import is already under way."))
            return False
        if path is None:
            chosen, _unused = QFileDialog.getOpenFileName(
                self._parent, _(self.TITLE), str(Path.home()), _(self.FILE_FILTER)
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
            self.message.emit(_("Import cancelled: nothing was written."))
        else:
            # It writes in one transaction at its very end, so nothing, unless it had
            # just committed: the pages read again all the same.
            self.changed_elsewhere()
            self.message.emit(_("Import stopped before it finished: nothing was written."))
        self.finished.emit(False)

    # The child --------------------------------------------------------------------

    def _run(self, *, dry_run: bool, **options: bool) -> bool:
        assert self._path is not None
        name = self._path.name
        if dry_run:
            self._show_progress(_("Reading {file}…").format(file=name))
        else:
            self._show_progress(_("Importing {file}…").format(file=name))
        if not self.runner.start(self._path, dry_run=dry_run, **options):
            self._close_progress()
            return False
        return True

    def _show_progress(self, text: str) -> None:
        self._close_progress()
        progress = QProgressDialog(text, _("Cancel"), 0, 0, self._parent)
        progress.setWindowTitle(_(self.TITLE))
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
            self.preview.show_result(result)  # type: ignore[attr-defined]  # read again
            return
        if self.runner.dry_run:
            self._show_preview(result)
            return
        self.changed_elsewhere()  # the child wrote: every page reads again
        self.message.emit(self.imported_text(result))
        self.finished.emit(True)

    def _failed(self, message: str) -> None:
        dry_run = self.runner.dry_run
        self._close_progress()
        if self.preview is not None:  # reading again (the preview's choice) failed
            self._forget(self.preview)
        if not dry_run:
            self.changed_elsewhere()  # whatever it wrote before failing
        self.failed.emit(DigwellError(message, _(self.NOTHING_WRITTEN) if dry_run else ""))
        self.finished.emit(False)

    # The preview --------------------------------------------------------------------

    def _show_preview(self, result: dict) -> None:
        assert self._path is not None
        dialog = self.make_preview(self._path.name, result)
        dialog.accepted.connect(lambda: self._confirmed(dialog))
        dialog.rejected.connect(lambda: self._declined(dialog))
        self.preview = dialog
        dialog.open()

    def _confirmed(self, dialog: QDialog) -> None:
        options = self.options(dialog)
        self._forget(dialog)
        self._run(dry_run=False, **options)

    def _declined(self, dialog: QDialog) -> None:
        self.runner.stop(quiet=True)  # a dry run reading again: nothing written
        self._forget(dialog)
        self.message.emit(_("Import cancelled: nothing was written."))
        self.finished.emit(False)

    def _forget(self, dialog: QDialog) -> None:
        if self.preview is dialog:
            self.preview = None
        dialog.blockSignals(True)  # closing it here is no answer of the user's
        dialog.close()
        dialog.deleteLater()
