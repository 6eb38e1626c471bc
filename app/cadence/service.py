"""The cadence service (planner.cadence): the posts log, the report, the week's
progress, the posting schedule and plan, planned breaks, reminders and their state, all
kept in the one database (docs/ARCHITECTURE.md; the score, streak and break rules:
docs/CADENCE.md)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.cadence.schedule import PostingSchedule
from app.cadence.week import next_week_start, week_progress, week_start
from app.clock import Clock
from app.errors import DigwellError, NotFoundError
from app.i18n import _, ngettext
from app.store import breaks as breaks_q
from app.store import drafts as drafts_q
from app.store import posts as posts_q
from app.store import settings as settings_q
from app.store import themes as themes_q
from app.store.database import Database
from app.strategy.stored import load_strategy, load_weekly_target
from app.types import Break, Changes, Draft, Post, WeekProgress

if TYPE_CHECKING:  # the first paint needs only week_progress: the rest is loaded when used
    from app.cadence.breaks import BreakDays
    from app.cadence.facts import FactsCache
    from app.cadence.plan import Slot
    from app.cadence.posts_log import PostsLog
    from app.cadence.reminders import Reminder, ReminderState
    from app.cadence.report import CadenceReport
    from app.desktop.autostart import Autostart

# As app.cadence.plan.PLAN_WEEKS (a test checks): the plan is imported when first used.
PLAN_WEEKS = 4
POSTING_DAYS_KEY = "posting_days"
POSTING_TIME_KEY = "posting_time"
REMINDER_STATE_KEY = "reminder_state"
REMINDERS_KEY = "reminders_enabled"
CLOSE_TO_TRAY_KEY = "close_to_tray"
START_AT_LOGIN_KEY = "start_at_login"
START_AT_LOGIN_OFFERED_KEY = "start_at_login_offered"
BREAK_NOTE_MAX = 200  # characters: a word or two, shown beside the heatmap and in lists


class CadenceService:
    """Reads and writes what the cadence needs; the figures come from the pure modules."""

    def __init__(self, db: Database, clock: Clock, announce: Callable[[Changes], None]) -> None:
        self._db = db
        self._clock = clock
        self._announce = announce
        self._log: PostsLog | None = None
        self._facts_cache: FactsCache | None = None
        self._autostart: Autostart | None = None  # this system's, when first needed

    def _facts(self) -> FactsCache:
        if self._facts_cache is None:
            from app.cadence.facts import FactsCache

            self._facts_cache = FactsCache()
        return self._facts_cache

    def changed(self, changes: Changes) -> None:
        """Told of every change announced (by the planner): posts edited in place (a new
        time, a theme gone with the strategy) make the report read its counts again."""
        if self._facts_cache is not None and (changes.posts or changes.strategy):
            self._facts_cache.forget()

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
        now, tz = self._clock.now(), self._clock.tz()
        return build_report(
            self._facts().read(self._db, now, tz),  # 50,000 posts: SQLite sums them up
            themes_q.list_themes(self._db),
            target=strategy.weekly_target,
            mix_target=strategy.mix,
            schedule=self.schedule(),
            now=now,
            tz=tz,
            breaks=breaks_q.list_breaks(self._db),
        )

    # Planned breaks (docs/CADENCE.md, "Planned breaks") ---------------------------------

    def breaks(self) -> list[Break]:
        """Every planned break, past and future, by first day."""
        return breaks_q.list_breaks(self._db)

    def add_break(self, starts_on: date, ends_on: date, note: str = "") -> Break:
        """Plan a break from `starts_on` to `ends_on`, both included. It may overlap
        others: their days count once."""
        starts_on, ends_on = _day(starts_on), _day(ends_on)
        if ends_on < starts_on:
            raise DigwellError(
                _("The break ends ({end}) before it starts ({start}).").format(
                    end=ends_on.isoformat(), start=starts_on.isoformat()
                ),
                _("Give its first day, then its last day (the same day for a one-day break)."),
            )
        note = " ".join(note.split())  # one line, for lists and the heatmap's tip
        if len(note) > BREAK_NOTE_MAX:
            raise DigwellError(
                ngettext(
                    "The note is {count} character long.",
                    "The note is {count} characters long.",
                    len(note),
                ).format(count=len(note)),
                _("Keep it to {limit}, e.g. “Summer holiday”.").format(limit=BREAK_NOTE_MAX),
            )
        with self._db.transaction() as conn:
            break_id = breaks_q.add_break(conn, starts_on, ends_on, note)
        self._announce(Changes(breaks=True))
        return Break(break_id, starts_on, ends_on, note)

    def remove_break(self, break_id: int) -> Break:
        """Remove a planned break; returns it. The figures are as if it never was."""
        found = breaks_q.get_break(self._db, break_id)
        if found is None:
            raise NotFoundError(
                _("There is no break with id {id}.").format(id=break_id),
                _("List the breaks to see their ids."),
            )
        with self._db.transaction() as conn:
            breaks_q.remove_break(conn, break_id)
        self._announce(Changes(breaks=True))
        return found

    def current_break(self) -> Break | None:
        """The break today is on (the one lasting longest, when several overlap)."""
        today = self._clock.now().astimezone(self._clock.tz()).date()
        on = breaks_q.breaks_on(self._db, today)
        return max(on, key=lambda b: (b.ends_on, -b.id)) if on else None

    def _break_days(self) -> BreakDays:
        from app.cadence.breaks import BreakDays

        return BreakDays(breaks_q.list_breaks(self._db))

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
            raise DigwellError(_("Pick at least one posting day."), _("For example: Tue, Thu."))
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
                _("This draft is posted, so it cannot be planned.")
                if draft.state == "posted"
                else _("This draft is archived, so it cannot be planned."),
                _("Bring it back to the drafts first, or draft a new post."),
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
                _("The plan could not be saved to {path} ({error}).").format(
                    path=path, error=err.strerror or err
                ),
                _("Choose a folder you can write to."),
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

    # Start at login (docs/DESKTOP.md) ---------------------------------------------

    def start_at_login(self) -> bool:
        """Whether Digwell starts into the tray when the user logs in (off by default)."""
        return settings_q.get_setting(self._db, START_AT_LOGIN_KEY, False) is True

    def set_start_at_login(self, on: bool) -> None:
        """Add or remove the login entry, then remember the choice (the entry first: if
        the system refuses, the setting does not claim otherwise)."""
        self.login_entry().apply(bool(on))
        with self._db.transaction() as conn:
            settings_q.set_setting(conn, START_AT_LOGIN_KEY, bool(on))
        self._announce(Changes(schedule=True))

    def start_at_login_offered(self) -> bool:
        """Whether the user was already asked once about starting at login."""
        return settings_q.get_setting(self._db, START_AT_LOGIN_OFFERED_KEY, False) is True

    def mark_start_at_login_offered(self) -> None:
        with self._db.transaction() as conn:
            settings_q.set_setting(conn, START_AT_LOGIN_OFFERED_KEY, True)

    def login_entry(self) -> Autostart:
        """Where the login entry goes: this system's unless `use_login_entry` chose."""
        if self._autostart is None:
            from app.desktop.autostart import for_this_system

            self._autostart = for_this_system()
        return self._autostart

    def use_login_entry(self, entry: Autostart) -> None:
        """Write the login entry through `entry` (another platform or folder: tests)."""
        self._autostart = entry

    def reminder_state(self) -> ReminderState:
        from app.cadence.reminders import state_from_json

        return state_from_json(settings_q.get_setting(self._db, REMINDER_STATE_KEY, {}))

    def _save_state(self, state: ReminderState) -> None:
        from app.cadence.reminders import state_to_json

        with self._db.transaction() as conn:
            settings_q.set_setting(conn, REMINDER_STATE_KEY, state_to_json(state))

    def take_due_reminder(self) -> Reminder | None:
        """The reminder due now, if any, recorded as shown so it comes once."""
        from app.cadence.breaks import week_target
        from app.cadence.reminders import after_shown, due_reminder

        if not self.reminders_enabled():
            return None
        now, tz = self._clock.now(), self._clock.tz()
        state = self.reminder_state()
        monday = week_start(now, tz)
        week = posts_q.posts_between(self._db, monday, next_week_start(now, tz))
        planned = [(d.planned_for, d.id, d.title) for d in self.planned() if d.planned_for]
        days_off = self._break_days()
        # In a week partly on a break, "behind" is judged against that week's own target.
        target = week_target(
            load_weekly_target(self._db), days_off.week_break_days(monday.astimezone(tz).date())
        )
        reminder = due_reminder(
            now,
            tz,
            self.schedule(),
            state,
            planned=planned,
            week_posts=len(week),
            target=target,
            breaks=days_off,
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
        """Whether no reminder may show now: reminders are off or snoozed, or today is
        on a planned break (the people gone cold wait for its end too)."""
        if not self.reminders_enabled() or self.current_break() is not None:
            return True
        until = self.reminder_state().snoozed_until
        return until is not None and self._clock.now() < until


def _day(value: date) -> date:
    """A date from a date or a datetime (a datetime is a date too, to the type checker)."""
    return value.date() if isinstance(value, datetime) else value
