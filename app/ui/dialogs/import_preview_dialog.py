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

from app.ui.look import plain_label, quiet

# The lists show this many rows at most (an export holds up to 30,000): enough to check.
ROWS_SHOWN = 1000
KEEP_EMAILS_NOTE = (
    "E-mail addresses are kept only if you tick this; otherwise they are left out. "
    "Your people never leave this computer."
)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'s' * (count != 1)}"


def summary_text(result: dict) -> str:
    """'1,192 people to add, 12 to update; 3 duplicates in the file to merge. 4 already
    up to date, 2 rows with errors (left out).'"""
    added, updated = int(result.get("added", 0)), int(result.get("updated", 0))
    merged, skipped = int(result.get("merged", 0)), int(result.get("skipped", 0))
    errors = error_count(result)
    if not (added or updated):
        text = "Nothing to import" + ("." if errors else ": everyone in it is already kept.")
    else:
        people = "1 person" if added == 1 else f"{added:,} people"
        text = f"{people} to add, {updated:,} to update"
        text += f"; {_plural(merged, 'duplicate')} in the file to merge." if merged else "."
    rest = [f"{skipped:,} already up to date"] if skipped and (added or updated) else []
    rest += [_plural(errors, "row") + " with errors (left out)"] if errors else []
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
    return [
        f"Line {e['line']}: " * ("line" in e) + f"{e.get('name', '')} → {e.get('into', '')}"
        for e in _preview(result, "merged")
    ]


def error_rows(result: dict) -> list[str]:
    """'Line 14: no name.'"""
    rows = [e for e in result.get("errors") or [] if isinstance(e, dict)]
    return [f"Line {e.get('line', '?')}: {e.get('message', '')}" for e in rows]


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
        self.setWindowTitle(f"Import people from {file_name}")
        self.resize(560, 480)
        self.summary = plain_label("importSummary")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.lists: dict[str, QListWidget] = {}
        self.keep = QCheckBox("Keep e-mail addresses")
        self.keep.setObjectName("keepEmails")
        self.keep.toggled.connect(self.keep_toggled)
        note = quiet(QLabel(KEEP_EMAILS_NOTE))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.keep)
        layout.addWidget(note)
        layout.addWidget(quiet(QLabel("Nothing is written until you choose Import.")))
        layout.addWidget(self.buttons)
        self.show_result(result)

    def keep_emails(self) -> bool:
        return self.keep.isChecked()

    def reading(self) -> None:
        """The file is being read again: nothing to import until it is."""
        self.summary.setText("Reading the file again…")
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
            ("added", "Added", added_rows(result), result.get("added", 0)),
            ("updated", "Updated", updated_rows(result), result.get("updated", 0)),
            ("merged", "Duplicates", merged_rows(result), result.get("merged", 0)),
            ("errors", "Errors", error_rows(result), error_count(result)),
        ):
            total = max(int(total), len(rows))  # the result lists the first 1000 of each
            if rows:
                self.lists[key] = self._list(rows, total)
                self.tabs.addTab(self.lists[key], f"{title} ({total:,})")
        self.tabs.setVisible(bool(self.lists))
        if was in self.lists:
            self.tabs.setCurrentWidget(self.lists[was])
        self.import_button.setEnabled(_changes_anything(result))
        if self.import_button.isEnabled():  # Enter imports (a focused Cancel would take it)
            self.import_button.setDefault(True)
            self.import_button.setFocus()
        self.keep.setEnabled(True)

    @staticmethod
    def _list(rows: Sequence[str], total: int) -> QListWidget:
        shown = list(rows[:ROWS_SHOWN])
        if total > len(shown):
            shown.append(f"… and {total - len(shown):,} more")
        widget = QListWidget()
        widget.setUniformItemSizes(True)  # 1,000 rows lay out at once
        widget.addItems(shown)
        return widget


def _changes_anything(result: dict) -> bool:
    # Duplicates in the file fold into a contact that is added or updated.
    return any(int(result.get(k, 0)) for k in ("added", "updated"))
