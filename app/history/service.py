"""The history service (planner.history): the user's own posts and engagement from the
platforms' exports, read and planned first, written when the user says (docs/HISTORY.md).

Reading a file writes nothing: `read_file` hands back a plan with a preview. `apply`
writes it in one transaction and announces `Changes(posts=True)` (with `people` when a
LinkedIn export's connections added or changed people)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.clock import Clock
from app.i18n import _
from app.store import history as history_q
from app.store.database import Database
from app.types import Changes

if TYPE_CHECKING:
    from app.history.plan import HistoryPlan, Progress
    from app.history.records import HistoryFile, HistoryPost
    from app.people.import_plan import ImportPlan

PROGRESS_STEPS = 1000  # read_file tells its progress in thousandths
_PLANNING_STEPS = 100  # of them for the plan, after the reading


class HistoryService:
    """Reads exports into plans and writes them; the rules live in app/history/."""

    def __init__(self, db: Database, clock: Clock, announce: Callable[[Changes], None]) -> None:
        self._db = db
        self._clock = clock
        self._announce = announce

    def read_file(
        self, path: Path, platform: str = "auto", on_progress: Progress | None = None
    ) -> HistoryPlan:
        """Read an export (LinkedIn, X, Mastodon, Bluesky; `platform` "auto" tells it
        from the file) and plan it against what is logged. Writes nothing; a refused file
        is a DigwellError. Progress is told in thousandths: the reading, then the plan."""
        from app.history.detect import read_history

        if on_progress is None:
            return self.plan(read_history(Path(path), platform))
        tell = on_progress
        reading = PROGRESS_STEPS - _PLANNING_STEPS

        def read(done: int, total: int) -> None:
            tell(reading * min(done, total) // max(1, total), PROGRESS_STEPS)

        def planned(done: int, total: int) -> None:
            tell(reading + _PLANNING_STEPS * min(done, total) // max(1, total), PROGRESS_STEPS)

        plan = self.plan(read_history(Path(path), platform, read), planned)
        tell(PROGRESS_STEPS, PROGRESS_STEPS)
        return plan

    def plan(self, found: HistoryFile, on_progress: Progress | None = None) -> HistoryPlan:
        """The plan for what a reader found (read_file's second half)."""
        from app.cadence.breaks import BreakDays
        from app.history.plan import Logged, plan_history
        from app.store import breaks as breaks_q
        from app.strategy.stored import load_weekly_target

        db = self._db
        logged = Logged(
            external_ids=history_q.external_ids(db, found.platform),
            engagement_ids=history_q.engagement_ids(db, found.platform),
            urls=history_q.logged_urls(db),
            links=history_q.logged_links(db, found.platform),
            post_times=history_q.post_times(db),
        )
        people = self._people_plan(found)
        return plan_history(
            found,
            logged,
            self._classifier(people),
            now=self._clock.now(),
            tz=self._clock.tz(),
            target=load_weekly_target(db),
            breaks=BreakDays(breaks_q.list_breaks(db)),
            people=people,
            on_progress=on_progress,
        )

    def _classifier(
        self, people: ImportPlan | None
    ) -> Callable[[HistoryPost], tuple[str, int | None]]:
        """post -> (kind, theme id): the people's keys and the inbox's matcher read once."""
        from app.history.kinds import Credits, new_people_keys, post_kind, post_theme
        from app.strategy.scoring import current_scorer

        keys = history_q.person_match_keys(self._db)
        if people is not None:
            keys |= new_people_keys(p.fields for p in people.added)
        credits = Credits(keys)
        matcher = current_scorer(self._db.conn).matches
        themes = history_q.theme_ids(self._db)

        def classify(post: HistoryPost) -> tuple[str, int | None]:
            return post_kind(post, credits), post_theme(post, matcher, themes)

        return classify

    def _people_plan(self, found: HistoryFile) -> ImportPlan | None:
        """A LinkedIn export's connections, planned as `digwell people import` plans
        them (without e-mail addresses); None when the file has none."""
        if not found.connections_csv:
            return None
        from app.errors import DigwellError
        from app.people.import_plan import Contacts, RowError, plan_import
        from app.people.linkedin import read_connections
        from app.store import people as people_q

        try:
            text = found.connections_csv.decode("utf-8-sig")
            contacts = read_connections(text, "Connections.csv", keep_emails=False)
        except UnicodeDecodeError as err:
            message = _("It is not UTF-8 text (byte {byte} is not).").format(byte=err.start + 1)
            contacts = Contacts("linkedin", [], [RowError(0, message)])
        except DigwellError as err:
            contacts = Contacts("linkedin", [], [RowError(0, str(err))])
        return plan_import(
            contacts,
            people_q.all_people(self._db),
            people_q.touch_days(self._db, "connected"),
            self._clock.now().astimezone(self._clock.tz()).date(),
        )

    def apply(self, plan: HistoryPlan, on_progress: Progress | None = None) -> dict[str, object]:
        """Write a plan from read_file in one transaction; returns the summary of what
        was written (the JSON of `digwell import`)."""
        from app.history.write import write_plan
        from app.store import people as people_q

        now = self._clock.now()
        circles = people_q.circles(self._db) if plan.people is not None else []
        with self._db.transaction() as conn:
            written = write_plan(
                conn,
                plan,
                circle_id=circles[-1].id if circles else 0,
                today=now.astimezone(self._clock.tz()).date(),
                now=now,
                on_progress=on_progress,
            )
        people = plan.people is not None and bool(plan.people.added or plan.people.updated)
        if written.posts or written.engagement or people:
            posts = bool(written.posts or written.engagement)
            self._announce(Changes(posts=posts, people=people, items=bool(written.linked)))
        return plan.summary(
            dry_run=False, added=(written.posts, written.engagement, written.people)
        )

    def changed_elsewhere(self) -> None:
        """Say that another process (an import run as a child of the window) wrote
        posts, engagement and perhaps people: every page reads again."""
        self._announce(Changes(posts=True, people=True, items=True))

    # What is imported -------------------------------------------------------------

    def engagement_weeks(self, weeks: int = 12) -> list[tuple[date, int]]:
        """(Monday, comments and replies that calendar week) for the last `weeks` weeks
        in the user's time zone, this week last."""
        from app.cadence.week import next_week_start

        now, tz = self._clock.now(), self._clock.tz()
        today = now.astimezone(tz).date()
        this_monday = today - timedelta(days=today.weekday())
        mondays = [this_monday - timedelta(weeks=n) for n in range(max(1, weeks) - 1, -1, -1)]
        totals = dict.fromkeys(mondays, 0)
        since = datetime(mondays[0].year, mondays[0].month, mondays[0].day, tzinfo=tz)
        for moment in history_q.engagement_times(self._db, since, next_week_start(now, tz)):
            local = moment.astimezone(tz).date()
            monday = local - timedelta(days=local.weekday())
            if monday in totals:
                totals[monday] += 1
        return list(totals.items())

    def per_source(self) -> dict[str, tuple[int, int]]:
        """source -> (posts, comments and replies) imported from it ('' is the posts
        logged in Digwell)."""
        return history_q.per_source(self._db)
