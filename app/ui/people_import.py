"""File › Import people…: a LinkedIn Connections.csv, the whole LinkedIn export (.zip) or
a vCard file. A dry run in a child process says what would change, the preview dialog
shows it, and Import runs the same command for real; the window never stalls, and
Cancel stops the child at any point (docs/PEOPLE.md, "Import"; the flow's steps are
app/ui/import_flow.py's)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.i18n import N_, formats, ngettext
from app.ui.import_flow import ImportFlow
from app.ui.people_import_runner import PeopleImportRunner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from app.ui.dialogs.import_preview_dialog import ImportPreviewDialog

# Translators: file dialog filters: translate the names, keep the patterns in brackets.
FILE_FILTER = N_(
    "People (Connections.csv *.csv *.zip *.vcf);;LinkedIn connections (*.csv);;"
    "LinkedIn export (*.zip);;vCard (*.vcf);;All files (*)"
)


class PeopleImport(ImportFlow):
    """`digwell people import`, previewed by ImportPreviewDialog, whose e-mail choice
    reads the file again (so the preview says what Import does)."""

    TITLE = N_("Import people")
    FILE_FILTER = FILE_FILTER
    NOTHING_WRITTEN = N_("Nothing was written: your people are as they were.")

    def make_runner(
        self, data_dir: Path, command: tuple[str, list[str]] | None
    ) -> PeopleImportRunner:
        return PeopleImportRunner(data_dir, self, command=command)

    def make_preview(self, file_name: str, result: dict) -> ImportPreviewDialog:
        from app.ui.dialogs.import_preview_dialog import ImportPreviewDialog

        dialog = ImportPreviewDialog(file_name, result, self._parent)
        dialog.keep_toggled.connect(self._read_again)
        return dialog

    def options(self, preview: QDialog) -> dict[str, bool]:
        return {"keep_emails": preview.keep_emails()}  # type: ignore[attr-defined]

    def changed_elsewhere(self) -> None:
        self._planner.people.changed_elsewhere()

    def imported_text(self, result: dict) -> str:
        return imported_text(result)

    def _read_again(self, keep_emails: bool) -> None:
        """A dry run with or without e-mails: the preview then says what Import does
        (filling in the e-mails of people already kept updates them)."""
        assert self._path is not None and self.preview is not None
        self.preview.reading()  # type: ignore[attr-defined]
        self.runner.stop(quiet=True)  # a reading already under way is out of date
        self.runner.start(self._path, dry_run=True, keep_emails=keep_emails)


def imported_text(result: dict) -> str:
    """'Imported 1,204 people (12 updated). 2 rows with errors were left out.'"""
    added, updated = int(result.get("added", 0)), int(result.get("updated", 0))
    errors = int(result.get("errors_total", len(result.get("errors") or [])))
    count = added + updated
    if updated:
        text = ngettext(
            "Imported {count} person ({updated} updated).",
            "Imported {count} people ({updated} updated).",
            count,
        ).format(count=formats.number(count), updated=formats.number(updated))
    else:
        text = ngettext("Imported {count} person.", "Imported {count} people.", count).format(
            count=formats.number(count)
        )
    if errors:
        text += " " + ngettext(
            "{count} row with errors was left out.",
            "{count} rows with errors were left out.",
            errors,
        ).format(count=formats.number(errors))
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
