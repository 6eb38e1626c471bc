"""The fields of the career strategy being edited: the handle of each field (Key), what an
edit changed (Where), a theme as typed (ThemeDraft), and how an Undo button names an edit.
The edit itself, with its history, is app.strategy.editing.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from app.i18n import N_, _
from app.types import Theme

Section = Literal["profile", "target", "theme"]
ProfileField = Literal["name", "role", "goal", "audience"]
TargetField = Literal["weekly_target", "share", "original", "credit", "half_life_days"]
ThemeField = Literal["name", "keywords", "excluded", "hashtags", "color"]
Value = str | int | float

PROFILE_FIELDS: tuple[ProfileField, ...] = ("name", "role", "goal", "audience")
MIX_FIELDS: tuple[TargetField, ...] = ("share", "original", "credit")
THEME_FIELDS: tuple[ThemeField, ...] = ("name", "keywords", "excluded", "hashtags", "color")

_LIST_SPLIT = re.compile(r"[\n,]")
_TAG_SPLIT = re.compile(r"[\s,]+")


class Key(NamedTuple):
    """One field: ("profile", "goal"), ("target", "share") or ("theme", "name", uid)."""

    section: Section
    field: str
    theme: int = 0  # the theme's handle (ThemeDraft.uid) for a theme field


class Where(NamedTuple):
    """What an edit, undo or redo changed, for a view to bring into sight: a field, or
    (key None) the list of themes, with the theme to select."""

    key: Key | None
    theme: int | None = None  # ThemeDraft.uid


class ThemeDraft(NamedTuple):
    """A theme as being edited: its word lists as typed."""

    uid: int  # the edit's handle: stays with the theme through renames and moves
    id: int  # its id in storage (0 when new), so feeds stay linked to it
    name: str = ""
    keywords: str = ""  # one per line or separated by commas
    excluded: str = ""
    hashtags: str = ""  # separated by spaces or commas
    color: str = "#607d8b"

    @classmethod
    def of(cls, uid: int, theme: Theme) -> ThemeDraft:
        """The draft of a stored theme."""
        return cls(
            uid,
            theme.id,
            theme.name,
            "\n".join(theme.keywords),
            "\n".join(theme.excluded),
            " ".join(theme.hashtags),
            theme.color,
        )

    def theme(self) -> Theme:
        """The theme as edited, its word lists split (not yet checked)."""
        return Theme(
            self.id,
            self.name,
            _split(_LIST_SPLIT, self.keywords),
            _split(_LIST_SPLIT, self.excluded),
            _split(_TAG_SPLIT, self.hashtags),
            self.color,
        )


def _split(separators: re.Pattern[str], text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in separators.split(text) if w.strip())


# What an edit of each field changed, as an Undo button names it (in English: `describe`
# translates). Translators: these follow "Undo" or "Redo": "Undo theme keywords".
_THEME_EDITS = {
    "name": N_("theme name"),
    "keywords": N_("theme keywords"),
    # Translators: the words that keep an item out of a theme were edited.
    "excluded": N_("theme excluded"),
    "hashtags": N_("theme hashtags"),
    "color": N_("theme colour"),
}
_FIELD_EDITS = {
    "name": N_("name"),
    "role": N_("role"),
    "goal": N_("career goal"),
    "audience": N_("audience"),
    "weekly_target": N_("weekly target"),
    "half_life_days": N_("freshness half-life"),
}
_MIX_EDIT = N_("content mix")
ADD_THEME = N_("add theme")
REMOVE_THEME = N_("remove theme")
MOVE_THEME = N_("move theme")


def edit_name(key: Key) -> str:
    """describe's words in English (an edit keeps these; they are translated when shown)."""
    if key.section == "theme":
        return _THEME_EDITS.get(key.field, key.field)
    if key.field in MIX_FIELDS:
        return _MIX_EDIT
    return _FIELD_EDITS.get(key.field, key.field.replace("_", " "))


def describe(key: Key) -> str:
    """What an edit of the field changed, as an Undo button names it ("theme keywords")."""
    return shown(edit_name(key))


def shown(words: str) -> str:
    return _(words) if words else ""
