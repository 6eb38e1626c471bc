"""What an import of people would do, before anything is written: who would be added,
updated and merged with someone already kept, and the rows that could not be read, by
line (docs/PEOPLE.md, "Import"). Its Import button runs the import for real."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, formats, ngettext
from app.ui.look import plain_label, quiet

# The lists show this many rows at most (an export holds up to 30,000): enough to check.
ROWS_SHOWN = 1000
KEEP_EMAILS_NOTE = N_(
    "E-mail addresses are kept only if you tick this; otherwise they are left out. "
    "Your people never leave this computer."
)


def summary_text(result: dict) -> str:
    """'1,192 people to add, 12 to update; 3 duplicates in the file to merge. 4 already
    up to date, 2 rows with errors (left out).'"""
    added, updated = int(result.get("added", 0)), int(result.get("updated", 0))
    merged, skipped = int(result.get("merged", 0)), int(result.get("skipped", 0))
    errors = error_count(result)
    number = formats.number
    if not (added or updated):
        text = (
            _("Nothing to import.")
            if errors
            else _("Nothing to import: everyone in it is already kept.")
        )
    else:
        people = ngettext(
            "{count} person to add, {updated} to update",
            "{count} people to add, {updated} to update",
            added,
        ).format(count=number(added), updated=number(updated))
        if merged:
            # Translators: {people} is e.g. "2 people to add, 1 to update".
            text = ngettext(
                "{people}; {count} duplicate in the file to merge.",
                "{people}; {count} duplicates in the file to merge.",
                merged,
            ).format(people=people, count=number(merged))
        else:
            text = f"{people}."
    rest = []
    if skipped and (added or updated):
        rest.append(_("{count} already up to date").format(count=number(skipped)))
    if errors:
        rest.append(
            ngettext(
                "{count} row with errors (left out)", "{count} rows with errors (left out)", errors
            ).format(count=number(errors))
        )
    return f"{text} {', '.join(rest)}." if rest else text


def error_count(result: dict) -> int:
    """All the rows with errors (the result lists the first 1000)."""
    return int(result.get("errors_total", len(result.get("errors") or [])))


def _who(entry: dict) -> str:
    name, company = str(entry.get("name", "")), str(entry.get("company") or "")
    return f"{name}, {company}" if company else name


def added_rows(result: dict) -> list[str]:
    return [_who(e) for e in _preview(result, "added")]


def updated_rows(result: dict) -> list[str]:
    """'Priya Raman, Platform Weekly: role, linkedin'"""
    return [
        f"{_who(e)}: {', '.join(map(str, e.get('fields') or []))}".removesuffix(": ")
        for e in _preview(result, "updated")
    ]


def merged_rows(result: dict) -> list[str]:
    """'Line 12: P. Raman → Priya Raman' (a duplicate in the file folded into the first)"""
    rows = []
    for e in _preview(result, "merged"):
        name, into = str(e.get("name", "")), str(e.get("into", ""))
        if "line" in e:
            rows.append(
                _("Line {line}: {name} → {into}").format(line=e["line"], name=name, into=into)
            )
        else:
            rows.append(f"{name} → {into}")
    return rows


def error_rows(result: dict) -> list[str]:
    """'Line 14: no name.'"""
    rows = [e for e in result.get("errors") or [] if isinstance(e, dict)]
    return [
        _("Line {line}: {message}").format(line=e.get("line", "?"), message=e.get("message", ""))
        for e in rows
    ]


def _preview(result: dict, key: str) -> list[dict]:
    preview = result.get("preview")
    entries = preview.get(key) if isinstance(preview, dict) else None
    return [e for e in entries or [] if isinstance(e, dict)]


class ImportPreviewDialog(QDialog):
    """Counts, the lists (a tab each, only those with rows), errors by line, the e-mail
    choice. Accepted by Import; `keep_emails()` says what the user chose. Ticking it
    emits `keep_toggled(keep)`: the import flow reads the file again with or without
    e-mails (`reading()`, then `show_result`), so the preview says what Import does."""

    keep_toggled = Signal(bool)

    def __init__(self, file_name: str, result: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import people from {file}").format(file=file_name))
        self.resize(560, 480)
        self.summary = plain_label("importSummary")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.lists: dict[str, QListWidget] = {}
        self.keep = QCheckBox(_("Keep e-mail addresses"))
        self.keep.setObjectName("keepEmails")
        self.keep.toggled.connect(self.keep_toggled)
        note = quiet(QLabel(_(KEEP_EMAILS_NOTE)))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            _("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.keep)
        layout.addWidget(note)
        layout.addWidget(quiet(QLabel(_("Nothing is written until you choose Import."))))
        layout.addWidget(self.buttons)
        self.show_result(result)

    def keep_emails(self) -> bool:
        return self.keep.isChecked()

    def reading(self) -> None:
        """The file is being read again: nothing to import until it is."""
        self.summary.setText(_("Reading the file again…"))
        self.import_button.setEnabled(False)
        self.keep.setEnabled(False)

    def show_result(self, result: dict) -> None:
        """What a dry run found: the counts and a tab for each list with rows."""
        self.summary.setText(summary_text(result))
        shown = self.tabs.currentWidget()  # the list looked at stays in front
        was = next((key for key, widget in self.lists.items() if widget is shown), "")
        self.tabs.clear()
        for widget in self.lists.values():
            widget.deleteLater()
        self.lists = {}
        for key, title, rows, total in (
            ("added", _("Added"), added_rows(result), result.get("added", 0)),
            ("updated", _("Updated"), updated_rows(result), result.get("updated", 0)),
            ("merged", _("Duplicates"), merged_rows(result), result.get("merged", 0)),
            ("errors", _("Errors"), error_rows(result), error_count(result)),
        ):
            total = max(int(total), len(rows))  # the result lists the first 1000 of each
            if rows:
                self.lists[key] = self._list(title, rows, total)
                self.tabs.addTab(self.lists[key], f"{title} ({formats.number(total)})")
        self.tabs.setVisible(bool(self.lists))
        previous: QWidget = self.tabs  # Tab reads the lists before the choice below them
        for widget in self.lists.values():
            QWidget.setTabOrder(previous, widget)
            previous = widget
        QWidget.setTabOrder(previous, self.keep)
        if was in self.lists:
            self.tabs.setCurrentWidget(self.lists[was])
        self.import_button.setEnabled(_changes_anything(result))
        if self.import_button.isEnabled():  # Enter imports (a focused Cancel would take it)
            self.import_button.setDefault(True)
            self.import_button.setFocus()
        self.keep.setEnabled(True)

    @staticmethod
    def _list(title: str, rows: Sequence[str], total: int) -> QListWidget:
        shown = list(rows[:ROWS_SHOWN])
        if total > len(shown):
            more = total - len(shown)
            shown.append(
                ngettext("… and {count} more", "… and {count} more", more).format(
                    count=formats.number(more)
                )
            )
        widget = QListWidget()
        widget.setAccessibleName(title)
        widget.setUniformItemSizes(True)  # 1,000 rows lay out at once
        widget.addItems(shown)
        return widget


def _changes_anything(result: dict) -> bool:
    # Duplicates in the file fold into a contact that is added or updated.
    return any(int(result.get(k, 0)) for k in ("added", "updated"))
