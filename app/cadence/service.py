"""The cadence service (planner.cadence): the posts log, the report, the week's
progress, the posting schedule and plan, reminders and their state, all kept in the one
database (docs/ARCHITECTURE.md; the score and streak rules: docs/CADENCE.md)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.cadence.schedule import PostingSchedule
from app.cadence.week import next_week_start, week_progress, week_start
from app.clock import Clock
from app.errors import DigwellError
from app.store import drafts as drafts_q
from app.store import posts as posts_q
from app.store import settings as settings_q
from app.store import themes as themes_q
from app.store.database import Database
from app.strategy.stored import load_strategy, load_weekly_target
from app.types import Changes, Draft, Post, WeekProgress

if TYPE_CHECKING:  # the first paint needs only week_progress: the rest is loaded when used
    from app.cadence.plan import Slot
    from app.cadence.posts_log import PostsLog
    from app.cadence.reminders import Reminder, ReminderState
    from app.cadence.report import CadenceReport

# As app.cadence.plan.PLAN_WEEKS (a test checks): the plan is imported when first used.
PLAN_WEEKS = 4
POSTING_DAYS_KEY = "posting_days"
POSTING_TIME_KEY = "posting_time"
REMINDER_STATE_KEY = "reminder_state"
REMINDERS_KEY = "reminders_enabled"
CLOSE_TO_TRAY_KEY = "close_to_tray"


class CadenceService:
    """Reads and writes what the cadence needs; the figures come from the pure modules."""

    def __init__(self, db: Database, clock: Clock, announce: Callable[[Changes], None]) -> None:
        self._db = db
        self._clock = clock
        self._announce = announce
        self._log: PostsLog | None = None

    @property
    def log(self) -> PostsLog:
        """The posts log: the posts the figures are computed from."""
        if self._log is None:
            from app.cadence.posts_log import PostsLog

            self._log = PostsLog(self._db, self._clock, self._announce)
        return self._log

    # The report ---------------------------------------------------------------

    def posts(self) -> list[Post]:
        """Every logged post, newest first."""
        return posts_q.list_posts(self._db)

    def week_progress(self) -> WeekProgress:
        """Posts in the current calendar week (user's time zone) against the target."""
        now, tz = self._clock.now(), self._clock.tz()
        week = posts_q.posts_between(self._db, week_start(now, tz), next_week_start(now, tz))
        target = load_weekly_target(self._db)
        return week_progress((p.posted_at for p in week), now, tz, target)

    def report(self) -> CadenceReport:
        """Score, streak, coverage, mix and summary as of now (docs/CADENCE.md)."""
        from app.cadence.report import build_report

        strategy = load_strategy(self._db)
        return build_report(
            posts_q.list_posts(self._db),
            themes_q.list_themes(self._db),
            target=strategy.weekly_target,
            mix_target=strategy.mix,
            schedule=self.schedule(),
            now=self._clock.now(),
            tz=self._clock.tz(),
        )

    # Schedule and plan -----------------------------------------------------------

    def schedule(self) -> PostingSchedule:
        """The preferred posting days and time (Tue–Thu at 09:00 until the user says)."""
        default = PostingSchedule()
        days = settings_q.get_setting(self._db, POSTING_DAYS_KEY)
        if not (isinstance(days, list) and all(isinstance(d, int) and 0 <= d < 7 for d in days)):
            days = list(default.days)
        at = default.at
        text = settings_q.get_setting(self._db, POSTING_TIME_KEY)
        # A hand-edited value that is not a time: the default rather than no reminders.
        if isinstance(text, str):
            with contextlib.suppress(ValueError):
                at = time.fromisoformat(text)
        return PostingSchedule(tuple(sorted(set(days))), at.replace(second=0, microsecond=0))

    def set_schedule(self, schedule: PostingSchedule) -> None:
        if not schedule.days:
            raise DigwellError("Pick at least one posting day.", "For example: Tue, Thu.")
        with self._db.transaction() as conn:
            settings_q.set_setting(conn, POSTING_DAYS_KEY, sorted(set(schedule.days)))
            settings_q.set_setting(conn, POSTING_TIME_KEY, schedule.at.strftime("%H:%M"))
        self._announce(Changes(schedule=True))

    def planned(self) -> list[Draft]:
        """Drafts planned for a time, soonest first."""
        return drafts_q.planned_drafts(self._db)

    def slots(self, weeks: int = PLAN_WEEKS) -> list[Slot]:
        """The slots of the next `weeks` weeks with what is planned into them."""
        from app.cadence.plan import plan_slots

        return plan_slots(
            self.schedule(), self.planned(), self._clock.now(), self._clock.tz(), weeks
        )

    def overdue(self) -> list[Draft]:
        """Planned drafts whose time passed unposted."""
        from app.cadence.plan import overdue

        return overdue(self.planned(), self._clock.now())

    def plan_draft(self, draft_id: int, at: datetime | None) -> Draft:
        """Plan a draft into a slot (`at`), or as "soon" with no time (None)."""
        draft = drafts_q.get_draft(self._db, draft_id)
        if draft.state not in ("draft", "planned"):
            raise DigwellError(
                f"This draft is {draft.state}, so it cannot be planned.",
                "Bring it back to the drafts first, or draft a new post.",
            )
        if at is not None and at.tzinfo is None:
            raise ValueError("a planned time must be aware")
        with self._db.transaction() as conn:
            drafts_q.plan_draft(conn, draft_id, at, self._clock.now())
        self._announce(Changes(drafts=True))
        return drafts_q.get_draft(self._db, draft_id)

    def export_ical(self, path: Path, weeks: int = PLAN_WEEKS) -> int:
        """Write the plan's next `weeks` weeks to `path` as iCalendar; returns the events."""
        from app.cadence.ical import plan_calendar

        slots = self.slots(weeks)
        data = plan_calendar(slots, self._clock.now())
        path = Path(path)
        partial = path.with_name(path.name + ".partial")
        try:  # never leave half a calendar behind
            partial.write_bytes(data)
            os.replace(partial, path)
        except OSError as err:
            partial.unlink(missing_ok=True)
            raise DigwellError(
                f"The plan could not be saved to {path} ({err.strerror or err}).",
                "Choose a folder you can write to.",
            ) from err
        return len(slots)

    # Reminders --------------------------------------------------------------------

    def reminders_enabled(self) -> bool:
        return settings_q.get_setting(self._db, REMINDERS_KEY, True) is not False

    def close_to_tray(self) -> bool:
        """Whether closing the window keeps Digwell running in the tray (off by default:
        a window that does not quit when closed surprises people who did not ask)."""
        return settings_q.get_setting(self._db, CLOSE_TO_TRAY_KEY, False) is True

    def set_preferences(self, *, reminders: bool, close_to_tray: bool) -> None:
        with self._db.transaction() as conn:
            settings_q.set_setting(conn, REMINDERS_KEY, bool(reminders))
            settings_q.set_setting(conn, CLOSE_TO_TRAY_KEY, bool(close_to_tray))
        self._announce(Changes(schedule=True))

    def reminder_state(self) -> ReminderState:
        from app.cadence.reminders import state_from_json

        return state_from_json(settings_q.get_setting(self._db, REMINDER_STATE_KEY, {}))

    def _save_state(self, state: ReminderState) -> None:
        from app.cadence.reminders import state_to_json

        with self._db.transaction() as conn:
            settings_q.set_setting(conn, REMINDER_STATE_KEY, state_to_json(state))

    def take_due_reminder(self) -> Reminder | None:
        """The reminder due now, if any, recorded as shown so it comes once."""
        from app.cadence.reminders import after_shown, due_reminder

        if not self.reminders_enabled():
            return None
        now, tz = self._clock.now(), self._clock.tz()
        state = self.reminder_state()
        week = posts_q.posts_between(self._db, week_start(now, tz), next_week_start(now, tz))
        planned = [(d.planned_for, d.id, d.title) for d in self.planned() if d.planned_for]
        reminder = due_reminder(
            now,
            tz,
            self.schedule(),
            state,
            planned=planned,
            week_posts=len(week),
            target=load_weekly_target(self._db),
        )
        if reminder is not None:
            self._save_state(after_shown(state, reminder))
        return reminder

    def snooze(self, reminder: Reminder, duration: timedelta) -> datetime:
        """Remind of `reminder` again after `duration`; returns when. Snoozing a reminder
        of people gone cold quiets reminders in general (it is not shown again)."""
        from app.cadence.reminders import after_snooze

        now = self._clock.now()
        again = None if reminder.people else reminder
        self._save_state(after_snooze(self.reminder_state(), again, now, duration))
        return now + duration

    def reminders_quiet(self) -> bool:
        """Whether no reminder may show now: reminders are off, or snoozed."""
        if not self.reminders_enabled():
            return True
        until = self.reminder_state().snoozed_until
        return until is not None and self._clock.now() < until
