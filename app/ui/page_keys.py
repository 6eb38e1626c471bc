"""The keys the pages answer besides the menus' shortcuts, one table a place: the pages
bind their keys from here and Help › Keyboard shortcuts lists them from here, so the list
and the keys that work never drift apart. Plain data (no Qt): the inbox list reads it on
the way to the first paint."""

from __future__ import annotations

from typing import NamedTuple

from app.i18n import N_


class PageKey(NamedTuple):
    keys: tuple[str, ...]  # QKeySequence's portable text: "J", "Delete", "Ctrl+N"
    command: str  # what the page does, by name
    text: str  # what the list says it does (N_-marked)


class KeyGroup(NamedTuple):
    title: str  # where the keys work (N_-marked)
    keys: tuple[PageKey, ...]


INBOX_LIST = KeyGroup(
    N_("Inbox list"),
    (
        PageKey(("J",), "next", N_("Next item")),
        PageKey(("K",), "previous", N_("Previous item")),
        PageKey(("S",), "star", N_("Star or unstar")),
        PageKey(("M",), "read", N_("Mark read or unread")),
        PageKey(("D", "Del"), "dismiss", N_("Dismiss, or bring back")),
        PageKey(("O", "Return"), "open", N_("Open the item's page in your browser")),
    ),
)
PEOPLE_PAGE = KeyGroup(
    N_("People page"),
    (
        PageKey(("Ctrl+N",), "add_person", N_("Add a person")),
        PageKey(("Ctrl+T",), "log_touch", N_("Log a touch with the person picked")),
        PageKey(("F2",), "edit_person", N_("Edit the person picked")),
        PageKey(("Ctrl+F",), "search", N_("Search everyone")),
    ),
)
PEOPLE_LISTS = KeyGroup(
    N_("People lists"),
    (
        PageKey(("T",), "touch", N_("Log a touch")),
        PageKey(("E", "F2", "Return"), "edit", N_("Edit the person")),
        PageKey(("S",), "snooze", N_("Snooze")),
        PageKey(("Del",), "archive", N_("Archive")),
    ),
)
HEATMAP = KeyGroup(
    N_("Posts over the last year (the heatmap)"),
    (
        PageKey(("Up",), "-1", N_("The day before")),
        PageKey(("Down",), "1", N_("The day after")),
        PageKey(("Left",), "-7", N_("A week earlier")),
        PageKey(("Right",), "7", N_("A week later")),
        PageKey(("Return",), "open", N_("That day's posts")),
    ),
)
PAGE_KEYS = (INBOX_LIST, PEOPLE_PAGE, PEOPLE_LISTS, HEATMAP)


def single_letters(group: KeyGroup) -> dict[str, str]:
    """The group's one-letter keys, lower case, and their commands: {"j": "next"}."""
    return {k.lower(): key.command for key in group.keys for k in key.keys if len(k) == 1}
