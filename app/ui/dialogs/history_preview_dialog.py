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
from app.i18n import N_, _, formats, ngettext
from app.ui.look import heading, plain_label, quiet
from app.ui.views.share_bars import Bar, ShareBars

# The list of problems shows this many rows at most (the command lists 1000).
ROWS_SHOWN = 200
KIND_NAMES = {
    "share": N_("Shares"),
    "original": N_("Original posts"),
    "credit": N_("Credits"),
    # Translators: the kind of post that helped someone.
    "help": N_("Help"),
}
# The kinds of file, as "1,234 posts in your {source}" names them.
SOURCE_NAMES = {
    "linkedin": N_("LinkedIn export"),
    "x": N_("X archive"),
    "mastodon": N_("Mastodon archive"),
    "bluesky": N_("Bluesky repository"),
}


def _posts(count: int) -> str:
    """'1,234 posts'."""
    return ngettext("{count} post", "{count} posts", count).format(count=formats.number(count))


def _weeks(count: int) -> str:
    return ngettext("{count} week", "{count} weeks", count).format(count=formats.number(count))


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
    shown = [formats.day_month_year(d) for d in (first, last)]
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
    source = SOURCE_NAMES.get(str(result.get("platform", "")))
    count = formats.number(total)
    if source is None:
        text = ngettext("{count} post in your file", "{count} posts in your file", total).format(
            count=count
        )
    else:
        # Translators: {source} is e.g. "X archive", "LinkedIn export".
        text = ngettext(
            "{count} post in your {source}", "{count} posts in your {source}", total
        ).format(count=count, source=_(source))
    span = date_range(result)
    return f"{text}, {span}." if span else f"{text}."


def detail(result: dict) -> str:
    """'1,200 to add, 34 already in your log. Also 512 comments and replies, 230 people.'"""
    added, skipped = _int(result.get("posts_added")), _int(result.get("posts_skipped"))
    engagement, people = _int(result.get("engagement_added")), _int(result.get("people_added"))
    if added and skipped:
        text = _("{added} to add, {skipped} already in your log.").format(
            added=formats.number(added), skipped=formats.number(skipped)
        )
    elif added:
        text = _("{added} to add.").format(added=formats.number(added))
    elif skipped:
        text = _("Every post in it is already in your log.")
    else:
        text = _("No posts of yours in it.")
    comments = ngettext(
        "{count} comment or reply", "{count} comments and replies", engagement
    ).format(count=formats.number(engagement))
    persons = ngettext(
        "{count} person to keep in touch with", "{count} people to keep in touch with", people
    ).format(count=formats.number(people))
    if engagement and people:
        also = _("Also {comments} and {people}.").format(comments=comments, people=persons)
    elif engagement or people:
        # Translators: {things} is e.g. "512 comments and replies".
        also = _("Also {things}.").format(things=comments if engagement else persons)
    else:
        return text
    return f"{text} {also}"


def effect(result: dict) -> str:
    """'Score 12% → 78%, streak 0 → 9 weeks': today's against this history's."""
    preview = result.get("preview")
    if not isinstance(preview, dict) or "score" not in preview:
        return ""
    now, then = _int(preview.get("score_now")), _int(preview.get("score"))
    streak_now = preview.get("streak_now") if isinstance(preview.get("streak_now"), dict) else {}
    streak = preview.get("streak") if isinstance(preview.get("streak"), dict) else {}
    weeks_now, weeks = _int(streak_now.get("current")), _int(streak.get("current"))
    # Translators: the presence score and the streak today → with the history imported,
    # e.g. "Score 12% → 78%, streak 0 → 9 weeks".
    text = _("Score {now} → {then}, streak {weeks_now} → {weeks}").format(
        now=formats.percent(now),
        then=formats.percent(then),
        weeks_now=formats.number(weeks_now),
        weeks=_weeks(weeks),
    )
    longest = _int(streak.get("longest"))
    if longest <= weeks:
        return text
    # Translators: {effect} is the score and streak line; {weeks} e.g. "14 weeks".
    return _("{effect} (longest {weeks})").format(effect=text, weeks=_weeks(longest))


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
        Bar((names or {}).get(key, key), "", n / total, None, _posts(n)) for key, n in ranked if n
    ]


class HistoryPreviewDialog(QDialog):
    """The counts, the new posts' bars by platform, kind and year, problems by where;
    accepted by Import (disabled when the file brings nothing new)."""

    def __init__(self, file_name: str, result: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import history from {file}").format(file=file_name))
        self.headline = heading(plain_label("historyHeadline"), 1.2)
        self.detail = plain_label("historyDetail")
        self.effect = heading(plain_label("historyEffect"), 1.45)
        self.effect_note = quiet(QLabel(_("What your cadence would be today with this history.")))
        self.platforms, self.kinds, self.years = ShareBars(), ShareBars(), ShareBars()
        self.problems = QListWidget()
        self.problems.setObjectName("historyProblems")
        self.problems.setAccessibleName(_("Entries left out"))
        self.problems.setUniformItemSizes(True)
        self.problems.setMaximumHeight(130)
        self.problems_title = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            _("Import"), QDialogButtonBox.ButtonRole.AcceptRole
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
        layout.addWidget(quiet(QLabel(_("Nothing is written until you choose Import."))))
        layout.addWidget(self.buttons)
        self.show_result(result)
        self.resize(max(680, self.sizeHint().width()), self.sizeHint().height())

    def _columns(self) -> QHBoxLayout:
        """Platforms and kinds at the left, years at the right, each at its own height."""
        columns = QHBoxLayout()
        columns.setSpacing(24)
        for parts in (
            ((_("New posts by platform"), self.platforms), (_("By kind"), self.kinds)),
            ((_("By year"), self.years),),
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
        kinds = {k: _(name) for k, name in KIND_NAMES.items()}
        none = _("No new posts.")
        self.platforms.set_bars(bars(_counts(result, "by_platform"), names), none)
        self.kinds.set_bars(bars(_counts(result, "by_kind"), kinds), none)
        by_year = _counts(result, "by_year")
        self.years.set_bars(sorted(bars(by_year), key=lambda bar: bar.label), none)
        rows = problem_rows(result)
        self.problems.clear()
        self.problems.addItems(rows[:ROWS_SHOWN])
        if len(rows) > ROWS_SHOWN:
            more = len(rows) - ROWS_SHOWN
            self.problems.addItem(
                ngettext("… and {count} more", "… and {count} more", more).format(
                    count=formats.number(more)
                )
            )
        self.problems_title.setText(
            _("Left out ({count}), by where they are in the file").format(
                count=formats.number(len(rows))
            )
        )
        self.problems.setVisible(bool(rows))
        self.problems_title.setVisible(bool(rows))
        self.import_button.setEnabled(imports_anything(result))
        if self.import_button.isEnabled():  # Enter imports (a focused Cancel would take it)
            self.import_button.setDefault(True)
            self.import_button.setFocus()
