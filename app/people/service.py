"""The people service (planner.people): the people the user keeps in touch with, their
circles and touches, who is due, and giving before asking (docs/PEOPLE.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from app.clock import Clock
from app.errors import DigwellError, NotFoundError
from app.i18n import _, ngettext
from app.people.circle_names import circle_label
from app.people.fields import clean_circle, clean_fields, clean_kind
from app.people.keep_warm import ASK_WINDOW_DAYS, PRUNE_AFTER_DAYS, ask_note
from app.store import item_people
from app.store import people as people_q
from app.store import touches as touches_q
from app.store.database import Database
from app.types import Changes, Circle, Person, Touch

if TYPE_CHECKING:
    from pathlib import Path

    from app.people.import_plan import ImportPlan, Progress

_MERGED_TEXTS = (
    *("company", "role", "how_known"),
    *("linkedin", "x", "mastodon", "bluesky", "threads", "website", "email"),
)


class PeopleService:
    """Reads and writes people; every write announces Changes(people=True), with
    items=True when it changed which inbox items they wrote."""

    def __init__(self, db: Database, clock: Clock, announce: Callable[[Changes], None]) -> None:
        self._db = db
        self._clock = clock
        self._announce = announce

    def today(self) -> date:
        return self._clock.now().astimezone(self._clock.tz()).date()

    def _now(self) -> datetime:
        return self._clock.now()

    # Reading --------------------------------------------------------------------

    def get(self, person_id: int) -> Person:
        return people_q.get_person(self._db, person_id)

    def find(self, ref: str) -> Person:
        """A person by id or by name (ignoring case and accents); archived people by id
        only. A clear error when nobody or several people match."""
        text = ref.strip()
        if text.isdigit():
            return self.get(int(text))
        found = people_q.people_named(self._db, text)
        if not found:
            raise NotFoundError(_("Nobody called “{name}” among your people.").format(name=text))
        if len(found) > 1:
            ids = ", ".join(str(p.id) for p in found)
            raise DigwellError(
                ngettext(
                    "{count} person is called “{name}”.",
                    "{count} people are called “{name}”.",
                    len(found),
                ).format(count=len(found), name=text),
                _("Use an id instead: {ids}.").format(ids=ids),
            )
        return found[0]

    def ids(self, search: str = "", circle_id: int | None = None) -> list[int]:
        """Ids of the people shown for `search` in `circle_id`, by name."""
        return people_q.person_ids(self._db, search, circle_id)

    def rows(self, ids: Sequence[int]) -> list[Person]:
        return people_q.people_by_id(self._db, ids)

    def listed(self, search: str = "", circle_id: int | None = None) -> list[Person]:
        return self.rows(self.ids(search, circle_id))

    def everyone(self) -> list[Person]:
        """Everyone, archived too, by id."""
        return people_q.all_people(self._db)

    def count(self) -> int:
        return people_q.people_count(self._db)

    def due(self, limit: int | None = None) -> list[Person]:
        """Who is past their ideal interval today, most overdue first."""
        return people_q.due_people(self._db, self.today(), limit)

    def due_counts(self) -> tuple[int, int]:
        """(due, of which overdue) today."""
        return people_q.due_counts(self._db, self.today())

    def newly_overdue(self, since: date) -> list[Person]:
        """Who became overdue after `since` and by today (the tray reminder)."""
        return people_q.overdue_between(self._db, since, self.today())

    def review(self) -> list[Person]:
        """People with no touch in over a year and no gives: offered for archiving."""
        return people_q.prune_candidates(self._db, self.today() - timedelta(PRUNE_AFTER_DAYS))

    def touches(self, person_id: int, limit: int | None = None) -> list[Touch]:
        """A person's touches, newest first, with the posts behind them."""
        return touches_q.touches_of(self._db, person_id, limit)

    def items_by(self, person_id: int, limit: int = 50) -> list[int]:
        """Ids of the newest inbox items the person wrote."""
        return item_people.items_by(self._db, person_id, limit)

    def totals(self) -> tuple[int, int]:
        """(gives, asks) over everyone."""
        return touches_q.totals(self._db)

    def gives_between(self, start: date, end: date) -> list[tuple[str, str, date]]:
        """(name, kind, day) of each give from `start` to before `end`, newest first."""
        return touches_q.gives_between(self._db, start, end)

    def ask_warning(self, person_id: int) -> str:
        """The gentle note an ask gets where nothing was given to the person in the last
        180 days; "" otherwise."""
        since = self.today() - timedelta(ASK_WINDOW_DAYS)
        if touches_q.gave_since(self._db, person_id, since):
            return ""
        return ask_note(self.get(person_id).name)

    # Circles --------------------------------------------------------------------

    def circles(self) -> list[Circle]:
        return people_q.circles(self._db)

    def circle_named(self, name: str) -> Circle:
        key = name.strip().casefold()
        for circle in self.circles():
            if key in (circle.name.casefold(), circle_label(circle.name).casefold()):
                return circle
        known = ", ".join(c.name for c in self.circles())
        raise NotFoundError(
            _("No circle called “{name}”.").format(name=name.strip()),
            _("Circles: {circles}.").format(circles=known),
        )

    def add_circle(self, name: str, ideal_days: object, max_days: object) -> Circle:
        name, low, high = clean_circle(name, ideal_days, max_days)
        self._unique_circle(name, None)
        with self._db.transaction() as tx:
            circle_id = people_q.add_circle(tx, name, low, high)
        self._announce(Changes(people=True))
        return Circle(circle_id, name, low, high)

    def edit_circle(self, circle_id: int, name: str, ideal_days: object, max_days: object) -> None:
        name, low, high = clean_circle(name, ideal_days, max_days)
        self._unique_circle(name, circle_id)
        with self._db.transaction() as tx:
            people_q.update_circle(tx, circle_id, name, low, high)
        self._announce(Changes(people=True))

    def remove_circle(self, circle_id: int, move_to: int) -> None:
        """Delete a circle, moving its people to `move_to`."""
        if circle_id == move_to or move_to not in {c.id for c in self.circles()}:
            raise DigwellError(_("Pick another circle for its people first."))
        with self._db.transaction() as tx:
            people_q.delete_circle(tx, circle_id, move_to)
        self._announce(Changes(people=True))

    def _unique_circle(self, name: str, own_id: int | None) -> None:
        if any(c.name.casefold() == name.casefold() and c.id != own_id for c in self.circles()):
            raise DigwellError(_("There is already a circle called “{name}”.").format(name=name))

    # Writing people -------------------------------------------------------------

    def _circle_id(self, fields: dict[str, object], circle: str | int | None) -> None:
        if isinstance(circle, int):
            if circle not in {c.id for c in self.circles()}:
                raise NotFoundError(_("No circle with id {id}.").format(id=circle))
            fields["circle_id"] = circle
        elif circle:
            fields["circle_id"] = self.circle_named(circle).id

    def add(self, name: str, *, circle: str | int | None = None, **raw: object) -> Person:
        """Add a person (fields as app.people.fields.clean_fields takes them); the
        circle by name or id, else the widest one."""
        fields = clean_fields({"name": name, **raw})
        self._circle_id(fields, circle)
        fields.setdefault("circle_id", self.circles()[-1].id)
        with self._db.transaction() as tx:
            person_id = people_q.insert_person(tx, fields, self.today())
            linked = item_people.relink_people(tx, [person_id])
        self._announce(Changes(people=True, items=bool(linked)))
        return self.get(person_id)

    def edit(self, person_id: int, *, circle: str | int | None = None, **raw: object) -> Person:
        fields = clean_fields(raw)
        self._circle_id(fields, circle)
        with self._db.transaction() as tx:
            people_q.update_person(tx, person_id, fields)
            linked = item_people.relink_people(tx, [person_id])
        self._announce(Changes(people=True, items=bool(linked)))
        return self.get(person_id)

    def snooze(self, person_id: int, until: date | None) -> None:
        """Hold a person off the due list until `until` (None: end the snooze)."""
        self.get(person_id)
        with self._db.transaction() as tx:
            people_q.set_snooze(tx, person_id, until)
        self._announce(Changes(people=True))

    def archive(self, person_ids: Sequence[int], archived: bool = True) -> None:
        """Archive these people (they stay in history, leave every list) or bring them
        back."""
        ids = list(person_ids)
        for person_id in ids:
            self.get(person_id)
        with self._db.transaction() as tx:
            theirs = item_people.linked_items(tx, ids) if archived else []
            if archived:
                item_people.unlink_people(tx, ids)
            people_q.set_archived(tx, ids, self.today() if archived else None)
            people_q.refresh_people(tx, ids)  # archived people keep no matching keys
            if archived:
                item_people.link_items(tx, theirs)  # a namesake's now, if any
            else:
                item_people.relink_people(tx, ids)
        self._announce(Changes(people=True, items=True))

    def merge(self, keep_id: int, other_id: int) -> Person:
        """Fold `other_id` into `keep_id`: touches move over, empty fields are filled
        from the other, notes are joined; the other is deleted."""
        if keep_id == other_id:
            raise DigwellError(_("Pick two different people to merge."))
        keep, other = self.get(keep_id), self.get(other_id)
        fields: dict[str, object] = {
            f: getattr(other, f)
            for f in _MERGED_TEXTS
            if not getattr(keep, f) and getattr(other, f)
        }
        if other.notes and other.notes not in keep.notes:
            fields["notes"] = "\n\n".join(n for n in (keep.notes, other.notes) if n)
        with self._db.transaction() as tx:
            item_people.unlink_people(tx, [other_id])
            touches_q.move_touches(tx, other_id, keep_id)
            people_q.delete_person(tx, other_id)
            people_q.update_person(tx, keep_id, fields)
            item_people.relink_people(tx, [keep_id])
        self._announce(Changes(people=True, items=True))
        return self.get(keep_id)

    def delete(self, person_id: int) -> None:
        """Delete a person and their touches for good (archive keeps them)."""
        self.get(person_id)
        with self._db.transaction() as tx:
            item_people.unlink_people(tx, [person_id])
            people_q.delete_person(tx, person_id)
        self._announce(Changes(people=True, items=True))

    # Touches --------------------------------------------------------------------

    def touch(
        self,
        person_id: int,
        kind: str,
        on: date | None = None,
        note: str = "",
        post_id: int | None = None,
    ) -> Touch:
        """Log a touch (today unless `on`); it restarts the person's interval."""
        kind = clean_kind(kind)
        self.get(person_id)
        day = on or self.today()
        if day > self.today():
            raise DigwellError(_("A touch cannot be in the future."))
        with self._db.transaction() as tx:
            touch_id = touches_q.add_touch(
                tx, person_id, kind, day, note=note.strip(), post_id=post_id, now=self._now()
            )
            people_q.refresh_people(tx, [person_id])
        self._announce(Changes(people=True))
        return touches_q.get_touch(self._db, touch_id)

    def remove_touch(self, touch_id: int) -> None:
        touch = touches_q.get_touch(self._db, touch_id)
        with self._db.transaction() as tx:
            touches_q.delete_touch(tx, touch_id)
            people_q.refresh_people(tx, [touch.person_id])
        self._announce(Changes(people=True))

    # The inbox lift -------------------------------------------------------------

    def rank_boost(self) -> float:
        """How much higher items by the user's people rank: 0 (off), 1 (as if twice as
        relevant, the default) or 2 (four times)."""
        return item_people.boost(self._db.conn)

    def set_rank_boost(self, value: float) -> None:
        if value not in item_people.BOOST_LEVELS:
            raise DigwellError(_("The lift is off, twice or four times as relevant."))
        with self._db.transaction() as tx:
            item_people.set_boost(tx, value)
        self._announce(Changes(items=True, settings=True))

    # For the window -------------------------------------------------------------

    # The last local day the tray named people gone cold (an ISO date).
    _REMINDED_KEY = "people_reminder_day"

    def changed_elsewhere(self) -> None:
        """Say that another process (an import, run as a child of the window) wrote
        people, their touches and the inbox's links to them: every page reads again."""
        self._announce(Changes(people=True, items=True))

    def people_to_remind(self) -> list[Person]:
        """Who became overdue since the day of the last people reminder (the first
        time: today), most overdue first, at most once a local day: the tray names
        them, and the day is recorded when someone was named. Polled; an index answers."""
        from app.store import settings as settings_q

        today = self.today()
        stored = settings_q.get_setting(self._db, self._REMINDED_KEY)
        try:
            last = date.fromisoformat(stored) if isinstance(stored, str) else None
        except ValueError:
            last = None  # a hand-edited value: as if never reminded
        if last is not None and last >= today:
            return []
        people = self.newly_overdue(last or today - timedelta(days=1))
        if people:
            with self._db.transaction() as tx:
                settings_q.set_setting(tx, self._REMINDED_KEY, today.isoformat())
        return people

    # Import and export ------------------------------------------------------------

    def read_import(
        self, path: Path, keep_emails: bool = False, on_progress: Progress | None = None
    ) -> ImportPlan:
        """Read an import file (LinkedIn's Connections.csv or export .zip, a vCard file)
        and plan it against everyone, archived too (docs/PEOPLE_IMPORT.md). Writes
        nothing; a refused file is a DigwellError."""
        from app.people.import_file import read_contacts
        from app.people.import_plan import plan_import

        found = read_contacts(path, keep_emails)
        if on_progress is not None:
            on_progress(0, len(found.contacts) + len(found.errors))
        connected = people_q.touch_days(self._db, "connected")
        everyone = people_q.all_people(self._db)
        return plan_import(found, everyone, connected, self.today(), on_progress)

    def apply_import(self, plan: ImportPlan, on_progress: Progress | None = None) -> ImportPlan:
        """Write a plan from read_import in one transaction (new people go to the widest
        circle, "Connected On" days become `connected` touches) and return it."""
        from app.people.import_write import write_plan

        if not (plan.added or plan.updated):
            return plan
        circle_id = self.circles()[-1].id
        with self._db.transaction() as tx:
            linked = write_plan(tx, plan, circle_id, self.today(), self._now(), on_progress)
        self._announce(Changes(people=True, items=bool(linked)))
        return plan

    def export_csv(self, path: Path) -> int:
        """Write everyone, archived too, to a CSV file for a spreadsheet; returns how
        many (docs/PEOPLE_IMPORT.md, "Export")."""
        from app.people.people_csv import write_people_csv

        return write_people_csv(path, self.everyone())
