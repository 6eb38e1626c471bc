"""Why an item ranks where it does, in words: the inbox's rows and preview say it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from app.i18n import N_, _
from app.people.keep_warm import ago

PEOPLE_JOIN = " · "  # between the theme's reason and who wrote it

# Where a keyword was found (the identifiers app.strategy.matching stores), as shown.
PLACES = {
    # Translators: where a keyword was found in a feed item: "kubernetes (title)".
    "title": N_("title"),
    # Translators: where a keyword was found in a feed item: "kubernetes (summary)".
    "summary": N_("summary"),
}


def place_words() -> dict[str, str]:
    """PLACES in the user's language: worked out once for a page of rows, not per term."""
    return {place: _(word) for place, word in PLACES.items()}


def reason(
    theme_name: str, terms: Iterable[tuple[str, str]], places: Mapping[str, str] | None = None
) -> str:
    """Why an item matches a theme: "Platform engineering: kubernetes (title), sre (summary)".
    `places`: place_words(), when the caller words many reasons."""
    words = place_words() if places is None else places
    listed = ", ".join(f"{keyword} ({words.get(place, place)})" for keyword, place in terms)
    return f"{theme_name}: {listed}" if listed else theme_name


def by_person(name: str, last_touch: date | None, today: date) -> str:
    """An item one of the user's people wrote: "by Priya Raman, one of your people;
    last touch 5 months ago" ("no touch yet" when there was none; docs/PEOPLE.md). The
    touch is worded as the People page words it (app.people.keep_warm.last_touch_text)."""
    if last_touch:
        # Translators: {ago} is "today", "yesterday" or "5 months ago".
        touch = _("last touch {ago}").format(ago=ago(last_touch, today))
    else:
        touch = _("no touch yet")
    # Translators: {name} is a person's name; {touch} is "last touch 5 months ago" or
    # "no touch yet".
    return _("by {name}, one of your people; {touch}").format(name=name, touch=touch)


def with_person(theme_reason: str, person_reason: str) -> str:
    """The theme's reason and who wrote it, whichever there are."""
    return PEOPLE_JOIN.join(r for r in (theme_reason, person_reason) if r)
