"""File › Back up now…, Restore a backup…, and the weekly automatic backup: each runs as a
`digwell backup`/`restore` process, so the window never waits on the whole database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.errors import DigwellError
from app.i18n import _, formats, ngettext
from app.planner import Planner
from app.ui.command_runner import CommandRunner

# The first check for a due weekly backup waits until the window has settled; then hourly.
FIRST_CHECK_MS = 60_000
CHECK_EVERY_MS = 60 * 60 * 1000


class Backups(QObject):
    """Signals: message(str) and failed(str) for the window's status bar."""

    message = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        planner: Planner,
        window: QWidget,
        *,
        command: tuple[str, list[str]] | None = None,
    ) -> None:
        super().__init__(window)
        self._planner = planner
        self._window = window
        self._command = command
        self.runner = CommandRunner(self, command=command)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self.failed)
        self._done = None  # what to do with the running command's answer
        self.restored_folder: Path | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.back_up_if_due)

    @property
    def data_dir(self) -> Path:
        return self._planner.data_dir

    def start_schedule(self, first_ms: int = FIRST_CHECK_MS) -> None:
        """Check for a due weekly backup after `first_ms`, then every hour."""
        self._timer.start(first_ms)

    def stop(self) -> None:
        self._timer.stop()

    # Automatic ---------------------------------------------------------------------

    def auto_enabled(self) -> bool:
        return self._planner.backups.settings().enabled

    def set_auto(self, enabled: bool) -> None:
        self._planner.backups.set_auto(enabled)
        if enabled:
            folder = self.data_dir / "backups"
            self.message.emit(_("A backup every week, in {folder}.").format(folder=folder))
            self.start_schedule(0)
        else:
            self.message.emit(_("Automatic backups are off."))

    def back_up_if_due(self) -> bool:
        """Start this week's backup if one is due; True if one started."""
        self._timer.start(CHECK_EVERY_MS)
        try:
            due = self._planner.backups.next_auto()
        except DigwellError as err:
            self.failed.emit(str(err))
            return False
        if due is None or due > self._planner.clock.now() or self.runner.is_running():
            return False
        self._run(self._auto_done, "backup", "--auto", "--json")
        return True

    def _auto_done(self, result: dict) -> None:
        if result.get("path"):
            self.message.emit(_("This week's backup is in {path}.").format(path=result["path"]))

    # By hand ----------------------------------------------------------------------

    def back_up_now(self, target: Path | None = None) -> bool:
        """Ask where (unless `target` is given) and write a backup there."""
        if target is None:
            today = self._planner.clock.now().astimezone(self._planner.clock.tz())
            suggested = str(Path.home() / f"digwell-backup-{today:%Y-%m-%d}.zip")
            chosen, _unused = QFileDialog.getSaveFileName(
                self._window, _("Back up Digwell"), suggested, _("Digwell backup (*.zip)")
            )
            if not chosen:
                return False
            target = Path(chosen)
        return self._run(self._backed_up, "backup", "--to", str(target), "--json")

    def _backed_up(self, result: dict) -> None:
        counts = result.get("counts", {})
        feeds, drafts, posts = (int(counts.get(key, 0)) for key in ("feeds", "drafts", "posts"))
        self.message.emit(
            _(
                "Backed up to {path}: {feeds}, {drafts}, {posts}. "
                "Passwords of private feeds stay in your keyring."
            ).format(
                path=result.get("path"),
                feeds=ngettext("{count} feed", "{count} feeds", feeds).format(
                    count=formats.number(feeds)
                ),
                drafts=ngettext("{count} draft", "{count} drafts", drafts).format(
                    count=formats.number(drafts)
                ),
                posts=ngettext("{count} post", "{count} posts", posts).format(
                    count=formats.number(posts)
                ),
            )
        )

    def restore(self, archive: Path | None = None, folder: Path | None = None) -> bool:
        """Restore a backup into a new or empty folder (never over the data in use),
        then offer to open it."""
        from app.backup.restore import backup_info, check_restore_target

        if archive is None:
            chosen, _unused = QFileDialog.getOpenFileName(
                self._window, _("Restore a backup"), str(Path.home()), _("Digwell backup (*.zip)")
            )
            if not chosen:
                return False
            archive = Path(chosen)
        try:
            info = backup_info(archive)
        except DigwellError as err:
            self.failed.emit(str(err))
            return False
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self._window,
                _("An empty folder for the backup of {date}").format(
                    date=formats.day_month_year(info.created_at)
                ),
                str(Path.home()),
            )
            if not chosen:
                return False
            folder = Path(chosen)
        try:
            check_restore_target(folder)
        except DigwellError as err:
            self.failed.emit(str(err))
            return False
        self.restored_folder = folder
        return self._run(self._restored, "restore", str(archive), "--json", data_dir=folder)

    def _restored(self, result: dict) -> None:
        folder = self.restored_folder
        sign_in = result.get("feeds_to_sign_in") or []
        text = _("The backup is restored into {folder}.").format(folder=folder)
        if sign_in:
            text += " " + ngettext(
                "Sign in again to {count} private feed there.",
                "Sign in again to {count} private feeds there.",
                len(sign_in),
            ).format(count=len(sign_in))
        self.message.emit(text)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Backup restored"),
            text + "\n\n" + _("Open it in a new window now?"),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            self._window,
        )
        box.accepted.connect(self.open_restored)
        box.open()
        self.restored_box = box

    def open_restored(self) -> None:
        from PySide6.QtCore import QProcess

        from app.ui.launch import digwell_command

        if self.restored_folder is not None:
            program, args = self._command or digwell_command()
            QProcess.startDetached(program, [*args, "--data-dir", str(self.restored_folder)])

    # -----------------------------------------------------------------------------

    def _run(self, done, *args: str, data_dir: Path | None = None) -> bool:
        if self.runner.is_running():
            self.message.emit(_("A backup or restore is already under way."))
            return False
        self._done = done
        return self.runner.start(*args, "--data-dir", str(data_dir or self.data_dir))

    def _finished(self, result: dict) -> None:
        done, self._done = self._done, None
        if done is not None:
            done(result)
