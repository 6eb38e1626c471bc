"""The career strategy being edited: fields, themes added, removed and moved, each edit
undoable until saved. Plain Python; the strategy dialog is a view over it.

Hand one out with planner.strategy.edit(), save `strategy()` with planner.strategy.save().
"""

from __future__ import annotations

import itertools
import re

from app.strategy.edit_fields import (
    ADD_THEME,
    MIX_FIELDS,
    MOVE_THEME,
    PROFILE_FIELDS,
    REMOVE_THEME,
    THEME_FIELDS,
    Key,
    ProfileField,
    Section,
    TargetField,
    ThemeDraft,
    ThemeField,
    Value,
    Where,
    describe,
    edit_name,
    shown,
)
from app.strategy.strategy import (
    MAX_THEMES,
    ContentMix,
    Strategy,
    StrategyError,
    default_color,
    validate,
)
from app.types import Profile

__all__ = ["Key", "StrategyEdit", "ThemeDraft", "Where", "describe"]

_THEME_PATH = re.compile(r"themes\[(\d+)\]\.?(\w*)")
# The strategy file's names for the targets (StrategyError.field) and the edit's.
_TARGET_PATHS: dict[str, TargetField] = {
    "weekly_target": "weekly_target",
    "content_mix": "share",
    "content_mix.share": "share",
    "content_mix.original": "original",
    "content_mix.credit": "credit",
    "freshness_half_life_days": "half_life_days",
}


# Edits: each knows how to do and undo itself on the StrategyEdit ------------------------


class _SetField:
    """One field changed; typing more into the same field merges into it."""

    def __init__(self, key: Key, old: Value, new: Value) -> None:
        self.key, self.old, self.new = key, old, new
        self.text = edit_name(key)

    def redo(self, edit: StrategyEdit) -> Where:
        return edit._write(self.key, self.new)

    def undo(self, edit: StrategyEdit) -> Where:
        return edit._write(self.key, self.old)


class _AddTheme:
    text = ADD_THEME

    def __init__(self, row: int, draft: ThemeDraft) -> None:
        self.row, self.draft = row, draft

    def redo(self, edit: StrategyEdit) -> Where:
        return edit._insert(self.row, self.draft)

    def undo(self, edit: StrategyEdit) -> Where:
        return edit._take(self.row)


class _RemoveTheme:
    text = REMOVE_THEME

    def __init__(self, row: int, draft: ThemeDraft) -> None:
        self.row, self.draft = row, draft

    def redo(self, edit: StrategyEdit) -> Where:
        return edit._take(self.row)

    def undo(self, edit: StrategyEdit) -> Where:
        return edit._insert(self.row, self.draft)


class _MoveTheme:
    text = MOVE_THEME

    def __init__(self, row: int, to: int) -> None:
        self.row, self.to = row, to

    def redo(self, edit: StrategyEdit) -> Where:
        return edit._move(self.row, self.to)

    def undo(self, edit: StrategyEdit) -> Where:
        return edit._move(self.to, self.row)


_Edit = _SetField | _AddTheme | _RemoveTheme | _MoveTheme


# The strategy being edited -------------------------------------------------------------


class StrategyEdit:
    """A copy of the strategy, changed by edits that can be undone and redone until it is
    saved. `strategy()` is what to save; `problem()` what is wrong with it."""

    def __init__(self, strategy: Strategy) -> None:
        self._uids = itertools.count(1)
        self._themes = [ThemeDraft.of(next(self._uids), t) for t in strategy.themes]
        if not self._themes:  # first run: one empty theme ready to fill (not an edit)
            self._themes.append(ThemeDraft(next(self._uids), 0, color=default_color(0)))
        self._values: dict[tuple[Section, str], Value] = {
            **{("profile", f): getattr(strategy.profile, f) for f in PROFILE_FIELDS},
            ("target", "weekly_target"): strategy.weekly_target,
            **{("target", f): v for f, v in zip(MIX_FIELDS, strategy.mix, strict=True)},
            ("target", "half_life_days"): float(strategy.half_life_days),
        }
        self._done: list[_Edit] = []
        self._undone: list[_Edit] = []
        self._sealed = 0  # edits up to here are saved: a new edit never merges into them
        self._saved = self.strategy()

    # Reading ----------------------------------------------------------------------------

    @property
    def themes(self) -> tuple[ThemeDraft, ...]:
        """The themes in order, as typed."""
        return tuple(self._themes)

    def value(self, key: Key) -> Value:
        """A field's value as edited."""
        if key.section == "theme":
            return str(getattr(self.theme(key.theme), key.field))
        return self._values[key.section, key.field]

    def theme(self, uid: int) -> ThemeDraft:
        return self._themes[self.row_of(uid)]

    def row_of(self, uid: int) -> int:
        """Where the theme is in the list; raises KeyError when it is not there."""
        for row, draft in enumerate(self._themes):
            if draft.uid == uid:
                return row
        raise KeyError(uid)

    def mix_total(self) -> int:
        """The content mix's parts added up (100 when right)."""
        return sum(int(self._values["target", f]) for f in MIX_FIELDS)

    def can_add_theme(self) -> bool:
        return len(self._themes) < MAX_THEMES

    def can_remove_theme(self) -> bool:
        return len(self._themes) > 1

    def can_move_theme(self, row: int, step: int) -> bool:
        return 0 <= row < len(self._themes) and 0 <= row + step < len(self._themes)

    def strategy(self) -> Strategy:
        """The strategy as edited (not yet checked)."""
        values = self._values
        return Strategy(
            profile=Profile(*(str(values["profile", f]) for f in PROFILE_FIELDS)),
            themes=tuple(d.theme() for d in self._themes),
            weekly_target=int(values["target", "weekly_target"]),
            mix=ContentMix(*(int(values["target", f]) for f in MIX_FIELDS)),
            half_life_days=float(values["target", "half_life_days"]),
        )

    def has_changes(self) -> bool:
        """Whether saving would change anything (undoing back to the start is no change)."""
        return self.strategy() != self._saved

    def problem(self) -> StrategyError | None:
        """The first wrong field, as saving would refuse it; None when all are right."""
        try:
            validate(self.strategy())
        except StrategyError as err:
            return err
        return None

    def key_of(self, error: StrategyError) -> Key | None:
        """The field a StrategyError names ("themes[2].keywords" is that theme's keywords);
        None when it names no one field (e.g. there are too many themes)."""
        path = error.field
        found = _THEME_PATH.match(path)
        if found:
            row, field = int(found[1]), found[2] or "name"
            if row >= len(self._themes) or field not in THEME_FIELDS:
                return None
            return Key("theme", field, self._themes[row].uid)
        if path.startswith("profile."):
            field = path.partition(".")[2]
            return Key("profile", field) if field in PROFILE_FIELDS else None
        target = _TARGET_PATHS.get(path)
        return Key("target", target) if target else None

    # Editing ----------------------------------------------------------------------------

    def set_profile(self, field: ProfileField, text: str) -> Where | None:
        """Change a profile field; None when it already has that value."""
        return self._set(Key("profile", field), text)

    def set_target(self, field: TargetField, value: int | float) -> Where | None:
        """Change the weekly target, a part of the content mix or the half-life."""
        return self._set(Key("target", field), value)

    def set_theme(self, uid: int, field: ThemeField, text: str) -> Where | None:
        """Change a field of the theme with this handle."""
        return self._set(Key("theme", field, uid), text)

    def add_theme(self, after: int | None = None) -> Where | None:
        """Add an empty theme after the row (at the end when None), in a colour no theme
        has yet; None when there are as many themes as allowed."""
        if not self.can_add_theme():
            return None
        row = len(self._themes) if after is None else after + 1
        return self._do(_AddTheme(row, ThemeDraft(next(self._uids), 0, color=self._new_color())))

    def remove_theme(self, row: int) -> Where | None:
        """Remove the theme at the row; None when it is the last one."""
        if not self.can_remove_theme() or not 0 <= row < len(self._themes):
            return None
        return self._do(_RemoveTheme(row, self._themes[row]))

    def move_theme(self, row: int, step: int) -> Where | None:
        """Move the theme at the row `step` places down (up when negative)."""
        if not self.can_move_theme(row, step):
            return None
        return self._do(_MoveTheme(row, row + step))

    # History ----------------------------------------------------------------------------

    @property
    def undo_count(self) -> int:
        """How many edits can be undone."""
        return len(self._done)

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo_text(self) -> str:
        """What Undo would take back ("theme name"), "" when nothing."""
        return shown(self._done[-1].text) if self._done else ""

    def redo_text(self) -> str:
        return shown(self._undone[-1].text) if self._undone else ""

    def undo(self) -> Where | None:
        """Take back the last edit; None when there is none."""
        if not self._done:
            return None
        edit = self._done.pop()
        self._undone.append(edit)
        return edit.undo(self)

    def redo(self) -> Where | None:
        """Do again the edit undone last; None when there is none."""
        if not self._undone:
            return None
        edit = self._undone.pop()
        self._done.append(edit)
        return edit.redo(self)

    def mark_saved(self) -> None:
        """The strategy as it is now was saved: no changes, and no edit merges past here."""
        self._saved = self.strategy()
        self._sealed = len(self._done)

    # Inside: what the edits call -------------------------------------------------------

    def _set(self, key: Key, value: Value) -> Where | None:
        old = self.value(key)
        if old == value:
            return None
        top = self._done[-1] if self._done else None
        if isinstance(top, _SetField) and top.key == key and len(self._done) != self._sealed:
            # Typing a word is one step, not one per letter; typed and erased is none.
            self._forget_redo()
            top.new = value
            if top.new == top.old:
                self._done.pop()
            return self._write(key, value)
        return self._do(_SetField(key, old, value))

    def _do(self, edit: _Edit) -> Where:
        self._forget_redo()
        self._done.append(edit)
        return edit.redo(self)

    def _forget_redo(self) -> None:
        if len(self._done) < self._sealed:
            self._sealed = -1  # the state saved was undone, and now cannot be redone
        self._undone.clear()

    def _write(self, key: Key, value: Value) -> Where:
        if key.section == "theme":
            row = self.row_of(key.theme)
            fields = self._themes[row]._asdict()
            fields[key.field] = str(value)
            self._themes[row] = ThemeDraft(**fields)
            return Where(key, key.theme)
        self._values[key.section, key.field] = value
        return Where(key)

    def _insert(self, row: int, draft: ThemeDraft) -> Where:
        self._themes.insert(row, draft)
        return Where(None, draft.uid)

    def _take(self, row: int) -> Where:
        del self._themes[row]
        return Where(None, self._themes[min(row, len(self._themes) - 1)].uid)

    def _move(self, row: int, to: int) -> Where:
        self._themes.insert(to, self._themes.pop(row))
        return Where(None, self._themes[to].uid)

    def _new_color(self) -> str:
        used = {d.color for d in self._themes}
        fresh = (default_color(n) for n in range(MAX_THEMES) if default_color(n) not in used)
        return next(fresh, default_color(len(self._themes)))
