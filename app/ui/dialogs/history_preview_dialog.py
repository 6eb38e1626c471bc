"""What a platform export holds, before anything is written: its posts by platform, kind
and year, their date range, what was left out and where, and the score and streak this
history would give against today's (docs/HISTORY.md). Its Import button imports it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from app.cadence.post_fields import platform_name
from app.ui.look import heading, plain_label, quiet
from app.ui.views.share_bars import Bar, ShareBars

# The list of problems shows this many rows at most (the command lists 1000).
ROWS_SHOWN = 200
KIND_NAMES = {"share": "Shares", "original": "Original posts", "credit": "Credits", "help": "Help"}
SOURCE_NAMES = {
    "linkedin": "LinkedIn export",
    "x": "X archive",
    "mastodon": "Mastodon archive",
    "bluesky": "Bluesky repository",
}


def _plural(count: int, word: str, words: str = "") -> str:
    return f"{count:,} {word if count == 1 else words or word + 's'}"


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _counts(result: dict, key: str) -> dict[str, int]:
    preview = result.get("preview")
    found = preview.get(key) if isinstance(preview, dict) else None
    return {str(k): _int(v) for k, v in found.items()} if isinstance(found, dict) else {}


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def date_range(result: dict) -> str:
    """'12 Mar 2016 – 2 Jan 2026' ('' when the file holds no dated post)."""
    first, last = _day(result.get("first")), _day(result.get("last"))
    if first is None or last is None:
        return ""
    shown = [f"{d.day} {d:%b %Y}" for d in (first, last)]
    return shown[0] if first == last else f"{shown[0]} – {shown[1]}"


def years(result: dict) -> str:
    """'2016–2026', '2019' or ''."""
    first, last = _day(result.get("first")), _day(result.get("last"))
    if first is None or last is None:
        return ""
    return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"


def file_posts(result: dict) -> int:
    """Every post of the user's the file holds, new or already logged."""
    return _int(result.get("posts_added")) + _int(result.get("posts_skipped"))


def headline(result: dict) -> str:
    """'1,234 posts from your X archive, 12 Mar 2016 – 2 Jan 2026.'"""
    total = file_posts(result)
    source = SOURCE_NAMES.get(str(result.get("platform", "")), "file")
    text = f"{_plural(total, 'post')} in your {source}"
    span = date_range(result)
    return f"{text}, {span}." if span else f"{text}."


def detail(result: dict) -> str:
    """'1,200 to add, 34 already in your log. Also 512 comments and replies, 230 people.'"""
    added, skipped = _int(result.get("posts_added")), _int(result.get("posts_skipped"))
    engagement, people = _int(result.get("engagement_added")), _int(result.get("people_added"))
    if added:
        text = f"{added:,} to add" + (f", {skipped:,} already in your log." if skipped else ".")
    elif skipped:
        text = "Every post in it is already in your log."
    else:
        text = "No posts of yours in it."
    also = [_plural(engagement, "comment or reply", "comments and replies")] * bool(engagement)
    also += [_plural(people, "person", "people") + " to keep in touch with"] * bool(people)
    return f"{text} Also {' and '.join(also)}." if also else text


def effect(result: dict) -> str:
    """'Score 12% → 78%, streak 0 → 9 weeks': today's against this history's."""
    preview = result.get("preview")
    if not isinstance(preview, dict) or "score" not in preview:
        return ""
    now, then = _int(preview.get("score_now")), _int(preview.get("score"))
    streak_now = preview.get("streak_now") if isinstance(preview.get("streak_now"), dict) else {}
    streak = preview.get("streak") if isinstance(preview.get("streak"), dict) else {}
    weeks_now, weeks = _int(streak_now.get("current")), _int(streak.get("current"))
    text = f"Score {now}% → {then}%, streak {weeks_now} → {_plural(weeks, 'week')}"
    longest = _int(streak.get("longest"))
    return f"{text} (longest {_plural(longest, 'week')})" if longest > weeks else text


def problem_rows(result: dict) -> list[str]:
    """'data/tweets.js, tweet 1234: no date.' (where, then what)"""
    rows = [e for e in result.get("errors") or [] if isinstance(e, dict)]
    return [f"{e.get('where', '?')}: {e.get('message', '')}" for e in rows]


def imports_anything(result: dict) -> bool:
    keys = ("posts_added", "engagement_added", "people_added")
    return any(_int(result.get(k)) for k in keys)


def bars(counts: dict[str, int], names: dict[str, str] | None = None) -> list[Bar]:
    """A bar per entry, most first: its share of the posts, and how many."""
    total = sum(counts.values()) or 1
    ranked = sorted(counts.items(), key=lambda entry: -entry[1])
    return [
        Bar((names or {}).get(key, key), "", n / total, None, _plural(n, "post"))
        for key, n in ranked
        if n
    ]


class HistoryPreviewDialog(QDialog):
    """The counts, the new posts' bars by platform, kind and year, problems by where;
    accepted by Import (disabled when the file brings nothing new)."""

    def __init__(self, file_name: str, result: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import history from {file_name}")
        self.headline = heading(plain_label("historyHeadline"), 1.2)
        self.detail = plain_label("historyDetail")
        self.effect = heading(plain_label("historyEffect"), 1.45)
        self.effect_note = quiet(QLabel("What your cadence would be today with this history."))
        self.platforms, self.kinds, self.years = ShareBars(), ShareBars(), ShareBars()
        self.problems = QListWidget()
        self.problems.setObjectName("historyProblems")
        self.problems.setUniformItemSizes(True)
        self.problems.setMaximumHeight(130)
        self.problems_title = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        for widget in (self.headline, self.detail, self.effect, self.effect_note):
            layout.addWidget(widget)
        layout.addLayout(self._columns(), 1)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems)
        layout.addWidget(quiet(QLabel("Nothing is written until you choose Import.")))
        layout.addWidget(self.buttons)
        self.show_result(result)
        self.resize(max(680, self.sizeHint().width()), self.sizeHint().height())

    def _columns(self) -> QHBoxLayout:
        """Platforms and kinds at the left, years at the right, each at its own height."""
        columns = QHBoxLayout()
        columns.setSpacing(24)
        for parts in (
            (("New posts by platform", self.platforms), ("By kind", self.kinds)),
            (("By year", self.years),),
        ):
            column = QVBoxLayout()
            for title, bars_widget in parts:
                column.addWidget(heading(QLabel(title), 1.0))
                column.addWidget(bars_widget)
                column.addSpacing(6)
            column.addStretch(1)
            columns.addLayout(column, 1)
        return columns

    def show_result(self, result: dict) -> None:
        """What a dry run found."""
        self.headline.setText(headline(result))
        self.detail.setText(detail(result))
        self.effect.setText(effect(result))
        self.effect.setVisible(bool(self.effect.text()))
        self.effect_note.setVisible(bool(self.effect.text()))
        names = {k: platform_name(k) for k in _counts(result, "by_platform")}
        self.platforms.set_bars(bars(_counts(result, "by_platform"), names), "No new posts.")
        self.kinds.set_bars(bars(_counts(result, "by_kind"), KIND_NAMES), "No new posts.")
        by_year = _counts(result, "by_year")
        self.years.set_bars(sorted(bars(by_year), key=lambda bar: bar.label), "No new posts.")
        rows = problem_rows(result)
        self.problems.clear()
        self.problems.addItems(rows[:ROWS_SHOWN])
        if len(rows) > ROWS_SHOWN:
            self.problems.addItem(f"… and {len(rows) - ROWS_SHOWN:,} more")
        self.problems_title.setText(f"Left out ({len(rows):,}), by where they are in the file")
        self.problems.setVisible(bool(rows))
        self.problems_title.setVisible(bool(rows))
        self.import_button.setEnabled(imports_anything(result))
        if self.import_button.isEnabled():  # Enter imports (a focused Cancel would take it)
            self.import_button.setDefault(True)
            self.import_button.setFocus()
