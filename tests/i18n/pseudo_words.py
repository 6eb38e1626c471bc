"""Finding text that never went through the translation layer: under the pseudo-locale
every message is bracketed (app/i18n/pseudo.py), so a word outside the brackets is either
the user's data, a name, or a message someone forgot (docs/TRANSLATION.md)."""

from __future__ import annotations

import re
import sqlite3

from app.i18n.pseudo import CLOSE, OPEN
from app.paths import DB_FILENAME

# Words that are names, not messages: the product, the platforms and formats, the keys
# of shortcuts, and the month and day names, which come from the locale's data (CLDR).
NAMES = {
    "Digwell", "LinkedIn", "Mastodon", "Bluesky", "Threads", "Qt", "PySide", "RSS", "Atom",
    "OPML", "CSV", "JSON", "vCard", "Ctrl", "Shift", "Alt", "Meta", "Del", "Esc", "Return",
    "Enter", "Tab", "Space", "Backspace", "PgUp", "PgDown", "Home", "End", "Up", "Down",
    "Left", "Right", "Ins", "Delete", "Escape", "F1", "F2", "F5", "Google", "News",
    "English", "Deutsch",  # View › Language names each language in its own words
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
}  # fmt: skip
PSEUDO_TEXT = re.compile(re.escape(OPEN) + r".*?" + re.escape(CLOSE), re.S)
WORD = re.compile(r"[A-Za-z]{2,}")
# Markup, addresses and paths are not words to translate.
NOT_WORDS = re.compile(
    r"<[^<>]*>|&[a-z]+;|&#\d+;|[a-z]+://\S+|[\w.+-]+@[\w-]+\.[\w.]+|(?:[\w.-]*/)+[\w.-]*"
)


def data_words(planner) -> set[str]:
    """Every word stored in the data folder: feed titles, names and notes are the user's,
    as are the drafting templates (files, their names and descriptions)."""
    with sqlite3.connect(planner.data_dir / DB_FILENAME) as conn:
        text = "\n".join(conn.iterdump())
    for info in planner.drafting.templates.templates():
        text += f"\n{info.name} {info.title} {info.description}"
    return set(WORD.findall(text))


def untranslated(text: str, known: set[str]) -> list[str]:
    """The words of `text` outside pseudo-translated messages that are neither `known`
    data nor names."""
    rest = NOT_WORDS.sub(" ", PSEUDO_TEXT.sub(" ", text))
    return [w for w in WORD.findall(rest) if w not in known and w not in NAMES]
