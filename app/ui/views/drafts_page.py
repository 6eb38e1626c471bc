"""Drafts: the list of drafts by state, with where each came from; the composer beside it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.compose.drafts import DEFAULT_TEMPLATE
from app.compose.platforms import DEFAULT_PLATFORM, PLATFORMS
from app.errors import DigwellError
from app.i18n import N_, _, formats, ngettext, pgettext
from app.planner import Planner
from app.types import Changes, Draft
from app.ui.background import BackgroundCall
from app.ui.formatting import relative_time
from app.ui.views.composer import Composer, state_label

DraftIdRole = Qt.ItemDataRole.UserRole + 1
# What the list shows: label and the states it holds.
VIEWS = (
    (N_("Open drafts"), ("draft", "planned")),
    (N_("Planned"), ("planned",)),
    (N_("Posted"), ("posted",)),
    (N_("Archived"), ("archived",)),
    (N_("All"), ("draft", "planned", "posted", "archived")),
)
ORIGINAL_TEMPLATE = "original-insight"


class DraftsPage(QSplitter):
    """Left: drafts in the chosen states, newest edit first. Right: the composer."""

    drafted = Signal(int)  # a new draft was made and opened

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._planner = planner
        self._new: BackgroundCall | None = None
        self.composer = Composer(planner)
        self.addWidget(self._build_side())
        self.addWidget(self.composer)
        self.setStretchFactor(1, 1)
        self.setSizes([300, 700])
        self.reload()

    def _build_side(self) -> QWidget:
        """The view and "New post" above the list; plan, archive and delete below it."""
        self.view_box = QComboBox()
        self.view_box.setObjectName("draftsView")
        for label, states in VIEWS:
            self.view_box.addItem(_(label), states)
        self.view_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button = self._menu_button(_("New post"), "newPostButton", self._fill_new_menu)
        self.new_button.setToolTip(_("Write an original post on one of your themes, with no link"))
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.list = QListWidget()
        self.list.setObjectName("draftList")
        self.list.setAccessibleName(_("Drafts"))
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._selected)
        self.plan_button = self._menu_button(
            pgettext("verb", "Plan"), "planButton", self._fill_plan_menu
        )
        self.plan_button.setToolTip(
            _("Plan it for your next free posting slot; the arrow offers the others")
        )
        self.plan_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.plan_button.clicked.connect(self.plan_next_slot)
        self.archive_button = QPushButton(pgettext("verb", "Archive"))
        self.archive_button.setToolTip(_("Put it away without posting; it stays under Archived"))
        self.archive_button.clicked.connect(self._archive_or_restore)
        self.delete_button = QPushButton(_("Delete"))
        self.delete_button.setToolTip(_("Delete the draft (its post, if any, stays in your log)"))
        self.delete_button.clicked.connect(self.delete_current)
        top = QHBoxLayout()
        top.addWidget(self.view_box, 1)
        top.addWidget(self.new_button)
        actions = QHBoxLayout()
        for button in (self.plan_button, self.archive_button, self.delete_button):
            actions.addWidget(button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 8, 0, 8)
        side_layout.addLayout(top)
        side_layout.addWidget(self.list, 1)
        side_layout.addLayout(actions)
        return side

    def _menu_button(self, text: str, name: str, fill: Callable[[], None]) -> QToolButton:
        """A tool button with a menu filled each time it opens."""
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setMenu(QMenu(button))
        button.menu().aboutToShow.connect(fill)
        return button

    def apply_changes(self, changes: Changes) -> None:
        """Drafts, posts, the plan or the themes changed: the list again, and the
        composer's draft if it changed state meanwhile (e.g. its post was deleted from
        the log); the Mastodon server changed: the composer's counts; people changed:
        who the composer's draft credits."""
        if changes.settings:
            self.composer.refresh_counts()
        if changes.people:
            self.composer.people.schedule()
        if changes.drafts or changes.posts or changes.schedule or changes.strategy:
            # The draft just posted (or taken back) stays on screen, even where the
            # list's view no longer holds it: its "Undo" is there.
            self.reload(keep_composer=True)
            self._catch_up_composer()

    def _catch_up_composer(self) -> None:
        shown = self.composer.draft
        if shown is None:
            return
        try:
            stored: Draft | None = self._planner.drafting.draft(shown.id)
        except DigwellError:  # deleted meanwhile
            stored = None
        if stored is None or (stored.state, stored.planned_for) != (
            shown.state,
            shown.planned_for,
        ):
            self.composer.show_draft(stored)
            self._update_actions()

    def reload(self, select: int | None = None, keep_composer: bool = False) -> None:
        """Re-read the drafts; keep (or move to) the selected one. `keep_composer`: leave
        the composer's draft on screen even if the list no longer shows it."""
        keep = select if select is not None else self._current_id()
        drafts = self._planner.drafting.drafts(self.view_box.currentData())
        if select is not None and all(d.id != select for d in drafts):
            self.view_box.blockSignals(True)
            self.view_box.setCurrentIndex(len(VIEWS) - 1)  # "All" holds it
            self.view_box.blockSignals(False)
            drafts = self._planner.drafting.drafts(self.view_box.currentData())
        self.list.blockSignals(True)
        self.list.clear()
        for draft in drafts:
            entry = QListWidgetItem(self._label(draft))
            entry.setData(DraftIdRole, draft.id)
            entry.setToolTip(self._origin(draft))
            self.list.addItem(entry)
            if draft.id == keep:
                self.list.setCurrentItem(entry)
        self.list.blockSignals(False)
        current = self._current_id()
        if keep_composer:
            pass
        elif current is None and self.list.count():
            self.list.setCurrentRow(0)
        elif (self.composer.draft.id if self.composer.draft else None) != current:
            self._selected(self.list.currentItem(), None)
        self._update_actions()

    def open_draft(self, draft_id: int) -> None:
        self.reload(select=draft_id)
        self.composer.editor.setFocus()

    def draft_count(self) -> int:
        return self.list.count()

    def _current_id(self) -> int | None:
        entry = self.list.currentItem()
        return entry.data(DraftIdRole) if entry else None

    def _label(self, draft: Draft) -> str:
        when = relative_time(draft.updated, self._planner.clock.now(), self._planner.clock.tz())
        state = state_label(draft.state)
        if draft.planned_for is not None:
            planned = formats.weekday_day_month_time(
                draft.planned_for.astimezone(self._planner.clock.tz())
            )
            # Translators: a draft's state and its slot ("Planned for Tue 3 Nov, 09:00").
            state = _("{state} for {when}").format(state=state, when=planned)
        parts = [state, when]
        if draft.theme:
            parts.insert(1, draft.theme)
        return f"{draft.title}\n{' · '.join(parts)}"

    def _origin(self, draft: Draft) -> str:
        """'From 2 items · template quick-share · linkedin'."""
        count = len(draft.item_ids)
        template = draft.template or _("(none)")
        if not count:
            return _("From no item · template {template} · {platform}").format(
                template=template, platform=draft.platform
            )
        return ngettext(
            "From {count} item · template {template} · {platform}",
            "From {count} items · template {template} · {platform}",
            count,
        ).format(count=count, template=template, platform=draft.platform)

    def _selected(self, current: QListWidgetItem | None, _previous: object) -> None:
        draft_id = current.data(DraftIdRole) if current else None
        self.composer.show_draft(self._planner.drafting.draft(draft_id) if draft_id else None)
        self._update_actions()

    def _update_actions(self) -> None:
        draft = self.composer.draft
        state = draft.state if draft else ""
        self.plan_button.setEnabled(state in ("draft", "planned"))
        self.archive_button.setEnabled(state in ("draft", "planned", "archived"))
        self.archive_button.setText(
            _("Restore") if state == "archived" else pgettext("verb", "Archive")
        )
        self.delete_button.setEnabled(draft is not None)

    def _set_state(self, state: str) -> None:
        draft_id = self._current_id()
        if draft_id is None:
            return
        self.composer.save_now()
        try:
            draft = self._planner.drafting.set_draft_state(draft_id, state)
        except DigwellError as err:
            self.composer.failed.emit(err)
            return
        self.composer.show_draft(draft)
        self.reload(select=draft_id)

    def plan_next_slot(self) -> None:
        """Plan the draft on screen into the next posting slot with nothing planned."""
        draft = self.composer.draft
        free = [s for s in self._planner.cadence.slots() if not s.drafts]
        if draft is not None and draft.planned_for is not None:
            free = [s for s in free if s.at > draft.planned_for] or free
        if not free:
            self.composer.message.emit(
                _("Every slot of the next four weeks has a draft: pick one with the arrow.")
            )
            return
        self._plan(free[0].at)

    def _fill_plan_menu(self) -> None:
        menu = self.plan_button.menu()
        menu.clear()
        tz = self._planner.clock.tz()
        for slot in self._planner.cadence.slots():
            label = formats.weekday_day_month_time(slot.at.astimezone(tz))
            if slot.drafts:
                count = len(slot.drafts)
                # Translators: a posting slot and how many drafts are planned for it.
                label = ngettext(
                    "{slot}  ·  {count} planned", "{slot}  ·  {count} planned", count
                ).format(slot=label, count=count)
            action = menu.addAction(label)
            action.triggered.connect(lambda _checked=False, at=slot.at: self._plan(at))
        menu.addSeparator()
        soon = menu.addAction(_("Soon, no set time"))
        soon.triggered.connect(lambda: self._plan(None))
        draft = self.composer.draft
        if draft is not None and draft.state == "planned":
            out = menu.addAction(_("Take out of the plan"))
            out.triggered.connect(lambda: self._set_state("draft"))

    def _plan(self, at) -> None:
        draft_id = self._current_id()
        if draft_id is None:
            return
        self.composer.save_now()
        try:
            draft = self._planner.cadence.plan_draft(draft_id, at)
        except DigwellError as err:
            self.composer.failed.emit(err)
            return
        self.composer.show_draft(draft)
        self.reload(select=draft_id)
        if at is not None:
            when = at.astimezone(self._planner.clock.tz())
            self.composer.message.emit(
                _("Planned for {when}.").format(when=formats.weekday_day_month_time(when))
            )

    def _archive_or_restore(self) -> None:
        draft = self.composer.draft
        if draft is not None:
            self._set_state("draft" if draft.state == "archived" else "archived")

    def delete_current(self) -> None:
        draft_id = self._current_id()
        if draft_id is None:
            return
        row = self.list.currentRow()
        self._planner.drafting.delete_draft(draft_id)
        self.composer.show_draft(None)
        self.reload()
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.composer.message.emit(_("Draft deleted."))

    def _fill_new_menu(self) -> None:
        menu = self.new_button.menu()
        menu.clear()
        themes = self._planner.strategy.themes()
        if not themes:
            menu.addAction(_("Add themes in your career strategy first")).setEnabled(False)
        for theme in themes:
            menu.addAction(
                _("On {theme}").format(theme=theme.name),
                lambda t=theme.id: self.new_original_post(t),
            )

    def new_original_post(self, theme_id: int) -> None:
        """A new draft from the original-insight template on a theme."""
        self.start_new_draft([], ORIGINAL_TEMPLATE, theme_id=theme_id)

    def start_new_draft(
        self,
        item_ids: list[int],
        template: str = DEFAULT_TEMPLATE,
        theme_id: int | None = None,
    ) -> None:
        """Render a new draft off the GUI thread, then save and open it; `drafted` tells."""
        if self._new is not None and self._new.is_running():
            return
        platform_key = self._planner.drafting.platforms.last_platform()
        if platform_key not in PLATFORMS:
            platform_key = DEFAULT_PLATFORM
        try:
            job = self._planner.drafting.render_job(template, item_ids, platform_key, "", theme_id)
        except DigwellError as err:
            self.composer.failed.emit(err)
            return
        self._new = BackgroundCall(job)
        self._new.done.connect(
            lambda text: self._save_new(item_ids, template, platform_key, theme_id, text)
        )
        self._new.failed.connect(self.composer.failed.emit)
        self._new.start()

    def _save_new(
        self,
        item_ids: list[int],
        template: str,
        platform_key: str,
        theme_id: int | None,
        text: str,
    ) -> None:
        try:
            draft = self._planner.drafting.new_draft(
                item_ids, template, platform_key, text=text, theme_id=theme_id
            )
        except DigwellError as err:
            self.composer.failed.emit(err)
            return
        self.view_box.setCurrentIndex(0)
        self.open_draft(draft.id)
        self.drafted.emit(draft.id)
