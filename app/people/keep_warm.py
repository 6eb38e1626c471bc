"""Where a person stands on their keep-warm interval, in words (docs/PEOPLE.md). Pure:
the window, the CLI and the inbox's reasons word people the same way."""

from __future__ import annotations

from datetime import date

from app.i18n import _, ngettext
from app.types import Person

ASK_WINDOW_DAYS = 180  # an ask with no give to the person in this long gets a gentle note
PRUNE_AFTER_DAYS = 365  # no touch in a year and no gives: offered for archiving


def status(person: Person, today: date) -> str:
    """ "archived", "overdue" (past the maximum), "due" (past the ideal) or "warm"."""
    if person.archived:
        return "archived"
    if person.overdue_on is not None and person.overdue_on <= today:
        return "overdue"
    if person.due_on is not None and person.due_on <= today:
        return "due"
    return "warm"


def is_overdue(person: Person, today: date) -> bool:
    return status(person, today) == "overdue"


def _unit(days: int) -> tuple[int, str]:
    """A span of days in the unit it is told in: (count, "day"/"week"/"month"/"year")."""
    if days < 14:
        return days, "day"
    if days < 60:
        return days // 7, "week"
    if days < 730:
        return days // 30, "month"
    return days // 365, "year"


def ago(day: date, today: date) -> str:
    """ "today", "3 days ago", "5 months ago", "2 years ago"."""
    days = (today - day).days
    if days <= 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    n, unit = _unit(days)
    if unit == "day":
        text = ngettext("{count} day ago", "{count} days ago", n)
    elif unit == "week":
        text = ngettext("{count} week ago", "{count} weeks ago", n)
    elif unit == "month":
        text = ngettext("{count} month ago", "{count} months ago", n)
    else:
        text = ngettext("{count} year ago", "{count} years ago", n)
    return text.format(count=n)


def last_touch_text(person: Person, today: date) -> str:
    """ "last touch 5 months ago", or "no touch yet"."""
    if person.last_touch is None:
        return _("no touch yet")
    # Translators: {ago} is "today", "yesterday" or "5 months ago".
    return _("last touch {ago}").format(ago=ago(person.last_touch, today))


def due_text(person: Person, today: date) -> str:
    """How the interval stands: "overdue by 12 days", "due for 3 days", "due in 2 weeks"."""
    state = status(person, today)
    if state == "archived":
        return _("archived")
    if state == "overdue" and person.overdue_on is not None:
        return _overdue_by((today - person.overdue_on).days)
    if state == "due" and person.due_on is not None:
        return _due_for((today - person.due_on).days)
    if person.due_on is None:
        return ""
    return _due_in((person.due_on - today).days)


def _overdue_by(days: int) -> str:
    if days == 0:
        return _("overdue by less than a day")
    n, unit = _unit(max(days, 0))
    if unit == "day":
        text = ngettext("overdue by {count} day", "overdue by {count} days", n)
    elif unit == "week":
        text = ngettext("overdue by {count} week", "overdue by {count} weeks", n)
    elif unit == "month":
        text = ngettext("overdue by {count} month", "overdue by {count} months", n)
    else:
        text = ngettext("overdue by {count} year", "overdue by {count} years", n)
    return text.format(count=n)


def _due_for(days: int) -> str:
    if days == 0:
        return _("due for less than a day")
    n, unit = _unit(max(days, 0))
    if unit == "day":
        text = ngettext("due for {count} day", "due for {count} days", n)
    elif unit == "week":
        text = ngettext("due for {count} week", "due for {count} weeks", n)
    elif unit == "month":
        text = ngettext("due for {count} month", "due for {count} months", n)
    else:
        text = ngettext("due for {count} year", "due for {count} years", n)
    return text.format(count=n)


def _due_in(days: int) -> str:
    if days == 0:
        return _("due in less than a day")
    n, unit = _unit(max(days, 0))
    if unit == "day":
        text = ngettext("due in {count} day", "due in {count} days", n)
    elif unit == "week":
        text = ngettext("due in {count} week", "due in {count} weeks", n)
    elif unit == "month":
        text = ngettext("due in {count} month", "due in {count} months", n)
    else:
        text = ngettext("due in {count} year", "due in {count} years", n)
    return text.format(count=n)


def ask_note(name: str) -> str:
    """What logging an ask says when the user has given this person nothing lately."""
    months = ASK_WINDOW_DAYS // 30
    return ngettext(
        "You haven't credited, thanked or helped {name} in the last {count} month."
        " Asks land better after a give: is there something of theirs you could"
        " share or thank them for first?",
        "You haven't credited, thanked or helped {name} in the last {count} months."
        " Asks land better after a give: is there something of theirs you could"
        " share or thank them for first?",
        months,
    ).format(name=name, count=months)
