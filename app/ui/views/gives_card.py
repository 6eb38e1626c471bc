"""The Cadence page's giving: what the user gave this month (credits, thanks, help,
comments) and to whom, and gives against asks overall, "give before you ask"
(docs/PEOPLE.md)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.i18n import N_, _, formats, ngettext
from app.types import GIVE_KINDS
from app.ui.look import plain_label, quiet

if TYPE_CHECKING:
    from app.people.service import PeopleService

Give = tuple[str, str, date]  # (person's name, kind, day), newest first
# How many names the card lists before "and N more".
NAMES_SHOWN = 5
# A kind of give (stored as its key) and how often the user gave it this month.
KIND_COUNTS = {
    "credited": N_("credited {count}"),
    "thanked": N_("thanked {count}"),
    "helped": N_("helped {count}"),
    "commented": N_("commented {count}"),
}


def _kind_count(kind: str, count: int) -> str:
    if kind in KIND_COUNTS:
        return _(KIND_COUNTS[kind]).format(count=count)
    return f"{kind} {count}"


def month_bounds(today: date) -> tuple[date, date]:
    """The first day of `today`'s month and of the next."""
    first = today.replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1)


def month_text(gives: Sequence[Give]) -> str:
    """'This month you gave 7: credited 4, thanked 2, helped 1.'"""
    if not gives:
        return _("No gives yet this month: credit someone in a post, thank them or help them.")
    kinds = Counter(kind for _name, kind, _day in gives)
    parts = ", ".join(_kind_count(kind, kinds[kind]) for kind in GIVE_KINDS if kinds[kind])
    # Translators: {parts} lists the gives by kind: "credited 4, thanked 2, helped 1".
    return ngettext(
        "This month you gave {count}: {parts}.", "This month you gave {count}: {parts}.", len(gives)
    ).format(count=len(gives), parts=parts)


def names_text(gives: Sequence[Give], shown: int = NAMES_SHOWN) -> str:
    """'To Amara Nwosu ×2, Priya Raman and 3 more.': each person once, newest first."""
    times = Counter(name for name, _kind, _day in gives)
    names = [f"{n} ×{times[n]}" if times[n] > 1 else n for n in dict.fromkeys(times)]
    if not names:
        return ""
    if len(names) > shown:
        more = len(names) - shown
        return ngettext(
            "To {names} and {count} more.", "To {names} and {count} more.", more
        ).format(names=", ".join(names[:shown]), count=more)
    if len(names) == 1:
        return _("To {name}.").format(name=names[0])
    return _("To {names} and {last}.").format(names=", ".join(names[:-1]), last=names[-1])


def balance_text(gives: int, asks: int) -> str:
    """'Give before you ask: 42 gives, 3 asks.' (over all time)"""
    given = ngettext("{count} give", "{count} gives", gives).format(count=formats.number(gives))
    asked = ngettext("{count} ask", "{count} asks", asks).format(count=formats.number(asks))
    # Translators: {gives} is "42 gives", {asks} is "3 asks".
    text = _("Give before you ask: {gives}, {asks}.").format(gives=given, asks=asked)
    if asks > gives:
        text += " " + _("A credit or a thank-you evens it out.")
    return text


class GivesCard(QWidget):
    """Three lines read from planner.people: the month's gives by kind, to whom, and
    gives against asks; `reload()` reads them (again: the month moves with the clock)."""

    def __init__(self, people: PeopleService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people = people
        self.month = QLabel()
        self.month.setObjectName("givesMonth")
        self.month.setWordWrap(True)
        self.names = plain_label("givesNames")  # names are the user's or an import's
        quiet(self.names)
        self.balance = QLabel()
        self.balance.setObjectName("givesBalance")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for label in (self.month, self.names, self.balance):
            layout.addWidget(label)

    def reload(self) -> None:
        gives = self._people.gives_between(*month_bounds(self._people.today()))
        self.month.setText(month_text(gives))
        self.names.setText(names_text(gives))
        self.names.setVisible(bool(gives))
        self.balance.setText(balance_text(*self._people.totals()))
