"""Where a person stands on their keep-warm interval, in words (docs/PEOPLE.md). Pure:
the window, the CLI and the inbox's reasons word people the same way."""

from __future__ import annotations

from datetime import date

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


def ago(day: date, today: date) -> str:
    """ "today", "3 days ago", "5 months ago", "2 years ago"."""
    days = (today - day).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 730:
        return f"{days // 30} months ago"
    return f"{days // 365} years ago"


def last_touch_text(person: Person, today: date) -> str:
    """ "last touch 5 months ago", or "no touch yet"."""
    if person.last_touch is None:
        return "no touch yet"
    return "last touch " + ago(person.last_touch, today)


def due_text(person: Person, today: date) -> str:
    """How the interval stands: "overdue by 12 days", "due for 3 days", "due in 2 weeks"."""
    state = status(person, today)
    if state == "archived":
        return "archived"
    if state == "overdue" and person.overdue_on is not None:
        return "overdue by " + _span((today - person.overdue_on).days)
    if state == "due" and person.due_on is not None:
        return "due for " + _span((today - person.due_on).days)
    if person.due_on is None:
        return ""
    return "due in " + _span((person.due_on - today).days)


def _span(days: int) -> str:
    if days <= 0:
        return "less than a day" if days == 0 else "0 days"
    if days == 1:
        return "1 day"
    if days < 14:
        return f"{days} days"
    if days < 60:
        return f"{days // 7} weeks"
    if days < 730:
        return f"{days // 30} months"
    return f"{days // 365} years"


def ask_note(name: str) -> str:
    """What logging an ask says when the user has given this person nothing lately."""
    return (
        f"You haven't credited, thanked or helped {name} in the last {ASK_WINDOW_DAYS // 30}"
        " months. Asks land better after a give: is there something of theirs you could"
        " share or thank them for first?"
    )
