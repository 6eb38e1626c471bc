"""Why an item ranks where it does, in words: the inbox's rows and preview say it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from app.people.keep_warm import ago

PEOPLE_JOIN = " · "  # between the theme's reason and who wrote it


def reason(theme_name: str, terms: Iterable[tuple[str, str]]) -> str:
    """Why an item matches a theme: "Platform engineering: kubernetes (title), sre (summary)"."""
    listed = ", ".join(f"{keyword} ({place})" for keyword, place in terms)
    return f"{theme_name}: {listed}" if listed else theme_name


def by_person(name: str, last_touch: date | None, today: date) -> str:
    """An item one of the user's people wrote: "by Priya Raman, one of your people;
    last touch 5 months ago" ("no touch yet" when there was none; docs/PEOPLE.md)."""
    touch = f"last touch {ago(last_touch, today)}" if last_touch else "no touch yet"
    return f"by {name}, one of your people; {touch}"


def with_person(theme_reason: str, person_reason: str) -> str:
    """The theme's reason and who wrote it, whichever there are."""
    return PEOPLE_JOIN.join(r for r in (theme_reason, person_reason) if r)
